/**
 * Training loops: {@link io.neurite.train.Trainer} fits a model (train mode, forward, loss, backward, optional
 * gradient clipping and accumulation, optimizer step, learning-rate schedule per batch or per epoch), validates
 * it in eval mode without recording gradients, and returns a {@link io.neurite.train.History} of per-epoch logs.
 *
 * <p>{@link io.neurite.train.Callback}s hook into it: {@link io.neurite.train.EarlyStopping},
 * {@link io.neurite.train.ModelCheckpoint} (best and last, resumable with {@link io.neurite.train.Trainer#resume}),
 * {@link io.neurite.train.LearningRateLogger}, {@link io.neurite.train.MetricsLogger} (JSON lines and CSV),
 * {@link io.neurite.train.ProgressPrinter} (a plain line per epoch) and {@link io.neurite.train.ProgressListener}
 * (per-batch {@link io.neurite.train.Progress}, the hook for a terminal progress bar).
 *
 * <p>Reproducibility: with the same {@code Tensor.manualSeed}, loader seeds and thread count, the losses are
 * the same run after run. Resuming restores weights, optimizer and schedule state, the epoch count (so
 * shuffling continues as if never stopped) and the default generator's state (so do dropout masks).
 */
package io.neurite.train;
