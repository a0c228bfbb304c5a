package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * The rectified linear unit, {@code max(x, 0)} ({@code torch.nn.ReLU}); its gradient at 0 is 0.
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class ReLU extends Layer {

    @Override
    public Tensor forward(Tensor input) {
        return F.relu(input);
    }
}
