package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * The logistic function, {@code 1 / (1 + e^-x)} ({@code torch.nn.Sigmoid}).
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class Sigmoid extends Layer {

    @Override
    public Tensor forward(Tensor input) {
        return F.sigmoid(input);
    }
}
