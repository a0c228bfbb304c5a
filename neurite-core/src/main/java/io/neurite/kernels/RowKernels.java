package io.neurite.kernels;

/**
 * Kernels over one contiguous row of {@code n} floats: the building blocks of the fused softmax,
 * log-softmax and cross-entropy (max, sums of exponentials, weighted sums, scalings).
 *
 * <p>Every sum runs in one fixed order: {@value #LANES} partial sums, each starting at 0, element
 * {@code i} added to partial {@code i % LANES} in element order, then the partials added in order 0
 * to {@value #LANES}-1. The vector path (one 8-lane accumulator and a masked last block, when
 * {@link VectorSupport#enabled()}) and the scalar path here follow that order and use the same exp
 * ({@link FastMath#exp}), so both give identical bits.
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

    /** {@code sum_i exp(x[i] - m)}. */
    public static float sumExp(float[] x, int off, int n, float m) {
        if (VectorSupport.enabled()) return RowKernelsVector.sumExp(x, off, n, m, null, 0);
        float[] acc = new float[LANES];
        for (int i = 0; i < n; i++) acc[i % LANES] += FastMath.exp(x[off + i] - m);
        return total(acc);
    }

    /** {@code out[i] = exp(x[i] - m)}, returning their sum. */
    public static float sumExpStore(float[] x, int off, int n, float m, float[] out, int outOff) {
        if (VectorSupport.enabled()) return RowKernelsVector.sumExp(x, off, n, m, out, outOff);
        float[] acc = new float[LANES];
        for (int i = 0; i < n; i++) acc[i % LANES] += out[outOff + i] = FastMath.exp(x[off + i] - m);
        return total(acc);
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
        for (int i = 0; i < n; i++) {
            float v = (x[off + i] - m) - c;
            if (a != null) v *= a[aOff + i];
            if (b != null) v *= b[bOff + i];
            acc[i % LANES] += v;
        }
        return total(acc);
    }

    /** {@code out[i] = x[i] * k} (in place when out is x). */
    public static void scale(float[] x, int off, int n, float k, float[] out, int outOff) {
        if (VectorSupport.enabled()) {
            RowKernelsVector.scale(x, off, n, k, out, outOff);
            return;
        }
        for (int i = 0; i < n; i++) out[outOff + i] = x[off + i] * k;
    }

    /** {@code out[i] = ((x[i] - m) - c) * k * w[i]} (a null {@code w} stands for ones). */
    public static void shiftScale(float[] x, int off, int n, float m, float c, float k, float[] w, int wOff,
                                  float[] out, int outOff) {
        if (VectorSupport.enabled()) {
            RowKernelsVector.shiftScale(x, off, n, m, c, k, w, wOff, out, outOff);
            return;
        }
        for (int i = 0; i < n; i++) {
            float v = ((x[off + i] - m) - c) * k;
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

    /** The partials added in order. */
    private static float total(float[] acc) {
        float s = acc[0];
        for (int l = 1; l < LANES; l++) s += acc[l];
        return s;
    }
}
