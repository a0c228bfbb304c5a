package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * ReLU capped at 6, {@code min(max(x, 0), 6)} ({@code torch.nn.ReLU6}); gradient 0 at 0 and at 6.
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class ReLU6 extends Layer {

    @Override
    public Tensor forward(Tensor input) {
        return F.relu6(input);
    }
}
