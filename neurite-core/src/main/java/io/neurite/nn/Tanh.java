package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * The hyperbolic tangent ({@code torch.nn.Tanh}).
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class Tanh extends Layer {

    @Override
    public Tensor forward(Tensor input) {
        return F.tanh(input);
    }
}
