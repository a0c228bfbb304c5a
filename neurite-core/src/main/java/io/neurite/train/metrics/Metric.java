package io.neurite.train.metrics;

import io.neurite.tensor.Tensor;

/**
 * A streaming evaluation metric: {@link #update} once per batch, {@link #compute} at the end of the epoch,
 * {@link #reset} before the next one. Updating over several batches gives the same value as one update with
 * all of them concatenated.
 *
 * <pre>{@code
 * Metric<Double> accuracy = new Accuracy();
 * for (Batch b : loader) accuracy.update(model.forward(b.inputs()), b.targets());
 * double value = accuracy.compute();
 * accuracy.reset();
 * }</pre>
 *
 * @param <T> the computed value: {@code Double} for scalar metrics
 */
public interface Metric<T> {

    /** Accumulates one batch of predictions and the matching targets (the metric's doc gives the shapes). */
    void update(Tensor predictions, Tensor targets);

    /** The value over everything accumulated since the last reset; throws IllegalStateException if nothing was. */
    T compute();

    /** Forgets everything accumulated. */
    void reset();

    /** The key of this metric in logs and in {@link MetricCollection#compute()}, e.g. {@code "accuracy"}. */
    String name();
}
