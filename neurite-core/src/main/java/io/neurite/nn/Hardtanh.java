package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * {@code clamp(x, min_val, max_val)} ({@code torch.nn.Hardtanh}); defaults -1 and 1. Its gradient is 1
 * strictly between the bounds and 0 at and beyond them.
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class Hardtanh extends Layer {

    private final double minVal;
    private final double maxVal;

    public Hardtanh() {
        this(-1.0, 1.0);
    }

    public Hardtanh(double minVal, double maxVal) {
        if (!(minVal <= maxVal)) {
            throw new IllegalArgumentException("Hardtanh: expected min_val <= max_val, got min_val=" + minVal
                    + ", max_val=" + maxVal);
        }
        this.minVal = minVal;
        this.maxVal = maxVal;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.hardtanh(input, minVal, maxVal);
    }

    @Override
    public String extraRepr() {
        return "min_val=" + PythonRepr.number(minVal) + ", max_val=" + PythonRepr.number(maxVal);
    }
}
