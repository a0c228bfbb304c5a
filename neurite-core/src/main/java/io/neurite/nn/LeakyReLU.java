package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * The leaky ReLU, {@code x > 0 ? x : negative_slope x} ({@code torch.nn.LeakyReLU}); default slope 0.01.
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class LeakyReLU extends Layer {

    private final double negativeSlope;

    public LeakyReLU() {
        this(0.01);
    }

    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.leakyRelu(input, negativeSlope);
    }

    @Override
    public String extraRepr() {
        return "negative_slope=" + PythonRepr.number(negativeSlope);
    }
}
