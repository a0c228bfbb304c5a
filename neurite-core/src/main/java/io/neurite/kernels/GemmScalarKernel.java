package io.neurite.kernels;

import java.util.Arrays;

/**
 * The portable micro-kernel: the same fused multiply-adds as {@link GemmVectorKernel}, in the same
 * order, one element at a time with {@link Math#fma}. Used when the Vector API is unavailable.
 */
final class GemmScalarKernel implements GemmKernel {

    @Override
    public void block(int mc, int nc, int kc, float[] a, int aOff, int lda, float[] pb,
            float alpha, float beta, int mode, float[] c, int cOff, int cRow, int cCol,
            float[] tile) {
        // Element (i, p) of a register tile's rows at ai + i * rowStep + p * colStep.
        int rowStep = lda == PACKED ? 1 : lda, colStep = lda == PACKED ? MR : 1;
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                multiply(kc, mr, a, aOff + ir * (lda == PACKED ? kc : lda), rowStep, colStep, pb,
                        jr * kc, tile);
                GemmKernel.store(tile, mr, nr, alpha, beta, mode, c,
                        cOff + ir * cRow + jr * cCol, cRow, cCol);
            }
        }
    }

    /** {@code acc = A rows * B panel} for the first {@code mr} rows, summed in increasing p. */
    private static void multiply(int kc, int mr, float[] a, int ai, int rowStep, int colStep,
            float[] b, int bi, float[] acc) {
        Arrays.fill(acc, 0f);
        for (int p = 0; p < kc; p++) {
            int bp = bi + p * NR;
            for (int i = 0; i < mr; i++) {
                float x = a[ai + i * rowStep + p * colStep];
                for (int j = 0, t = i * NR; j < NR; j++, t++) {
                    acc[t] = Math.fma(x, b[bp + j], acc[t]);
                }
            }
        }
    }
}
