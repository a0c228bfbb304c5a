package io.neurite.kernels;

import java.util.Arrays;

/**
 * Single-precision general matrix multiply, {@code C = alpha * op(A) * op(B) + beta * C}, on
 * row-major arrays.
 *
 * <p>Shapes: {@code op(A)} is {@code m x k}, {@code op(B)} is {@code k x n}, {@code C} is
 * {@code m x n}. Without transposition A is stored {@code m x k} (row {@code i} starts at
 * {@code aOff + i * lda}); with {@code transA} it is stored {@code k x m}. The same holds for B.
 *
 * <p>The blocking follows Goto and van de Geijn, "Anatomy of high-performance matrix
 * multiplication" (ACM TOMS 2008), in the loop order of BLIS (Van Zee and van de Geijn, ACM TOMS
 * 2015): see {@link GemmDriver}. The micro-kernel is {@link GemmVectorKernel} when the Vector API
 * is enabled ({@link VectorSupport#enabled()}) and {@link GemmScalarKernel} otherwise; both perform
 * the same fused multiply-adds in the same order, so they give bit-identical results.
 *
 * <p>Every element of C is the same sequence of operations whatever the thread count: its dot
 * product is accumulated with fused multiply-adds in increasing {@code p}, in {@code ceil(k /
 * 2048)} blocks of equal depth whose sums are added to C in order. Results are therefore identical
 * run after run, and across thread counts and machines.
 */
public final class Gemm {

    private static final boolean VECTORIZED = VectorSupport.enabled();
    // GemmVectorKernel is only named on the Vector API branch, so it is never loaded without it.
    private static final GemmKernel DEFAULT_KERNEL =
            VECTORIZED ? new GemmVectorKernel() : new GemmScalarKernel();

    private Gemm() {}

    /**
     * Computes {@code C = alpha * op(A) * op(B) + beta * C}.
     *
     * <p>When {@code beta == 0} C is overwritten and its old values (NaN included) are ignored.
     * When {@code alpha == 0} or {@code k == 0}, A and B are not read and C becomes
     * {@code beta * C}, as in the reference BLAS.
     *
     * @throws IllegalArgumentException when a size is negative, a leading dimension is smaller than
     *     a row, an array is too short for its offset, leading dimension and shape, or C overlaps A
     *     or B
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta,
            float[] c, int cOff, int ldc) {
        sgemm(DEFAULT_KERNEL, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
                beta, c, cOff, ldc);
    }

    /** Whether {@link #sgemm} runs the Vector API micro-kernel (else the scalar one). */
    public static boolean vectorized() {
        return VECTORIZED;
    }

    /** {@link #sgemm} with a chosen micro-kernel; tests use it to compare kernels. */
    static void sgemm(GemmKernel kernel, boolean transA, boolean transB, int m, int n, int k,
            float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta,
            float[] c, int cOff, int ldc) {
        GemmChecks.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) return;
        if (alpha == 0f || k == 0) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        GemmDriver.run(kernel, new GemmDriver.Operands(transA, transB, m, n, k, alpha,
                a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, 1));
    }

    private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0f) {
                Arrays.fill(c, row, row + n, 0f);
            } else {
                for (int j = row; j < row + n; j++) c[j] *= beta;
            }
        }
    }
}
