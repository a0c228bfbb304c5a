package io.neurite.data;

import io.neurite.tensor.Generator;

/** The given indices in a new random order each epoch (PyTorch's {@code SubsetRandomSampler}). */
public final class SubsetRandomSampler implements Sampler {

    private final int[] indices;

    public SubsetRandomSampler(int... indices) {
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0) {
                throw new IllegalArgumentException("SubsetRandomSampler: expected indices >= 0, got " + indices[i]
                        + " at position " + i);
            }
        }
        this.indices = indices.clone();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public int[] indices(Generator g) {
        int[] out = indices.clone();
        Seeds.shuffle(out, g);
        return out;
    }
}
