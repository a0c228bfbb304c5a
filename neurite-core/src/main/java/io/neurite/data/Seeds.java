package io.neurite.data;

import io.neurite.tensor.Generator;

/** Seeds derived from a loader's seed, so that each epoch and each batch has a stream of its own. */
final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Seeds() {}

    /** A hash of {@code seed} and {@code parts}: each part is mixed in with SplitMix64's finalizer. */
    static long derive(long seed, long... parts) {
        long h = mix64(seed + GOLDEN_GAMMA);
        for (long p : parts) h = mix64(h ^ mix64(p + GOLDEN_GAMMA));
        return h;
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates, drawing n - 1 numbers from g). */
    static int[] permutation(int n, Generator g) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        shuffle(p, g);
        return p;
    }

    /** Shuffles {@code a} in place (Fisher-Yates). */
    static void shuffle(int[] a, Generator g) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = g.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
