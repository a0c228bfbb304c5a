package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * The exponential linear unit, {@code x > 0 ? x : alpha (e^x - 1)} ({@code torch.nn.ELU}; Clevert et al.,
 * "Fast and Accurate Deep Network Learning by Exponential Linear Units", 2015); default alpha 1.
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class ELU extends Layer {

    private final double alpha;

    public ELU() {
        this(1.0);
    }

    public ELU(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.elu(input, alpha);
    }

    @Override
    public String extraRepr() {
        return "alpha=" + PythonRepr.number(alpha);
    }
}
