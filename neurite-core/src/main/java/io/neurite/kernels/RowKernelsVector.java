package io.neurite.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API bodies of {@link RowKernels}; loaded only when {@link VectorSupport#enabled()}. Each loop
 * runs whole 8-lane blocks, then one masked block for the rest of the row, so element {@code i} always
 * sits in lane {@code i % 8}: the scalar path's order. Masked-off lanes load 0 and add nothing.
 */
final class RowKernelsVector {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = RowKernels.LANES;

    private RowKernelsVector() {}

    static float max(float[] x, int off, int n) {
        int i = 0;
        float m = Float.NEGATIVE_INFINITY;
        if (n >= L) {
            FloatVector acc = FloatVector.fromArray(S, x, off);
            for (i = L; i + L <= n; i += L) acc = acc.max(FloatVector.fromArray(S, x, off + i));
            m = acc.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) m = Math.max(m, x[off + i]);
        return m;
    }

    /** The sum of {@code exp(x - m)}, also stored into {@code out} when it is not null. */
    static float sumExp(float[] x, int off, int n, float m, float[] out, int outOff) {
        FloatVector acc = FloatVector.zero(S);
        for (int i = 0; i < n; i += L) {
            FloatVector e = ElementwiseVector.exp(load(x, off, i, n).sub(m));
            if (out != null) store(e, out, outOff, i, n);
            acc = accumulate(acc, e, i, n);
        }
        return total(acc);
    }

    static float weightedSum(float[] x, int off, int n, float m, float c, float[] a, int aOff, float[] b, int bOff) {
        FloatVector acc = FloatVector.zero(S);
        for (int i = 0; i < n; i += L) {
            FloatVector v = load(x, off, i, n).sub(m).sub(c);
            if (a != null) v = v.mul(load(a, aOff, i, n));
            if (b != null) v = v.mul(load(b, bOff, i, n));
            acc = accumulate(acc, v, i, n);
        }
        return total(acc);
    }

    static void scale(float[] x, int off, int n, float k, float[] out, int outOff) {
        for (int i = 0; i < n; i += L) store(load(x, off, i, n).mul(k), out, outOff, i, n);
    }

    static void shiftScale(float[] x, int off, int n, float m, float c, float k, float[] w, int wOff,
                           float[] out, int outOff) {
        for (int i = 0; i < n; i += L) {
            FloatVector v = load(x, off, i, n).sub(m).sub(c).mul(k);
            if (w != null) v = v.mul(load(w, wOff, i, n));
            store(v, out, outOff, i, n);
        }
    }

    static void addScaled(float[] out, int outOff, int n, float alpha, float[] a, int aOff, float[] b, int bOff) {
        for (int i = 0; i < n; i += L) {
            FloatVector v = FloatVector.broadcast(S, alpha);
            if (a != null) v = v.mul(load(a, aOff, i, n));
            if (b != null) v = v.mul(load(b, bOff, i, n));
            store(load(out, outOff, i, n).add(v), out, outOff, i, n);
        }
    }

    static void softmaxGrad(float[] y, float[] g, int off, int n, float d, float[] out) {
        for (int i = 0; i < n; i += L) store(load(y, off, i, n).mul(load(g, off, i, n).sub(d)), out, off, i, n);
    }

    static void logSoftmaxGrad(float[] y, float[] g, int off, int n, float s, float[] out) {
        for (int i = 0; i < n; i += L) {
            FloatVector e = ElementwiseVector.exp(load(y, off, i, n)).mul(s);
            store(load(g, off, i, n).sub(e), out, off, i, n);
        }
    }

    /** The block of 8 starting at element {@code i} of a row of {@code n}; past the row's end, lanes are 0. */
    private static FloatVector load(float[] a, int off, int i, int n) {
        return i + L <= n ? FloatVector.fromArray(S, a, off + i)
                : FloatVector.fromArray(S, a, off + i, S.indexInRange(i, n));
    }

    /** Writes the lanes of block {@code i} that lie within the row. */
    private static void store(FloatVector v, float[] a, int off, int i, int n) {
        if (i + L <= n) {
            v.intoArray(a, off + i);
        } else {
            v.intoArray(a, off + i, S.indexInRange(i, n));
        }
    }

    /** Adds the lanes of block {@code i} that lie within the row. */
    private static FloatVector accumulate(FloatVector acc, FloatVector v, int i, int n) {
        return i + L <= n ? acc.add(v) : acc.add(v, S.indexInRange(i, n));
    }

    /** Lanes 0 to 7 added in order. */
    private static float total(FloatVector acc) {
        float s = acc.lane(0);
        for (int l = 1; l < L; l++) s += acc.lane(l);
        return s;
    }
}
