package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * A piecewise-linear sigmoid, {@code relu6(x + 3) / 6} ({@code torch.nn.Hardsigmoid}): 0 below -3, 1
 * above 3; gradient 1/6 strictly between them, 0 elsewhere.
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class Hardsigmoid extends Layer {

    @Override
    public Tensor forward(Tensor input) {
        return F.hardsigmoid(input);
    }
}
