package io.neurite.nn.functional;

import io.neurite.kernels.VectorSupport;

/**
 * The loops shared by the normalization layers, over runs of {@code n} floats given by array and
 * offset. Reductions keep {@value #LANES} running partial sums over consecutive blocks of
 * {@value #LANES} elements, added in lane order, then the tail in order (the order of
 * {@link io.neurite.kernels.Reduce}). Each loop has a Vector API body in {@link NormVector}, used
 * when {@link VectorSupport#enabled()}, and a scalar fallback here doing the same float operations
 * in the same order (no fused multiply-add), so both give identical results.
 */
final class NormKernels {

    static final int LANES = 32;
    private static final boolean VECTOR = VectorSupport.enabled();

    private NormKernels() {}

    // ---------------------------------------------------------------- reductions

    /** {@code sum((x - m)^2)}. */
    static float sumSquares(float[] x, int off, int n, float m) {
        if (VECTOR) return NormVector.sumSquares(x, off, n, m);
        float[] acc = new float[LANES];
        int blocks = n - n % LANES;
        for (int i = 0; i < blocks; i += LANES) {
            for (int l = 0; l < LANES; l++) {
                float d = x[off + i + l] - m;
                acc[l] += d * d;
            }
        }
        float s = 0f;
        for (float a : acc) s += a;
        for (int i = blocks; i < n; i++) {
            float d = x[off + i] - m;
            s += d * d;
        }
        return s;
    }

    /** {@code out = {sum(g), sum(g (x - m))}}. */
    static void sums(float[] g, int gOff, float[] x, int xOff, int n, float m, float[] out) {
        if (VECTOR) {
            NormVector.sums(g, gOff, x, xOff, n, m, out);
            return;
        }
        float[] a1 = new float[LANES], a2 = new float[LANES];
        int blocks = n - n % LANES;
        for (int i = 0; i < blocks; i += LANES) {
            for (int l = 0; l < LANES; l++) {
                float gv = g[gOff + i + l];
                a1[l] += gv;
                a2[l] += gv * (x[xOff + i + l] - m);
            }
        }
        float s1 = 0f, s2 = 0f;
        for (int l = 0; l < LANES; l++) {
            s1 += a1[l];
            s2 += a2[l];
        }
        for (int i = blocks; i < n; i++) {
            float gv = g[gOff + i];
            s1 += gv;
            s2 += gv * (x[xOff + i] - m);
        }
        out[0] = s1;
        out[1] = s2;
    }

    // ---------------------------------------------------------------- elementwise, scalar coefficients

    /** {@code y = (x - m) a + b}. */
    static void affine(float[] x, int xOff, int n, float m, float a, float b, float[] y, int yOff) {
        int i = VECTOR ? NormVector.affine(x, xOff, n, m, a, b, y, yOff) : 0;
        for (; i < n; i++) y[yOff + i] = (x[xOff + i] - m) * a + b;
    }

    /** {@code out = a g + b (x - m) + c}: the closed-form input gradient of a normalization. */
    static void combine(float[] g, int gOff, float[] x, int xOff, int n, float a, float m, float b, float c,
                        float[] out, int outOff) {
        int i = VECTOR ? NormVector.combine(g, gOff, x, xOff, n, a, m, b, c, out, outOff) : 0;
        for (; i < n; i++) out[outOff + i] = a * g[gOff + i] + b * (x[xOff + i] - m) + c;
    }

    // ---------------------------------------------------------------- elementwise, array operands

    /** {@code out = u v + w}. */
    static void mulAdd(float[] u, int uOff, float[] v, int vOff, float[] w, int wOff, int n, float[] out, int outOff) {
        int i = VECTOR ? NormVector.mulAdd(u, uOff, v, vOff, w, wOff, n, out, outOff) : 0;
        for (; i < n; i++) out[outOff + i] = u[uOff + i] * v[vOff + i] + w[wOff + i];
    }

    /** {@code out = u v}. */
    static void mul(float[] u, int uOff, float[] v, int vOff, int n, float[] out, int outOff) {
        int i = VECTOR ? NormVector.mul(u, uOff, v, vOff, n, out, outOff) : 0;
        for (; i < n; i++) out[outOff + i] = u[uOff + i] * v[vOff + i];
    }

    /** {@code out = u - v}. */
    static void sub(float[] u, int uOff, float[] v, int vOff, int n, float[] out, int outOff) {
        int i = VECTOR ? NormVector.sub(u, uOff, v, vOff, n, out, outOff) : 0;
        for (; i < n; i++) out[outOff + i] = u[uOff + i] - v[vOff + i];
    }

    /** {@code acc += u}. */
    static void addInto(float[] acc, int accOff, float[] u, int uOff, int n) {
        int i = VECTOR ? NormVector.addInto(acc, accOff, u, uOff, n) : 0;
        for (; i < n; i++) acc[accOff + i] += u[uOff + i];
    }

    /** {@code acc += u v}. */
    static void addProductInto(float[] acc, int accOff, float[] u, int uOff, float[] v, int vOff, int n) {
        int i = VECTOR ? NormVector.addProductInto(acc, accOff, u, uOff, v, vOff, n) : 0;
        for (; i < n; i++) acc[accOff + i] += u[uOff + i] * v[vOff + i];
    }
}
