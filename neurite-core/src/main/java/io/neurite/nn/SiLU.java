package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * The sigmoid-weighted linear unit (swish), {@code x sigmoid(x)} ({@code torch.nn.SiLU}).
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class SiLU extends Layer {

    @Override
    public Tensor forward(Tensor input) {
        return F.silu(input);
    }
}
