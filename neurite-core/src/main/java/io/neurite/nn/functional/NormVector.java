package io.neurite.nn.functional;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API bodies of {@link NormKernels}; loaded only when
 * {@link io.neurite.kernels.VectorSupport#enabled()}. Reductions use four 8-lane accumulators for
 * the {@value NormKernels#LANES} partial sums, in the scalar fallback's lane order; elementwise
 * bodies process whole vectors and return the index where the caller's scalar loop finishes.
 */
final class NormVector {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int W = 8;

    private NormVector() {}

    // ---------------------------------------------------------------- reductions
    // (accumulators start from a local zero(S): a static final vector constant as the loop's initial
    // value makes C2 box the accumulators, about 10x slower)

    static float sumSquares(float[] x, int off, int n, float m) {
        FloatVector mv = FloatVector.broadcast(S, m);
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        int blocks = n - n % NormKernels.LANES;
        for (int i = 0; i < blocks; i += NormKernels.LANES) {
            FloatVector d0 = FloatVector.fromArray(S, x, off + i).sub(mv);
            FloatVector d1 = FloatVector.fromArray(S, x, off + i + W).sub(mv);
            FloatVector d2 = FloatVector.fromArray(S, x, off + i + 2 * W).sub(mv);
            FloatVector d3 = FloatVector.fromArray(S, x, off + i + 3 * W).sub(mv);
            a0 = a0.add(d0.mul(d0));
            a1 = a1.add(d1.mul(d1));
            a2 = a2.add(d2.mul(d2));
            a3 = a3.add(d3.mul(d3));
        }
        float s = lanes(a0, a1, a2, a3);
        for (int i = blocks; i < n; i++) {
            float d = x[off + i] - m;
            s += d * d;
        }
        return s;
    }

    static void sums(float[] g, int gOff, float[] x, int xOff, int n, float m, float[] out) {
        FloatVector mv = FloatVector.broadcast(S, m);
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        FloatVector d0 = s0, d1 = s0, d2 = s0, d3 = s0;
        int blocks = n - n % NormKernels.LANES;
        for (int i = 0; i < blocks; i += NormKernels.LANES) {
            FloatVector g0 = FloatVector.fromArray(S, g, gOff + i);
            FloatVector g1 = FloatVector.fromArray(S, g, gOff + i + W);
            FloatVector g2 = FloatVector.fromArray(S, g, gOff + i + 2 * W);
            FloatVector g3 = FloatVector.fromArray(S, g, gOff + i + 3 * W);
            s0 = s0.add(g0);
            s1 = s1.add(g1);
            s2 = s2.add(g2);
            s3 = s3.add(g3);
            d0 = d0.add(g0.mul(FloatVector.fromArray(S, x, xOff + i).sub(mv)));
            d1 = d1.add(g1.mul(FloatVector.fromArray(S, x, xOff + i + W).sub(mv)));
            d2 = d2.add(g2.mul(FloatVector.fromArray(S, x, xOff + i + 2 * W).sub(mv)));
            d3 = d3.add(g3.mul(FloatVector.fromArray(S, x, xOff + i + 3 * W).sub(mv)));
        }
        float t1 = lanes(s0, s1, s2, s3), t2 = lanes(d0, d1, d2, d3);
        for (int i = blocks; i < n; i++) {
            float gv = g[gOff + i];
            t1 += gv;
            t2 += gv * (x[xOff + i] - m);
        }
        out[0] = t1;
        out[1] = t2;
    }

    /** The 32 partial sums added in lane order (accumulator 0's lanes first). */
    private static float lanes(FloatVector a0, FloatVector a1, FloatVector a2, FloatVector a3) {
        float[] all = new float[NormKernels.LANES];
        a0.intoArray(all, 0);
        a1.intoArray(all, W);
        a2.intoArray(all, 2 * W);
        a3.intoArray(all, 3 * W);
        float s = 0f;
        for (float v : all) s += v;
        return s;
    }

    // ---------------------------------------------------------------- elementwise

    static int affine(float[] x, int xOff, int n, float m, float a, float b, float[] y, int yOff) {
        FloatVector mv = FloatVector.broadcast(S, m), av = FloatVector.broadcast(S, a);
        FloatVector bv = FloatVector.broadcast(S, b);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += W) {
            FloatVector.fromArray(S, x, xOff + i).sub(mv).mul(av).add(bv).intoArray(y, yOff + i);
        }
        return i;
    }

    static int combine(float[] g, int gOff, float[] x, int xOff, int n, float a, float m, float b, float c,
                       float[] out, int outOff) {
        FloatVector av = FloatVector.broadcast(S, a), mv = FloatVector.broadcast(S, m);
        FloatVector bv = FloatVector.broadcast(S, b), cv = FloatVector.broadcast(S, c);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += W) {
            FloatVector ag = av.mul(FloatVector.fromArray(S, g, gOff + i));
            FloatVector bx = bv.mul(FloatVector.fromArray(S, x, xOff + i).sub(mv));
            ag.add(bx).add(cv).intoArray(out, outOff + i);
        }
        return i;
    }

    static int mulAdd(float[] u, int uOff, float[] v, int vOff, float[] w, int wOff, int n, float[] out, int outOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += W) {
            FloatVector.fromArray(S, u, uOff + i).mul(FloatVector.fromArray(S, v, vOff + i))
                    .add(FloatVector.fromArray(S, w, wOff + i)).intoArray(out, outOff + i);
        }
        return i;
    }

    static int mul(float[] u, int uOff, float[] v, int vOff, int n, float[] out, int outOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += W) {
            FloatVector.fromArray(S, u, uOff + i).mul(FloatVector.fromArray(S, v, vOff + i)).intoArray(out, outOff + i);
        }
        return i;
    }

    static int sub(float[] u, int uOff, float[] v, int vOff, int n, float[] out, int outOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += W) {
            FloatVector.fromArray(S, u, uOff + i).sub(FloatVector.fromArray(S, v, vOff + i)).intoArray(out, outOff + i);
        }
        return i;
    }

    static int addInto(float[] acc, int accOff, float[] u, int uOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += W) {
            FloatVector.fromArray(S, acc, accOff + i).add(FloatVector.fromArray(S, u, uOff + i))
                    .intoArray(acc, accOff + i);
        }
        return i;
    }

    static int addProductInto(float[] acc, int accOff, float[] u, int uOff, float[] v, int vOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += W) {
            FloatVector p = FloatVector.fromArray(S, u, uOff + i).mul(FloatVector.fromArray(S, v, vOff + i));
            FloatVector.fromArray(S, acc, accOff + i).add(p).intoArray(acc, accOff + i);
        }
        return i;
    }
}
