package io.neurite.kernels;

import static io.neurite.kernels.GemmKernel.NR;

/**
 * Packing of blocks into the layouts {@link GemmKernel} reads. Each transposition is handled while
 * copying a block, so a transposed copy of a whole matrix is never made.
 */
final class GemmPack {

    private GemmPack() {}

    /**
     * Copies rows {@code [i0, i0 + mc)} and columns {@code [p0, p0 + kc)} of op(A) into {@code dst}
     * as a row-major {@code mc x kc} block.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc,
            float[] dst) {
        if (!transA) {
            for (int i = 0; i < mc; i++) {
                System.arraycopy(a, aOff + (i0 + i) * lda + p0, dst, i * kc, kc);
            }
            return;
        }
        // op(A)(i, p) = a[aOff + p * lda + i]: four rows of the block at a time, so four sequential
        // write streams share each strided read.
        int i = 0;
        for (; i + 4 <= mc; i += 4) {
            int d0 = i * kc, d1 = d0 + kc, d2 = d1 + kc, d3 = d2 + kc;
            int src = aOff + p0 * lda + i0 + i;
            for (int p = 0; p < kc; p++, src += lda) {
                dst[d0 + p] = a[src];
                dst[d1 + p] = a[src + 1];
                dst[d2 + p] = a[src + 2];
                dst[d3 + p] = a[src + 3];
            }
        }
        for (; i < mc; i++) {
            int src = aOff + p0 * lda + i0 + i;
            for (int p = 0; p < kc; p++, src += lda) dst[i * kc + p] = a[src];
        }
    }

    /**
     * Packs rows {@code [p0, p0 + kc)} and columns {@code [j0, j0 + nc)} of op(B) into panels of
     * {@link GemmKernel#NR} columns, zero-padded.
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
            float[] dst, int dstOff) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr), base = dstOff + jr * kc;
            if (transB) {
                // op(B)(p, j) = b[bOff + j * ldb + p]: four stored rows (columns of op(B)) at a
                // time, read sequentially, written with stride NR.
                int j = 0;
                for (; j + 4 <= nr; j += 4) {
                    int s0 = bOff + (j0 + jr + j) * ldb + p0, s1 = s0 + ldb, s2 = s1 + ldb,
                            s3 = s2 + ldb;
                    for (int p = 0, d = base + j; p < kc; p++, d += NR) {
                        dst[d] = b[s0 + p];
                        dst[d + 1] = b[s1 + p];
                        dst[d + 2] = b[s2 + p];
                        dst[d + 3] = b[s3 + p];
                    }
                }
                for (; j < nr; j++) {
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
