package io.neurite.data;

import io.neurite.tensor.Tensor;

/**
 * One supervised sample: the network's {@code input} and the {@code target} it should produce (a
 * class label as a 0-dimensional int tensor, or a float tensor for regression).
 */
public record Sample(Tensor input, Tensor target) {

    public Sample {
        if (input == null || target == null) {
            throw new IllegalArgumentException("Sample: expected an input and a target tensor, got input=" + input
                    + ", target=" + target);
        }
    }
}
