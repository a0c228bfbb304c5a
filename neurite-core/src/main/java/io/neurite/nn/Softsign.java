package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * {@code x / (1 + |x|)} ({@code torch.nn.Softsign}).
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class Softsign extends Layer {

    @Override
    public Tensor forward(Tensor input) {
        return F.softsign(input);
    }
}
