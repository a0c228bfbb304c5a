/**
 * Optimizers, gradient clipping and (in {@link io.neurite.optim.lr}) learning-rate schedules, with
 * PyTorch 1.13's semantics and numbers.
 *
 * <ul>
 *   <li>{@link io.neurite.optim.Optimizer}: parameter groups with their own hyper-parameters (an
 *       options record per optimizer, validated when built), {@code zeroGrad()}, {@code step()},
 *       and a plain-data {@code stateDict()} for exact resumption.</li>
 *   <li>{@link io.neurite.optim.SGD}, {@link io.neurite.optim.Adagrad}, {@link io.neurite.optim.RMSprop},
 *       {@link io.neurite.optim.Adam}, {@link io.neurite.optim.AdamW}, {@link io.neurite.optim.Adamax},
 *       {@link io.neurite.optim.NAdam}, {@link io.neurite.optim.RAdam}, {@link io.neurite.optim.Adadelta}:
 *       each update is a static loop over the flat float data of a parameter, its gradient and its
 *       state buffers; {@link io.neurite.optim.LBFGS} for small full-batch problems.</li>
 *   <li>{@link io.neurite.optim.GradClip}: clipping by total norm or by value.</li>
 *   <li>{@link io.neurite.optim.LRFinder}: the learning-rate range test. It raises the lr
 *       exponentially (or linearly) over a hundred or so batches, records the raw and the smoothed
 *       loss, stops on divergence, suggests a rate (steepest descent, or min/10) and restores the
 *       model and the optimizer through their state dicts.</li>
 * </ul>
 */
package io.neurite.optim;
