package io.neurite.data;

import io.neurite.tensor.Generator;

/** Seeds derived from a loader's seed, so that each epoch and each batch has a stream of its own. */
final class Seeds {

    private Seeds() {}

    /** A hash of {@code seed} and {@code parts}: each part is mixed in by a generator's first draw. */
    static long derive(long seed, long... parts) {
        long h = new Generator(seed).nextLong();
        for (long p : parts) h = new Generator(h ^ p).nextLong();
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
}
