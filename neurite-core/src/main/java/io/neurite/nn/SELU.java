package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * The scaled ELU, {@code scale (x > 0 ? x : alpha (e^x - 1))} with alpha = 1.6732632423543772 and
 * scale = 1.0507009873554805 ({@code torch.nn.SELU}; Klambauer et al., "Self-Normalizing Neural Networks", 2017).
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class SELU extends Layer {

    @Override
    public Tensor forward(Tensor input) {
        return F.selu(input);
    }
}
