package io.neurite.kernels;

import static io.neurite.kernels.GemmKernel.MR;
import static io.neurite.kernels.GemmKernel.NR;

/**
 * Packing of blocks into the layouts {@link GemmKernel} reads. Each transposition is handled while
 * copying a block, so a transposed copy of a whole matrix is never made.
 */
final class GemmPack {

    private GemmPack() {}

    /**
     * Packs rows {@code [i0, i0 + mc)} and columns {@code [p0, p0 + kc)} of op(A) into {@code dst} as
     * panels of {@link GemmKernel#MR} rows, each stored column after column: element {@code (i, p)}
     * of the block at {@code (i / MR) * kc * MR + p * MR + i % MR}, the last panel zero-padded. The
     * micro-kernel then reads one contiguous stream of A.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc,
            float[] dst) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir), base = ir * kc;
            if (transA) {
                // op(A)(i, p) = a[aOff + p * lda + i]: a panel's MR values at each p are adjacent.
                int src = aOff + p0 * lda + i0 + ir;
                if (mr == MR) {
                    for (int p = 0, d = base; p < kc; p++, d += MR, src += lda) {
                        dst[d] = a[src];
                        dst[d + 1] = a[src + 1];
                        dst[d + 2] = a[src + 2];
                        dst[d + 3] = a[src + 3];
                    }
                } else {
                    for (int p = 0, d = base; p < kc; p++, d += MR, src += lda) {
                        for (int i = 0; i < MR; i++) dst[d + i] = i < mr ? a[src + i] : 0f;
                    }
                }
            } else if (mr == MR) {
                // op(A)(i, p) = a[aOff + i * lda + p]: four row streams read in step.
                int s0 = aOff + (i0 + ir) * lda + p0, s1 = s0 + lda, s2 = s1 + lda, s3 = s2 + lda;
                for (int p = 0, d = base; p < kc; p++, d += MR) {
                    dst[d] = a[s0 + p];
                    dst[d + 1] = a[s1 + p];
                    dst[d + 2] = a[s2 + p];
                    dst[d + 3] = a[s3 + p];
                }
            } else {
                for (int i = 0; i < MR; i++) {
                    int src = aOff + (i0 + ir + i) * lda + p0;
                    for (int p = 0, d = base + i; p < kc; p++, d += MR) dst[d] = i < mr ? a[src + p] : 0f;
                }
            }
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
