package io.neurite.train.metrics;

import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several scalar metrics updated with the same batches and computed together, in the order they were added.
 * Every member receives the same (predictions, targets), so keep a {@link RunningAverage} of the loss beside the
 * collection, not inside it.
 *
 * <pre>{@code
 * MetricCollection metrics = MetricCollection.of(new Accuracy(), new F1Score(10, Average.MACRO));
 * metrics.update(logits, labels);
 * Map<String, Double> values = metrics.compute();   // {accuracy=0.91, f1_macro=0.90}
 * }</pre>
 */
public final class MetricCollection {

    private final List<Metric<Double>> metrics = new ArrayList<>();

    /** A collection of the given metrics, whose names must differ. */
    @SafeVarargs
    public static MetricCollection of(Metric<Double>... metrics) {
        MetricCollection c = new MetricCollection();
        for (Metric<Double> m : metrics) c.add(m);
        return c;
    }

    /** Adds a metric; its name must differ from the ones already added. Returns this collection. */
    public MetricCollection add(Metric<Double> metric) {
        for (Metric<Double> m : metrics) {
            if (m.name().equals(metric.name())) {
                throw new IllegalArgumentException("MetricCollection: a metric named \"" + metric.name()
                        + "\" is already in " + names() + "; hint: names are the keys of compute()");
            }
        }
        metrics.add(metric);
        return this;
    }

    /** The metrics' names, in insertion order. */
    public List<String> names() {
        List<String> out = new ArrayList<>(metrics.size());
        for (Metric<Double> m : metrics) out.add(m.name());
        return out;
    }

    /** The metrics, in insertion order (unmodifiable). */
    public List<Metric<Double>> metrics() {
        return Collections.unmodifiableList(metrics);
    }

    /** Updates every metric with the same batch. */
    public void update(Tensor predictions, Tensor targets) {
        for (Metric<Double> m : metrics) m.update(predictions, targets);
    }

    /** Each metric's value by name, in insertion order (an unmodifiable view of a new map). */
    public Map<String, Double> compute() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Metric<Double> m : metrics) out.put(m.name(), m.compute());
        return Collections.unmodifiableMap(out);
    }

    /** Resets every metric. */
    public void reset() {
        for (Metric<Double> m : metrics) m.reset();
    }
}
