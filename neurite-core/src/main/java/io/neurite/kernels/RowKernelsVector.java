package io.neurite.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API bodies of {@link RowKernels}; loaded only when {@link VectorSupport#enabled()}. Sums keep
 * one 8-lane accumulator and finish lane 0 to 7, then the tail, in order (the scalar path's order).
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

    static float sumExp(float[] x, int off, int n, float shift) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i + L <= n; i += L) {
            acc = acc.add(ElementwiseVector.exp(FloatVector.fromArray(S, x, off + i).sub(shift)));
        }
        float s = finish(acc);
        for (; i < n; i++) s += FastMath.exp(x[off + i] - shift);
        return s;
    }

    static float weightedSum(float[] x, int off, int n, float m, float c, float[] a, int aOff, float[] b, int bOff) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, off + i).sub(m).sub(c);
            if (a != null) v = v.mul(FloatVector.fromArray(S, a, aOff + i));
            if (b != null) v = v.mul(FloatVector.fromArray(S, b, bOff + i));
            acc = acc.add(v);
        }
        float s = finish(acc);
        for (; i < n; i++) {
            float v = (x[off + i] - m) - c;
            if (a != null) v *= a[aOff + i];
            if (b != null) v *= b[bOff + i];
            s += v;
        }
        return s;
    }

    static void expScale(float[] x, int off, int n, float shift, float scale, float[] out, int outOff) {
        int i = 0;
        for (; i + L <= n; i += L) {
            ElementwiseVector.exp(FloatVector.fromArray(S, x, off + i).sub(shift)).mul(scale).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = FastMath.exp(x[off + i] - shift) * scale;
    }

    static void shiftScale(float[] x, int off, int n, float m, float c, float scale, float[] w, int wOff,
                           float[] out, int outOff) {
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, off + i).sub(m).sub(c).mul(scale);
            if (w != null) v = v.mul(FloatVector.fromArray(S, w, wOff + i));
            v.intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            float v = ((x[off + i] - m) - c) * scale;
            out[outOff + i] = w == null ? v : v * w[wOff + i];
        }
    }

    static void addScaled(float[] out, int outOff, int n, float alpha, float[] a, int aOff, float[] b, int bOff) {
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector v = FloatVector.broadcast(S, alpha);
            if (a != null) v = v.mul(FloatVector.fromArray(S, a, aOff + i));
            if (b != null) v = v.mul(FloatVector.fromArray(S, b, bOff + i));
            FloatVector.fromArray(S, out, outOff + i).add(v).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            float v = alpha;
            if (a != null) v *= a[aOff + i];
            if (b != null) v *= b[bOff + i];
            out[outOff + i] += v;
        }
    }

    static void softmaxGrad(float[] y, float[] g, int off, int n, float d, float[] out) {
        int i = off, end = off + n;
        for (; i + L <= end; i += L) {
            FloatVector vy = FloatVector.fromArray(S, y, i);
            vy.mul(FloatVector.fromArray(S, g, i).sub(d)).intoArray(out, i);
        }
        for (; i < end; i++) out[i] = y[i] * (g[i] - d);
    }

    static void logSoftmaxGrad(float[] y, float[] g, int off, int n, float s, float[] out) {
        int i = off, end = off + n;
        for (; i + L <= end; i += L) {
            FloatVector e = ElementwiseVector.exp(FloatVector.fromArray(S, y, i)).mul(s);
            FloatVector.fromArray(S, g, i).sub(e).intoArray(out, i);
        }
        for (; i < end; i++) out[i] = g[i] - FastMath.exp(y[i]) * s;
    }

    /** Lanes 0 to 7 added in order. */
    private static float finish(FloatVector acc) {
        float[] lanes = new float[L];
        acc.intoArray(lanes, 0);
        float s = 0;
        for (float v : lanes) s += v;
        return s;
    }
}
