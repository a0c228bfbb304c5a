/**
 * Learning-rate schedules: {@link io.neurite.optim.lr.LRScheduler} and its subclasses compute each
 * parameter group's next learning rate (and cycle momentum where PyTorch does), stepped per epoch
 * or per batch; {@link io.neurite.optim.lr.ReduceLROnPlateau} reacts to a metric. Every schedule
 * gives PyTorch 1.13's learning rate at every step, including its recursive ("chainable") forms.
 */
package io.neurite.optim.lr;
