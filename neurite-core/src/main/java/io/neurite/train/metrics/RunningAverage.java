package io.neurite.train.metrics;

import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * The average of a per-batch value over an epoch, each batch weighted by its number of samples: with a loss
 * that is the mean over its batch, this is the epoch's mean loss per sample even when the last batch is short.
 *
 * <p>Shapes: {@code update(values, targets)} takes a one-element value (a batch mean, weighted by
 * {@code targets.size(0)}) or per-sample values [N] (reduction "none", each weighted 1; N must match the targets).
 *
 * <pre>{@code
 * RunningAverage loss = new RunningAverage("loss");
 * Tensor l = lossFn.forward(model.forward(x), y);
 * loss.update(l, y);                       // or loss.update(l.item(), y.size(0))
 * }</pre>
 */
public final class RunningAverage implements Metric<Double> {

    private final String name;
    private double sum;
    private long weight;

    /** An average reported under {@code name}, e.g. "loss". */
    public RunningAverage(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("RunningAverage: expected a non-blank name, got \"" + name + "\"");
        }
        this.name = name;
    }

    /** Adds {@code value}, the mean over {@code count} samples (an empty batch, count 0, adds nothing). */
    public void update(double value, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("RunningAverage(" + name + "): expected count >= 0, got count="
                    + count);
        }
        if (count == 0) return;
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("RunningAverage(" + name + "): got NaN over " + count
                    + " samples; hint: the training diverged, lower the learning rate or clip gradients");
        }
        sum += value * count;
        weight += count;
    }

    @Override
    public void update(Tensor values, Tensor targets) {
        int n = targets.dim() == 0 ? 1 : targets.size(0);
        if (values.numel() == 1) {
            update(values.toFloatArray()[0], n);
            return;
        }
        if (values.dim() != 1 || values.size(0) != n) {
            throw new ShapeException("RunningAverage(" + name + "): expected a one-element batch"
                    + " mean or per-sample values [" + n + "], got values " + values.shape() + " for targets "
                    + targets.shape() + "; hint: reduce the loss with mean()", values.shape(), targets.shape());
        }
        for (float v : values.toFloatArray()) update(v, 1);
    }

    @Override
    public Double compute() {
        Inputs.requireSamples("RunningAverage(" + name + ")", weight);
        return sum / weight;
    }

    @Override
    public void reset() {
        sum = 0;
        weight = 0;
    }

    @Override
    public String name() {
        return name;
    }
}
