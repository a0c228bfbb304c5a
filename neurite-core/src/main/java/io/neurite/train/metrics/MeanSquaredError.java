package io.neurite.train.metrics;

/**
 * The mean squared error {@code mean((p - t)^2)} over every element of the epoch, as
 * {@code sklearn.metrics.mean_squared_error} (for several outputs, its default uniform average over outputs is the
 * same number, every output having N elements).
 *
 * <p>Shapes: predictions and targets of the same shape [N, ...], float32 (int32 targets are converted).
 */
public final class MeanSquaredError extends ErrorSums {

    @Override
    double error(double d) {
        return d * d;
    }

    @Override
    String op() {
        return "MeanSquaredError";
    }

    @Override
    public String name() {
        return "mse";
    }
}
