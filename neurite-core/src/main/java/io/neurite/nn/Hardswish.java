package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * A piecewise swish, {@code x relu6(x + 3) / 6} ({@code torch.nn.Hardswish}; Howard et al.,
 * "Searching for MobileNetV3", 2019): 0 below -3, x above 3.
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class Hardswish extends Layer {

    @Override
    public Tensor forward(Tensor input) {
        return F.hardswish(input);
    }
}
