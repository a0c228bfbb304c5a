package io.neurite.nn.functional;

import io.neurite.kernels.Parallel;

/**
 * Normalization of contiguous rows by their own statistics, the kernel of layer and group
 * normalization: {@code rows} rows of {@code k = cpg * l} floats; row {@code r} is made of
 * {@code cpg} segments of {@code l} floats, and segment {@code j} takes the affine parameters at
 * {@code (r % groups) * cpg + j}. Layer norm is {@code groups = 1, cpg = k, l = 1}; group norm of
 * {@code [N, C, L]} is {@code rows = N G, cpg = C / G}. Parallel over rows; the parameter gradients
 * are summed per fixed chunk of rows (in double), then over chunks in order.
 */
final class RowNormKernel {

    private static final int GRAIN = 1 << 15;

    private final float[] x;
    private final int rows;
    private final int k;
    private final int groups;
    private final int cpg;
    private final int l;
    final float[] mean;
    final float[] invstd;

    RowNormKernel(float[] x, int rows, int groups, int cpg, int l) {
        this.x = x;
        this.rows = rows;
        this.k = cpg * l;
        this.groups = groups;
        this.cpg = cpg;
        this.l = l;
        this.mean = new float[rows];
        this.invstd = new float[rows];
    }

    /** Computes each row's mean and {@code 1 / sqrt(var + eps)} and writes {@code y = xhat w + b}. */
    void forward(float[] w, float[] b, double eps, float[] y) {
        Parallel.forRange(rows, rowGrain(), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int off = r * k, p0 = (r % groups) * cpg;
                float m = NormKernels.sum(x, off, k) / k;
                float inv = (float) (1.0 / Math.sqrt(NormKernels.sumSquares(x, off, k, m) / k + eps));
                mean[r] = m;
                invstd[r] = inv;
                if (l == 1) {
                    for (int i = 0; i < k; i++) y[off + i] = (x[off + i] - m) * inv * w[p0 + i] + b[p0 + i];
                } else {
                    for (int j = 0; j < cpg; j++) {
                        NormKernels.affine(x, off + j * l, l, m, inv * w[p0 + j], b[p0 + j], y, off + j * l);
                    }
                }
            }
        });
    }

    /**
     * Writes the gradients for {@code dy = g}: {@code dx = invstd (gw - mean(gw) - xhat mean(gw xhat))}
     * (skipped when {@code dx} is null), {@code dw = sum(g xhat)} and {@code db = sum(g)} over the rows
     * sharing each parameter (skipped when null).
     */
    void backward(float[] g, float[] w, float[] dx, float[] dw, float[] db) {
        int params = groups * cpg;
        int chunks = Math.max(1, Parallel.chunks(rows, rowGrain()));
        double[][] pw = new double[dw == null ? 0 : chunks][params], pb = new double[db == null ? 0 : chunks][params];
        Parallel.forRange(chunks, 1, (t0, t1) -> {
            float[] pair = new float[2];
            for (int t = t0; t < t1; t++) {
                int end = (int) ((long) rows * (t + 1) / chunks);
                for (int r = (int) ((long) rows * t / chunks); r < end; r++) {
                    if (l == 1) {
                        elementRow(r, g, w, dx, dw == null ? null : pw[t], db == null ? null : pb[t], pair);
                    } else {
                        segmentRow(r, g, w, dx, dw == null ? null : pw[t], db == null ? null : pb[t], pair);
                    }
                }
            }
        });
        for (int t = 0; t < pw.length; t++) for (int p = 0; p < params; p++) dw[p] = (float) (dw[p] + pw[t][p]);
        for (int t = 0; t < pb.length; t++) for (int p = 0; p < params; p++) db[p] = (float) (db[p] + pb[t][p]);
    }

    /** A row whose parameters change every element ({@code l == 1}). */
    private void elementRow(int r, float[] g, float[] w, float[] dx, double[] pw, double[] pb, float[] pair) {
        int off = r * k, p0 = (r % groups) * cpg;
        float m = mean[r], inv = invstd[r];
        if (pw != null) for (int i = 0; i < k; i++) pw[p0 + i] += g[off + i] * (x[off + i] - m) * inv;
        if (pb != null) for (int i = 0; i < k; i++) pb[p0 + i] += g[off + i];
        if (dx == null) return;
        NormKernels.weightedSums(g, off, w, p0, x, off, k, m, pair);
        float b = (float) (-(double) inv * inv * inv * pair[1] / k), c = (float) (-(double) inv * pair[0] / k);
        for (int i = 0; i < k; i++) dx[off + i] = inv * w[p0 + i] * g[off + i] + b * (x[off + i] - m) + c;
    }

    /** A row of {@code cpg} segments of {@code l > 1} elements, one parameter per segment. */
    private void segmentRow(int r, float[] g, float[] w, float[] dx, double[] pw, double[] pb, float[] pair) {
        int off = r * k, p0 = (r % groups) * cpg;
        float m = mean[r], inv = invstd[r];
        double s1 = 0, s2 = 0;
        for (int j = 0; j < cpg; j++) {
            NormKernels.sums(g, off + j * l, x, off + j * l, l, m, pair);
            s1 += (double) w[p0 + j] * pair[0];
            s2 += (double) w[p0 + j] * pair[1];
            if (pw != null) pw[p0 + j] += (double) pair[1] * inv;
            if (pb != null) pb[p0 + j] += pair[0];
        }
        if (dx == null) return;
        float b = (float) (-(double) inv * inv * inv * s2 / k), c = (float) (-(double) inv * s1 / k);
        for (int j = 0; j < cpg; j++) {
            NormKernels.combine(g, off + j * l, x, off + j * l, l, inv * w[p0 + j], m, b, c, dx, off + j * l);
        }
    }

    private int rowGrain() {
        return Math.max(1, GRAIN / Math.max(1, k));
    }
}
