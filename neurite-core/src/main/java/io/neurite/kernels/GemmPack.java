package io.neurite.kernels;

import static io.neurite.kernels.GemmKernel.NR;

/**
 * Packing of blocks into the layouts {@link GemmKernel} reads. Each transposition is handled while
 * copying a block, so a transposed copy of a whole matrix is never made.
 */
final class GemmPack {

    private GemmPack() {}

    /**
     * Copies rows {@code [i0, i0 + mc)} and columns {@code [p0, p0 + kc)} of op(A) = A<sup>T</sup>
     * into {@code dst} as a row-major {@code mc x kc} block. (Without transposition the kernel reads
     * A in place.)
     */
    static void packTransposedA(float[] a, int aOff, int lda, int i0, int mc, int p0, int kc,
            float[] dst) {
        for (int p = 0; p < kc; p++) {
            int src = aOff + (p0 + p) * lda + i0;
            for (int i = 0; i < mc; i++) dst[i * kc + p] = a[src + i];
        }
    }

    /**
     * Packs rows {@code [p0, p0 + kc)} and columns {@code [j0, j0 + nc)} of op(B) into panels of
     * {@link GemmKernel#NR} columns, zero-padded.
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
            float[] dst) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr), base = jr * kc;
            if (transB) {
                // op(B)(p, j) = b[bOff + j * ldb + p]: read each stored row, scatter by NR.
                for (int j = 0; j < nr; j++) {
                    int src = bOff + (j0 + jr + j) * ldb + p0;
                    for (int p = 0; p < kc; p++) dst[base + p * NR + j] = b[src + p];
                }
            } else if (nr == NR) {
                // op(B)(p, j) = b[bOff + p * ldb + j]: each p copies NR consecutive elements.
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (p0 + p) * ldb + j0 + jr, d = base + p * NR;
                    for (int j = 0; j < NR; j++) dst[d + j] = b[src + j];
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (p0 + p) * ldb + j0 + jr;
                    for (int j = 0; j < nr; j++) dst[base + p * NR + j] = b[src + j];
                }
            }
            if (nr < NR) {
                for (int p = 0; p < kc; p++) {
                    for (int j = nr; j < NR; j++) dst[base + p * NR + j] = 0f;
                }
            }
        }
    }
}
