package io.neurite.nn;

import io.neurite.tensor.Tensor;

/** Returns its input unchanged ({@code torch.nn.Identity}): a placeholder, e.g. for a removed head. */
public final class Identity extends Layer {

    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
