package io.neurite.nn;

/** The Q factor of a Householder QR decomposition in double precision, for {@link Init#orthogonal}. */
final class Householder {

    private Householder() {}

    /**
     * The m x n matrix Q of {@code A = Q R} (m >= n, A row-major, overwritten with R) with each column
     * multiplied by the sign of R's diagonal entry, as PyTorch's {@code orthogonal_} does: the unique
     * factor with a positive diagonal for a full-rank A (a zero diagonal entry gives a zero column).
     */
    static double[] orthonormalColumns(double[] a, int m, int n) {
        if (m < n) throw new IllegalArgumentException("Householder: expected rows >= columns, got " + m + " x " + n);
        double[][] reflectors = new double[n][];
        double[] diagonal = new double[n];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int i = j; i < m; i++) norm += a[i * n + j] * a[i * n + j];
            norm = Math.sqrt(norm);
            // H x = alpha e1 with alpha of the sign opposite to x0: no cancellation in v = x - alpha e1
            double alpha = a[j * n + j] > 0 ? -norm : norm;
            double[] v = new double[m - j];
            for (int i = j; i < m; i++) v[i - j] = a[i * n + j];
            v[0] -= alpha;
            diagonal[j] = alpha;
            if (reflect(v, a, j, n, m, j)) reflectors[j] = v;
        }
        double[] q = new double[m * n];
        for (int i = 0; i < n; i++) q[i * n + i] = 1;
        for (int j = n - 1; j >= 0; j--) {
            if (reflectors[j] != null) reflect(reflectors[j], q, j, n, m, 0);
        }
        for (int j = 0; j < n; j++) {
            double sign = Math.signum(diagonal[j]);
            for (int i = 0; i < m; i++) q[i * n + j] *= sign;
        }
        return q;
    }

    /** Applies {@code I - 2 v v^T / v^T v} to rows [row0, m) and columns [col0, n) of x; false when v = 0. */
    private static boolean reflect(double[] v, double[] x, int row0, int n, int m, int col0) {
        double vv = 0;
        for (double e : v) vv += e * e;
        if (vv == 0) return false;
        for (int k = col0; k < n; k++) {
            double dot = 0;
            for (int i = row0; i < m; i++) dot += v[i - row0] * x[i * n + k];
            double f = 2 * dot / vv;
            for (int i = row0; i < m; i++) x[i * n + k] -= f * v[i - row0];
        }
        return true;
    }
}
