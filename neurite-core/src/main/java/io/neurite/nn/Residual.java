package io.neurite.nn;

import io.neurite.tensor.Tensor;

/** {@code forward(x) = x + body(x)}, the skip connection of ResNet blocks. */
public final class Residual extends Layer {

    private final Layer body;

    public Residual(Layer body) {
        this.body = register("body", body);
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.add(body.forward(input));
    }
}
