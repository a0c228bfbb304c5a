package io.neurite.nn.functional;

import io.neurite.kernels.Elementwise;
import io.neurite.kernels.Parallel;

/**
 * Normalization of contiguous rows by their own statistics, the kernel of layer and group
 * normalization: {@code rows} rows of {@code k = cpg * l} floats; row {@code r} is made of
 * {@code cpg} segments of {@code l} floats, and segment {@code j} takes the affine parameters at
 * {@code (r % groups) * cpg + j}. Layer norm is {@code groups = 1, cpg = k, l = 1}; group norm of
 * {@code [N, C, L]} is {@code rows = N G, cpg = C / G}. Parallel over rows; the parameter gradients
 * are summed per fixed chunk of rows, then over chunks in order, so results depend only on the shape
 * and the thread count.
 */
final class RowNormKernel {

    private static final int GRAIN = 1 << 15;
    /** Rows whose parameter gradients are summed in float before being added into double. */
    private static final int FLUSH = 64;

    private final float[] x;
    private final int rows;
    private final int k;
    private final int groups;
    private final int cpg;
    private final int l;
    private final float[] mean;
    private final float[] invstd;

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
                float m = Elementwise.sum(x, off, k) / k;
                float inv = (float) (1.0 / Math.sqrt(NormKernels.sumSquares(x, off, k, m) / k + eps));
                mean[r] = m;
                invstd[r] = inv;
                if (l == 1) {
                    NormKernels.affine(x, off, k, m, inv, 0f, y, off);
                    NormKernels.mulAdd(y, off, w, p0, b, p0, k, y, off);
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
            Row row = new Row(g, w, dx, params);
            for (int t = t0; t < t1; t++) {
                int start = (int) ((long) rows * t / chunks), end = (int) ((long) rows * (t + 1) / chunks);
                for (int r = start; r < end; r++) {
                    if (l == 1) {
                        row.elements(r, dw == null ? null : pw[t], db == null ? null : pb[t], r - start);
                    } else {
                        row.segments(r, dw == null ? null : pw[t], db == null ? null : pb[t]);
                    }
                }
                row.flush(dw == null ? null : pw[t], db == null ? null : pb[t]);
            }
        });
        for (int t = 0; t < pw.length; t++) for (int p = 0; p < params; p++) dw[p] = (float) (dw[p] + pw[t][p]);
        for (int t = 0; t < pb.length; t++) for (int p = 0; p < params; p++) db[p] = (float) (db[p] + pb[t][p]);
    }

    /** The backward of one row at a time, with its scratch arrays (one per task). */
    private final class Row {
        private final float[] g;
        private final float[] w;
        private final float[] dx;
        private final float[] pair = new float[2];
        private final float[] gw;
        private final float[] xhat;
        private final float[] accW;
        private final float[] accB;

        Row(float[] g, float[] w, float[] dx, int params) {
            this.g = g;
            this.w = w;
            this.dx = dx;
            boolean elements = l == 1;
            this.gw = elements ? new float[k] : null;
            this.xhat = elements ? new float[k] : null;
            this.accW = elements ? new float[params] : null;
            this.accB = elements ? new float[params] : null;
        }

        /** A row whose parameters change every element ({@code l == 1}); {@code index} counts rows in the chunk. */
        void elements(int r, double[] pw, double[] pb, int index) {
            int off = r * k, p0 = (r % groups) * cpg;
            float m = mean[r], inv = invstd[r];
            if (pw != null) {
                NormKernels.affine(x, off, k, m, inv, 0f, xhat, 0);
                NormKernels.addProductInto(accW, p0, g, off, xhat, 0, k);
            }
            if (pb != null) NormKernels.addInto(accB, p0, g, off, k);
            if ((index + 1) % FLUSH == 0) flush(pw, pb);
            if (dx == null) return;
            NormKernels.mul(g, off, w, p0, k, gw, 0);
            NormKernels.sums(gw, 0, x, off, k, m, pair);
            float b = (float) (-(double) inv * inv * inv * pair[1] / k), c = (float) (-(double) inv * pair[0] / k);
            NormKernels.combine(gw, 0, x, off, k, inv, m, b, c, dx, off);
        }

        /** A row of {@code cpg} segments of {@code l > 1} elements, one parameter per segment. */
        void segments(int r, double[] pw, double[] pb) {
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

        /** Adds the float partial sums of the element rows into the chunk's double sums. */
        void flush(double[] pw, double[] pb) {
            if (accW == null) return;
            for (int p = 0; p < accW.length; p++) {
                if (pw != null) pw[p] += accW[p];
                if (pb != null) pb[p] += accB[p];
                accW[p] = 0f;
                accB[p] = 0f;
            }
        }
    }

    private int rowGrain() {
        return Math.max(1, GRAIN / Math.max(1, k));
    }
}
