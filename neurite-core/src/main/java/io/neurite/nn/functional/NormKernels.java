package io.neurite.nn.functional;

import io.neurite.kernels.Elementwise;
import io.neurite.kernels.VectorSupport;

/**
 * The reductions and fused elementwise loops shared by the normalization layers, over contiguous
 * runs of {@code n} floats. Reductions keep {@value #LANES} running partial sums over consecutive
 * blocks of {@value #LANES} elements, added in lane order, then the tail in order: the order of
 * {@link io.neurite.kernels.Reduce}, so the vectorized bodies ({@link NormVector}) and these scalar
 * fallbacks give identical results. The elementwise loops are plain loops the JIT vectorizes.
 */
final class NormKernels {

    static final int LANES = 32;

    private NormKernels() {}

    /** {@code sum(x)}. */
    static float sum(float[] x, int off, int n) {
        return Elementwise.sum(x, off, n);
    }

    /** {@code sum((x - m)^2)}. */
    static float sumSquares(float[] x, int off, int n, float m) {
        if (VectorSupport.enabled()) return NormVector.sumSquares(x, off, n, m);
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

    /** {@code out = {sum(g), sum(g * (x - m))}}. */
    static void sums(float[] g, int gOff, float[] x, int xOff, int n, float m, float[] out) {
        if (VectorSupport.enabled()) {
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
        finishSums(a1, a2, g, gOff, x, xOff, blocks, n, m, out);
    }

    /** {@code out = {sum(g * w), sum(g * w * (x - m))}}, each product {@code g * w} rounded first. */
    static void weightedSums(float[] g, int gOff, float[] w, int wOff, float[] x, int xOff, int n, float m,
                             float[] out) {
        if (VectorSupport.enabled()) {
            NormVector.weightedSums(g, gOff, w, wOff, x, xOff, n, m, out);
            return;
        }
        float[] a1 = new float[LANES], a2 = new float[LANES];
        int blocks = n - n % LANES;
        for (int i = 0; i < blocks; i += LANES) {
            for (int l = 0; l < LANES; l++) {
                float gw = g[gOff + i + l] * w[wOff + i + l];
                a1[l] += gw;
                a2[l] += gw * (x[xOff + i + l] - m);
            }
        }
        float s1 = 0f, s2 = 0f;
        for (int l = 0; l < LANES; l++) {
            s1 += a1[l];
            s2 += a2[l];
        }
        for (int i = blocks; i < n; i++) {
            float gw = g[gOff + i] * w[wOff + i];
            s1 += gw;
            s2 += gw * (x[xOff + i] - m);
        }
        out[0] = s1;
        out[1] = s2;
    }

    private static void finishSums(float[] a1, float[] a2, float[] g, int gOff, float[] x, int xOff, int blocks,
                                   int n, float m, float[] out) {
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

    /** {@code y = (x - m) * a + b}. */
    static void affine(float[] x, int xOff, int n, float m, float a, float b, float[] y, int yOff) {
        for (int i = 0; i < n; i++) y[yOff + i] = (x[xOff + i] - m) * a + b;
    }

    /** {@code out = a * g + b * (x - m) + c}: the closed-form input gradient of a normalization. */
    static void combine(float[] g, int gOff, float[] x, int xOff, int n, float a, float m, float b, float c,
                        float[] out, int outOff) {
        for (int i = 0; i < n; i++) out[outOff + i] = a * g[gOff + i] + b * (x[xOff + i] - m) + c;
    }
}
