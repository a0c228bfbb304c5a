package io.neurite.nn.functional;

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

    /** Per channel: {@code mean}, and the biased variance {@code sum((x - mean)^2) / (N L)} (two passes). */
    void meanVar(float[] mean, float[] var) {
        double count = (double) n * l;
        if (l == 1) {
            columnSums(Column.SUM, x, null, mean);
            for (int j = 0; j < c; j++) mean[j] = (float) (mean[j] / count);
            columnSums(Column.SQUARES, null, mean, var);
            for (int j = 0; j < c; j++) var[j] = (float) (var[j] / count);
            return;
        }
        Parallel.forRange(c, grain(), (c0, c1) -> {
            for (int ch = c0; ch < c1; ch++) {
                double s = 0;
                for (int b = 0; b < n; b++) s += NormKernels.sum(x, (b * c + ch) * l, l);
                float m = (float) (s / count);
                double q = 0;
                for (int b = 0; b < n; b++) q += NormKernels.sumSquares(x, (b * c + ch) * l, l, m);
                mean[ch] = m;
                var[ch] = (float) (q / count);
            }
        });
    }

    /** Per channel: {@code sumG = sum(g)} and {@code sumGX = sum(g (x - mean))}. */
    void gradSums(float[] g, float[] mean, float[] sumG, float[] sumGX) {
        if (l == 1) {
            columnSums(Column.SUM, g, null, sumG);
            columnSums(Column.PRODUCTS, g, mean, sumGX);
            return;
        }
        Parallel.forRange(c, grain(), (c0, c1) -> {
            float[] pair = new float[2];
            for (int ch = c0; ch < c1; ch++) {
                double s1 = 0, s2 = 0;
                for (int b = 0; b < n; b++) {
                    int off = (b * c + ch) * l;
                    NormKernels.sums(g, off, x, off, l, mean[ch], pair);
                    s1 += pair[0];
                    s2 += pair[1];
                }
                sumG[ch] = (float) s1;
                sumGX[ch] = (float) s2;
            }
        });
    }

    /** {@code out = a[c] * g + b[c] * (x - mean[c]) + k[c]} per channel; {@code g} null means {@code a} is 0. */
    void combine(float[] g, float[] a, float[] mean, float[] b, float[] k, float[] out) {
        if (l == 1) {
            Parallel.forRange(n, Math.max(1, GRAIN / Math.max(c, 1)), (r0, r1) -> {
                for (int r = r0; r < r1; r++) {
                    int base = r * c;
                    if (g == null) {
                        for (int j = 0; j < c; j++) out[base + j] = b[j] * (x[base + j] - mean[j]) + k[j];
                    } else {
                        for (int j = 0; j < c; j++) {
                            out[base + j] = a[j] * g[base + j] + b[j] * (x[base + j] - mean[j]) + k[j];
                        }
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
            float[] acc = new float[w];
            double[] total = new double[w];
            for (int r = 0; r < n; r++) {
                int base = r * c + c0;
                switch (kind) {
                    case SUM -> {
                        for (int j = 0; j < w; j++) acc[j] += v[base + j];
                    }
                    case SQUARES -> {
                        for (int j = 0; j < w; j++) {
                            float d = x[base + j] - mean[c0 + j];
                            acc[j] += d * d;
                        }
                    }
                    case PRODUCTS -> {
                        for (int j = 0; j < w; j++) acc[j] += v[base + j] * (x[base + j] - mean[c0 + j]);
                    }
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
