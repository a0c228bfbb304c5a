package io.neurite.data.transforms;

import io.neurite.tensor.Generator;

/** Draws of transform parameters, all from the caller's generator. */
final class Rand {

    private Rand() {
    }

    /** Uniform in [lo, hi) (lo when the range is empty). */
    static double uniform(Generator g, double lo, double hi) {
        return lo + (hi - lo) * g.nextDouble();
    }

    /** Uniform integer in [lo, hiExclusive), as torch.randint. */
    static int randint(Generator g, int lo, int hiExclusive) {
        return lo + g.nextInt(hiExclusive - lo);
    }

    /** True with probability p (torch.rand(1) < p). */
    static boolean chance(Generator g, double p) {
        return g.nextDouble() < p;
    }

    /** A random permutation of 0..n-1 (Fisher-Yates). */
    static int[] permutation(Generator g, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = g.nextInt(i + 1), tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}
