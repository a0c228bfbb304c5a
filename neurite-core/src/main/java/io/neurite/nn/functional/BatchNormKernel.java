package io.neurite.nn.functional;

import io.neurite.kernels.Elementwise;
import io.neurite.kernels.Parallel;

/**
 * Per-channel passes of batch normalization over a contiguous {@code [N, C, L]} array (channel
 * {@code c} is the {@code N} runs of {@code L} floats at {@code (n C + c) L}). With {@code L > 1}
 * the reductions run per channel in parallel, each run vectorized; with {@code L == 1} (an
 * {@code [N, C]} input) they sweep the rows, vectorized across channels, in parallel over channel
 * blocks. Either way each channel's sums are taken in an order that depends only on the shape.
 */
final class BatchNormKernel {

    /** Elements per parallel task. */
    private static final int GRAIN = 1 << 15;
    /** Rows summed in float before being added into the double totals of the column sweep. */
    private static final int FLUSH = 64;

    private final float[] x;
    private final int n;
    private final int c;
    private final int l;

    BatchNormKernel(float[] x, int n, int c, int l) {
        this.x = x;
        this.n = n;
        this.c = c;
        this.l = l;
    }

    /**
     * Training forward: per channel the mean and biased variance {@code sum((x - mean)^2) / (N L)}
     * (two passes), {@code invstd = 1 / sqrt(var + eps)}, {@code scale = w invstd} ({@code w} null
     * meaning ones), then {@code y = (x - mean) scale + b} ({@code b} null meaning zeros). With
     * {@code L > 1} each channel is normalized right after its statistics, while its data is in cache.
     */
    void trainForward(float[] w, float[] b, double eps, float[] mean, float[] var, float[] invstd, float[] scale,
                      float[] y) {
        double count = (double) n * l;
        float[] shift = b == null ? new float[c] : b;
        if (l == 1) {
            columnSums(Column.SUM, x, null, mean);
            for (int j = 0; j < c; j++) mean[j] = (float) (mean[j] / count);
            columnSums(Column.SQUARES, null, mean, var);
            for (int j = 0; j < c; j++) {
                var[j] = (float) (var[j] / count);
                scaleOf(j, w, var, eps, invstd, scale);
            }
            combine(null, null, mean, scale, shift, y);
            return;
        }
        Parallel.forRange(c, grain(), (c0, c1) -> {
            for (int ch = c0; ch < c1; ch++) {
                double s = 0;
                for (int r = 0; r < n; r++) s += Elementwise.sum(x, (r * c + ch) * l, l);
                float m = (float) (s / count);
                double q = 0;
                for (int r = 0; r < n; r++) q += NormKernels.sumSquares(x, (r * c + ch) * l, l, m);
                mean[ch] = m;
                var[ch] = (float) (q / count);
                scaleOf(ch, w, var, eps, invstd, scale);
                for (int r = 0; r < n; r++) {
                    int off = (r * c + ch) * l;
                    NormKernels.affine(x, off, l, m, scale[ch], shift[ch], y, off);
                }
            }
        });
    }

    /** {@code invstd[j] = 1 / sqrt(var[j] + eps)} and {@code scale[j] = w[j] invstd[j]}. */
    static void scaleOf(int j, float[] w, float[] var, double eps, float[] invstd, float[] scale) {
        invstd[j] = (float) (1.0 / Math.sqrt(var[j] + eps));
        scale[j] = w == null ? invstd[j] : w[j] * invstd[j];
    }

    /**
     * Per channel {@code sumG = sum(g)} and {@code sumGX = sum(g (x - mean))} (what the parameter
     * gradients need, in training and eval), and unless {@code dx} is null the training input gradient
     * {@code dx = scale (g - sumG / M - (x - mean) invstd^2 sumGX / M)}, {@code M = N L}; with
     * {@code L > 1} each channel right after its sums.
     */
    void backward(float[] g, float[] mean, float[] invstd, float[] scale, float[] sumG, float[] sumGX,
                       float[] dx) {
        double count = (double) n * l;
        if (l == 1) {
            columnSums(Column.SUM, g, null, sumG);
            columnSums(Column.PRODUCTS, g, mean, sumGX);
            if (dx == null) return;
            float[] b = new float[c], k = new float[c];
            for (int j = 0; j < c; j++) {
                b[j] = (float) (-(double) scale[j] * invstd[j] * invstd[j] * sumGX[j] / count);
                k[j] = (float) (-(double) scale[j] * sumG[j] / count);
            }
            combine(g, scale, mean, b, k, dx);
            return;
        }
        Parallel.forRange(c, grain(), (c0, c1) -> {
            float[] pair = new float[2];
            for (int ch = c0; ch < c1; ch++) {
                double s1 = 0, s2 = 0;
                for (int r = 0; r < n; r++) {
                    int off = (r * c + ch) * l;
                    NormKernels.sums(g, off, x, off, l, mean[ch], pair);
                    s1 += pair[0];
                    s2 += pair[1];
                }
                sumG[ch] = (float) s1;
                sumGX[ch] = (float) s2;
                if (dx == null) continue;
                float b = (float) (-(double) scale[ch] * invstd[ch] * invstd[ch] * sumGX[ch] / count);
                float k = (float) (-(double) scale[ch] * sumG[ch] / count);
                for (int r = 0; r < n; r++) {
                    int off = (r * c + ch) * l;
                    NormKernels.combine(g, off, x, off, l, scale[ch], mean[ch], b, k, dx, off);
                }
            }
        });
    }

    /** {@code out = a[c] * g + b[c] * (x - mean[c]) + k[c]} per channel; {@code g} null means {@code a} is 0. */
    void combine(float[] g, float[] a, float[] mean, float[] b, float[] k, float[] out) {
        if (l == 1) {
            Parallel.forRange(n, Math.max(1, GRAIN / Math.max(c, 1)), (r0, r1) -> {
                float[] d = new float[c], t = g == null ? null : new float[c];
                for (int r = r0; r < r1; r++) {
                    int base = r * c;
                    NormKernels.sub(x, base, mean, 0, c, d, 0);
                    if (g == null) {
                        NormKernels.mulAdd(d, 0, b, 0, k, 0, c, out, base);
                    } else {
                        NormKernels.mulAdd(b, 0, d, 0, k, 0, c, t, 0);
                        NormKernels.mulAdd(a, 0, g, base, t, 0, c, out, base);
                    }
                }
            });
            return;
        }
        Parallel.forRange(n * c, Math.max(1, GRAIN / l), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int ch = r % c, off = r * l;
                if (g == null) {
                    NormKernels.affine(x, off, l, mean[ch], b[ch], k[ch], out, off);
                } else {
                    NormKernels.combine(g, off, x, off, l, a[ch], mean[ch], b[ch], k[ch], out, off);
                }
            }
        });
    }

    /** What a column sweep sums: {@code v}, {@code (x - mean)^2}, or {@code v (x - mean)}. */
    private enum Column { SUM, SQUARES, PRODUCTS }

    /** The column sweep for {@code L == 1}: {@code out[j]} = the sum over rows of {@code kind}'s term. */
    private void columnSums(Column kind, float[] v, float[] mean, float[] out) {
        Parallel.forRange(c, Math.max(8, GRAIN / Math.max(n, 1)), (c0, c1) -> {
            int w = c1 - c0;
            float[] acc = new float[w], d = kind == Column.SUM ? null : new float[w];
            double[] total = new double[w];
            for (int r = 0; r < n; r++) {
                int base = r * c + c0;
                if (kind == Column.SUM) {
                    NormKernels.addInto(acc, 0, v, base, w);
                } else {
                    NormKernels.sub(x, base, mean, c0, w, d, 0);
                    boolean squares = kind == Column.SQUARES;
                    NormKernels.addProductInto(acc, 0, squares ? d : v, squares ? 0 : base, d, 0, w);
                }
                if ((r + 1) % FLUSH == 0 || r == n - 1) {
                    for (int j = 0; j < w; j++) {
                        total[j] += acc[j];
                        acc[j] = 0f;
                    }
                }
            }
            for (int j = 0; j < w; j++) out[c0 + j] = (float) total[j];
        });
    }

    private int grain() {
        return Math.max(1, GRAIN / Math.max(1, n * l));
    }
}
