package io.neurite.kernels;

/**
 * Kernels over one contiguous row of {@code n} floats: the building blocks of the fused softmax,
 * log-softmax and cross-entropy (max, sum of exponentials, weighted sums, scaled exponentials).
 *
 * <p>Every sum runs in the fixed order of {@value #LANES} partial sums: element {@code i} of the
 * first {@code n - n % LANES} goes to partial {@code i % LANES}; the partials are added in order 0
 * to {@value #LANES}-1, then the remaining elements in order. The vector path (one 8-lane
 * accumulator, when {@link VectorSupport#enabled()}) and the scalar path here follow that order and
 * use the same exp ({@link FastMath#exp}), so both give identical bits.
 */
public final class RowKernels {

    /** Partial sums: the lanes of one 256-bit vector. */
    public static final int LANES = 8;

    private RowKernels() {}

    /** The largest of {@code x[off, off + n)}; -inf when {@code n == 0}; NaN if any is NaN. */
    public static float max(float[] x, int off, int n) {
        if (VectorSupport.enabled()) return RowKernelsVector.max(x, off, n);
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.max(m, x[off + i]);
        return m;
    }

    /** {@code sum_i exp(x[i] - shift)}. */
    public static float sumExp(float[] x, int off, int n, float shift) {
        if (VectorSupport.enabled()) return RowKernelsVector.sumExp(x, off, n, shift);
        float a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        int i = 0;
        for (int p = off; i + LANES <= n; i += LANES, p += LANES) {
            a0 += FastMath.exp(x[p] - shift);
            a1 += FastMath.exp(x[p + 1] - shift);
            a2 += FastMath.exp(x[p + 2] - shift);
            a3 += FastMath.exp(x[p + 3] - shift);
            a4 += FastMath.exp(x[p + 4] - shift);
            a5 += FastMath.exp(x[p + 5] - shift);
            a6 += FastMath.exp(x[p + 6] - shift);
            a7 += FastMath.exp(x[p + 7] - shift);
        }
        float s = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
        for (; i < n; i++) s += FastMath.exp(x[off + i] - shift);
        return s;
    }

    /**
     * {@code sum_i ((x[i] - m) - c) * a[i] * b[i]}, where a null {@code a} or {@code b} stands for ones
     * (so {@code weightedSum(g, o, n, 0, 0, y, o, null, 0)} is the dot product of g and y). The two
     * shifts keep a log-probability {@code (x - max) - log(sum)} exact when x is near its row's max.
     */
    public static float weightedSum(float[] x, int off, int n, float m, float c, float[] a, int aOff, float[] b,
                                    int bOff) {
        if (VectorSupport.enabled()) return RowKernelsVector.weightedSum(x, off, n, m, c, a, aOff, b, bOff);
        float[] acc = new float[LANES];
        int blocks = n - n % LANES;
        for (int i = 0; i < blocks; i++) acc[i % LANES] += term(x, off, m, c, a, aOff, b, bOff, i);
        float s = 0;
        for (float v : acc) s += v;
        for (int i = blocks; i < n; i++) s += term(x, off, m, c, a, aOff, b, bOff, i);
        return s;
    }

    private static float term(float[] x, int off, float m, float c, float[] a, int aOff, float[] b, int bOff, int i) {
        float v = (x[off + i] - m) - c;
        if (a != null) v *= a[aOff + i];
        if (b != null) v *= b[bOff + i];
        return v;
    }

    /** {@code out[i] = exp(x[i] - shift) * scale}. */
    public static void expScale(float[] x, int off, int n, float shift, float scale, float[] out, int outOff) {
        if (VectorSupport.enabled()) {
            RowKernelsVector.expScale(x, off, n, shift, scale, out, outOff);
            return;
        }
        for (int i = 0; i < n; i++) out[outOff + i] = FastMath.exp(x[off + i] - shift) * scale;
    }

    /** {@code out[i] = ((x[i] - m) - c) * scale * w[i]} (a null {@code w} stands for ones). */
    public static void shiftScale(float[] x, int off, int n, float m, float c, float scale, float[] w, int wOff,
                                  float[] out, int outOff) {
        if (VectorSupport.enabled()) {
            RowKernelsVector.shiftScale(x, off, n, m, c, scale, w, wOff, out, outOff);
            return;
        }
        for (int i = 0; i < n; i++) {
            float v = ((x[off + i] - m) - c) * scale;
            out[outOff + i] = w == null ? v : v * w[wOff + i];
        }
    }

    /** {@code out[i] += alpha * a[i] * b[i]}, where a null {@code a} or {@code b} stands for ones. */
    public static void addScaled(float[] out, int outOff, int n, float alpha, float[] a, int aOff, float[] b, int bOff) {
        if (VectorSupport.enabled()) {
            RowKernelsVector.addScaled(out, outOff, n, alpha, a, aOff, b, bOff);
            return;
        }
        for (int i = 0; i < n; i++) {
            float v = alpha;
            if (a != null) v *= a[aOff + i];
            if (b != null) v *= b[bOff + i];
            out[outOff + i] += v;
        }
    }

    /** Softmax backward: {@code out[i] = y[i] * (g[i] - d)}, with {@code d = sum(g * y)}. */
    public static void softmaxGrad(float[] y, float[] g, int off, int n, float d, float[] out) {
        if (VectorSupport.enabled()) {
            RowKernelsVector.softmaxGrad(y, g, off, n, d, out);
            return;
        }
        for (int i = off; i < off + n; i++) out[i] = y[i] * (g[i] - d);
    }

    /** Log-softmax backward: {@code out[i] = g[i] - exp(y[i]) * s}, with {@code s = sum(g)}. */
    public static void logSoftmaxGrad(float[] y, float[] g, int off, int n, float s, float[] out) {
        if (VectorSupport.enabled()) {
            RowKernelsVector.logSoftmaxGrad(y, g, off, n, s, out);
            return;
        }
        for (int i = off; i < off + n; i++) out[i] = g[i] - FastMath.exp(y[i]) * s;
    }
}
