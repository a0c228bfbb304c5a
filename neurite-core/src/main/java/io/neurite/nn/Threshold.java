package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * {@code x > threshold ? x : value} ({@code torch.nn.Threshold}); the gradient is 1 where x passes and 0
 * elsewhere (also at x = threshold).
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class Threshold extends Layer {

    private final double threshold;
    private final double value;

    public Threshold(double threshold, double value) {
        this.threshold = threshold;
        this.value = value;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.threshold(input, threshold, value);
    }

    @Override
    public String extraRepr() {
        return "threshold=" + wholeOrFloat(threshold) + ", value=" + wholeOrFloat(value);
    }

    /** Whole values as ints, as PyTorch prints its int defaults ({@code beta=1, threshold=20}); others as floats. */
    private static String wholeOrFloat(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : PythonRepr.number(v);
    }
}
