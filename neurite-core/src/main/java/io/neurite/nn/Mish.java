package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * Mish, {@code x tanh(softplus(x))} ({@code torch.nn.Mish}; Misra, "Mish: A Self Regularized Non-Monotonic
 * Activation Function", 2019).
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class Mish extends Layer {

    @Override
    public Tensor forward(Tensor input) {
        return F.mish(input);
    }
}
