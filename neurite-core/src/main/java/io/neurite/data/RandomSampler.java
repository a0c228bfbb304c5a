package io.neurite.data;

import io.neurite.tensor.Generator;

/**
 * Random indices in {@code [0, n)}: a permutation (without replacement), or independent uniform draws
 * (with replacement), as PyTorch's {@code RandomSampler}. Without replacement and {@code numSamples > n},
 * whole permutations follow one another, the last one cut short.
 */
public final class RandomSampler implements Sampler {

    private final int n;
    private final boolean replacement;
    private final int numSamples;

    /** A new permutation of {@code 0..n-1} each epoch. */
    public RandomSampler(int n) {
        this(n, false, n);
    }

    public RandomSampler(int n, boolean replacement, int numSamples) {
        if (n < 0 || numSamples < 0 || (numSamples > 0 && n == 0)) {
            throw new IllegalArgumentException("RandomSampler: expected n >= 0 and numSamples >= 0 (n > 0 when"
                    + " numSamples > 0), got n=" + n + ", numSamples=" + numSamples);
        }
        this.n = n;
        this.replacement = replacement;
        this.numSamples = numSamples;
    }

    @Override
    public int size() {
        return numSamples;
    }

    @Override
    public int[] indices(Generator g) {
        int[] out = new int[numSamples];
        if (replacement) {
            for (int i = 0; i < numSamples; i++) out[i] = g.nextInt(n);
            return out;
        }
        for (int at = 0; at < numSamples; at += n) {
            int[] p = Seeds.permutation(n, g);
            System.arraycopy(p, 0, out, at, Math.min(n, numSamples - at));
        }
        return out;
    }
}
