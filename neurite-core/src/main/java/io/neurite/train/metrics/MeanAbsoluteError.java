package io.neurite.train.metrics;

/**
 * The mean absolute error {@code mean(|p - t|)} over every element of the epoch, as
 * {@code sklearn.metrics.mean_absolute_error} (for several outputs, its default uniform average over outputs is the
 * same number, every output having N elements).
 *
 * <p>Shapes: predictions and targets of the same shape [N, ...], float32 (int32 targets are converted).
 */
public final class MeanAbsoluteError extends ErrorSums {

    @Override
    double error(double d) {
        return Math.abs(d);
    }

    @Override
    String op() {
        return "MeanAbsoluteError";
    }

    @Override
    public String name() {
        return "mae";
    }
}
