package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * The continuously differentiable ELU, {@code max(0, x) + min(0, alpha (e^(x / alpha) - 1))}
 * ({@code torch.nn.CELU}; Barron, "Continuously Differentiable Exponential Linear Units", 2017); default
 * alpha 1.
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class CELU extends Layer {

    private final double alpha;

    public CELU() {
        this(1.0);
    }

    public CELU(double alpha) {
        if (alpha == 0) throw new IllegalArgumentException("CELU: alpha must be nonzero, got alpha=0.0");
        this.alpha = alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.celu(input, alpha);
    }

    @Override
    public String extraRepr() {
        return "alpha=" + PythonRepr.number(alpha);
    }
}
