package io.neurite.data;

import io.neurite.tensor.Generator;

/**
 * The order in which a loader visits a dataset during one epoch (PyTorch's {@code Sampler}): the
 * dataset indices for that epoch, drawn from the generator the loader derives from its seed and the
 * epoch number, so that every epoch is a new order and the same seed repeats them all.
 */
public interface Sampler {

    /** The number of indices in one epoch. */
    int size();

    /** The indices of one epoch, {@link #size()} of them; any randomness comes from {@code g}. */
    int[] indices(Generator g);
}
