package io.neurite.kernels;

/**
 * The reduction order shared by the vector and scalar kernels: {@value #LANES} running partial sums
 * over consecutive blocks of {@value #LANES} elements (four 8-lane vector accumulators, so additions
 * do not wait on each other's latency), added in order 0 to {@value #LANES}-1, then the tail in
 * order. Fixing the order makes the result independent of which path runs and of the machine.
 */
public final class Reduce {

    /** Partial sums: four accumulators of the fixed 256-bit (8-lane) species. */
    public static final int LANES = 32;

    private Reduce() {}

    static float sumScalar(float[] x, int off, int n) {
        float[] acc = new float[LANES];
        int blocks = n - n % LANES;
        for (int i = 0; i < blocks; i += LANES) {
            for (int l = 0; l < LANES; l++) acc[l] += x[off + i + l];
        }
        return finish(acc, x, off + blocks, n - blocks);
    }

    /** Adds the lanes in order, then the tail elements in order. */
    static float finish(float[] lanes, float[] x, int tailOff, int tailLength) {
        float s = 0f;
        for (float lane : lanes) s += lane;
        for (int i = 0; i < tailLength; i++) s += x[tailOff + i];
        return s;
    }
}
