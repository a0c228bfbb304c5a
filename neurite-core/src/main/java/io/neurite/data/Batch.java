package io.neurite.data;

import io.neurite.tensor.Tensor;

/**
 * A mini-batch: the inputs of its samples stacked along a new first dimension, and their targets
 * likewise (a 1-D int tensor of class labels when each target is a 0-dimensional label).
 *
 * <p>Shapes: {@code inputs} is {@code [B, *input shape]}, {@code targets} is {@code [B, *target shape]},
 * B the batch size (smaller for the last batch unless the loader drops it).
 */
public record Batch(Tensor inputs, Tensor targets) {

    /** The number of samples B. */
    public int size() {
        return inputs.size(0);
    }
}
