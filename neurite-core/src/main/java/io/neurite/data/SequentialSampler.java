package io.neurite.data;

import io.neurite.tensor.Generator;

/** Indices 0, 1, ..., n-1 in order, every epoch. */
public final class SequentialSampler implements Sampler {

    private final int n;

    public SequentialSampler(int n) {
        if (n < 0) throw new IllegalArgumentException("SequentialSampler: expected n >= 0, got n=" + n);
        this.n = n;
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public int[] indices(Generator g) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = i;
        return out;
    }
}
