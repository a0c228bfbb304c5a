package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * A smooth ReLU, {@code log(1 + e^(beta x)) / beta} ({@code torch.nn.Softplus}), linear (x itself) where
 * {@code beta x > threshold} for numerical stability; defaults beta 1, threshold 20.
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class Softplus extends Layer {

    private final double beta;
    private final double threshold;

    public Softplus() {
        this(1, 20);
    }

    public Softplus(double beta, double threshold) {
        if (beta == 0) throw new IllegalArgumentException("Softplus: beta must be nonzero, got beta=0");
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.softplus(input, beta, threshold);
    }

    @Override
    public String extraRepr() {
        return "beta=" + wholeOrFloat(beta) + ", threshold=" + wholeOrFloat(threshold);
    }

    /** Whole values as ints, as PyTorch prints its int defaults ({@code beta=1, threshold=20}); others as floats. */
    private static String wholeOrFloat(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : PythonRepr.number(v);
    }
}
