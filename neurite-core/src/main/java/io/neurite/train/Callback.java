package io.neurite.train;

import java.util.Map;

/**
 * Hooks the {@link Trainer} calls during {@link Trainer#fit}. Every hook does nothing by default. The
 * {@code logs} maps are live: a callback may add entries (as {@link LearningRateLogger} does), and the
 * callbacks after it see them; the epoch-end logs become the epoch's {@link History} row. Stop training
 * with {@link Trainer#stopTraining()} on the trainer received in {@link #onTrainBegin}.
 */
public interface Callback {

    /** Before the first epoch of {@link Trainer#fit}. */
    default void onTrainBegin(Trainer trainer) {}

    /** After the last epoch, also when a callback stopped training early. */
    default void onTrainEnd(Trainer trainer) {}

    /** Before epoch {@code epoch} (0-based over the trainer's life, so it continues after a resume). */
    default void onEpochBegin(int epoch, Map<String, Double> logs) {}

    /** After epoch {@code epoch} and its validation: {@code logs} holds loss, metrics, val_*, lr, times. */
    default void onEpochEnd(int epoch, Map<String, Double> logs) {}

    /** Before training batch {@code batch} (0-based within the epoch). */
    default void onBatchBegin(int batch, Map<String, Double> logs) {}

    /** After training batch {@code batch}: {@code logs} holds its "loss" and "size". */
    default void onBatchEnd(int batch, Map<String, Double> logs) {}
}
