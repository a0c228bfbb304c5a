package io.neurite.kernels;

import static io.neurite.kernels.GemmKernel.ACCUMULATE;
import static io.neurite.kernels.GemmKernel.MR;
import static io.neurite.kernels.GemmKernel.NR;
import static io.neurite.kernels.GemmKernel.OVERWRITE;
import static io.neurite.kernels.GemmKernel.PACKED;
import static io.neurite.kernels.GemmKernel.SCALE;

/**
 * The loops around the micro-kernel, after Goto and van de Geijn, "Anatomy of high-performance
 * matrix multiplication" (ACM TOMS 2008), in the loop order of BLIS (Van Zee and van de Geijn, ACM
 * TOMS 2015): for each block of at most {@code nc} columns, for each block of at most {@link #KC}
 * of the k dimension, pack that {@code kc x nc} block of B; then for each block of {@code mc} rows
 * run the macro-kernel, whose outer loop takes one {@code kc x NR} panel of B and whose inner loop
 * sweeps the {@code mc x kc} block of A (held in L2) with it.
 *
 * <p>Blocking measured on an AVX2 core with 32 KiB L1d, 512 KiB L2 and a shared L3: {@code kc}
 * as deep as 2048, unlike the L1-sized depth of BLIS, because every extra k block costs one more
 * pass over C, whose reads miss the caches once C outgrows them; the B panel then streams from L2,
 * which the hardware prefetcher keeps up with. {@code mc} keeps the A block near half of L2 and
 * {@code nc} keeps the packed B block near 4 MiB.
 *
 * <p>Each {@code mc x kc} block of A is packed (transposed if need be) into panels of {@code MR}
 * rows, so the micro-kernel reads both operands as contiguous streams from one loop counter; this
 * also avoids cache-set conflicts between rows whose stride is a multiple of 4 KiB. A block of A
 * not transposed and multiplied by fewer than {@link #PACK_A_MIN_COLUMNS} columns is read in place
 * instead: packing would cost more than it saves (a linear layer's weight at batch 64).
 *
 * <p>When B is transposed and C is wider than tall, the driver computes the same product as
 * {@code C^T = op(B)^T * op(A)^T}, writing C through swapped strides: B is then read in place and
 * W becomes the A operand (a linear layer's {@code x * W^T} with a small batch), whose packing is
 * split between the threads. Every element is still the same fused multiply-adds in the same
 * order, since {@code fma(a, b, c) == fma(b, a, c)}.
 *
 * <p>Threads: C is split into contiguous ranges of whole register tiles, one per thread, with one
 * {@link Parallel#forRange} per call and no barrier; each thread packs its own blocks: its share of
 * the split operand and all of the other. Rows are split when there are enough row tiles and C is
 * at least as tall as wide (so the larger operand is not packed by every thread), else columns.
 * The k blocking depends on k alone, so the split never changes how an element is computed.
 */
final class GemmDriver {

    /** Deepest k block; deeper products are split into equal blocks of at most this depth. */
    private static final int KC = 2048;
    /** Floats in a block of A: 256 KiB, half of L2. */
    private static final int A_BLOCK = 64 * 1024;
    /** Floats in a packed block of B: 4 MiB. */
    private static final int B_BLOCK = 1024 * 1024;
    /**
     * From this many columns of C on, a block of A not transposed is worth packing: each element
     * costs about a cycle to pack and is then read faster by every NR-column panel of C.
     */
    private static final int PACK_A_MIN_COLUMNS = 5 * NR;
    /** Below this many flops (about 50 us) a thread's share is not worth waking a pool thread. */
    private static final long MIN_FLOPS_PER_TASK = 1L << 22;

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /**
     * The arguments of one {@link Gemm#sgemm} call; element {@code (i, j)} of C is
     * {@code c[cOff + i * cRow + j * cCol]}.
     */
    record Operands(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta,
            float[] c, int cOff, int cRow, int cCol) {

        /** The same product as {@code C^T = op(B)^T * op(A)^T}. */
        Operands transposed() {
            return new Operands(!transB, !transA, n, m, k, alpha, b, bOff, ldb, a, aOff, lda,
                    beta, c, cOff, cCol, cRow);
        }
    }

    private GemmDriver() {}

    static void run(GemmKernel kernel, Operands product) {
        Operands op =
                product.transB() && product.m() < product.n() ? product.transposed() : product;
        int m = op.m(), n = op.n();
        int rowTiles = ceilDiv(m, MR), colTiles = ceilDiv(n, NR);
        int threads = Parallel.threads();
        boolean splitColumns = rowTiles < threads || (m < n && colTiles >= threads);
        int tiles = splitColumns ? colTiles : rowTiles;
        long flopsPerTile = 2L * op.k() * (splitColumns ? (long) NR * m : (long) MR * n);
        int grain = (int) Math.min(Integer.MAX_VALUE, ceilDiv(MIN_FLOPS_PER_TASK, flopsPerTile));
        Parallel.forRange(tiles, grain, (from, to) -> {
            if (splitColumns) {
                serial(kernel, op, 0, m, from * NR, Math.min(to * NR, n));
            } else {
                serial(kernel, op, from * MR, Math.min(to * MR, m), 0, n);
            }
        });
    }

    /** Computes rows {@code [i0, i1)} and columns {@code [j0, j1)} of C on this thread. */
    private static void serial(GemmKernel kernel, Operands op, int i0, int i1, int j0, int j1) {
        Workspace ws = WORKSPACE.get();
        int k = op.k(), kBlocks = ceilDiv(k, KC), kcMax = ceilDiv(k, kBlocks);
        int mcMax = Math.max(MR, A_BLOCK / kcMax / MR * MR);
        int ncMax = Math.max(NR, B_BLOCK / kcMax / NR * NR);
        for (int jc = j0; jc < j1; jc += ncMax) {
            int nc = Math.min(ncMax, j1 - jc);
            float[] pb = ws.b(ceilDiv(nc, NR) * NR * kcMax);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                int mode = pc > 0 ? ACCUMULATE : op.beta() == 0f ? OVERWRITE : SCALE;
                kernel.packB(op.transB(), op.b(), op.bOff(), op.ldb(), pc, kc, jc, nc, pb);
                for (int ic = i0; ic < i1; ic += mcMax) {
                    int mc = Math.min(mcMax, i1 - ic);
                    int cOff = op.cOff() + ic * op.cRow() + jc * op.cCol();
                    if (op.transA() || nc >= PACK_A_MIN_COLUMNS) {
                        float[] pa = ws.a(ceilDiv(mc, MR) * MR * kc);
                        GemmPack.packA(op.transA(), op.a(), op.aOff(), op.lda(), ic, mc, pc, kc,
                                pa);
                        kernel.block(mc, nc, kc, pa, 0, PACKED, pb, op.alpha(), op.beta(), mode,
                                op.c(), cOff, op.cRow(), op.cCol(), ws.tile);
                    } else {
                        kernel.block(mc, nc, kc, op.a(), op.aOff() + ic * op.lda() + pc, op.lda(),
                                pb, op.alpha(), op.beta(), mode, op.c(), cOff, op.cRow(),
                                op.cCol(), ws.tile);
                    }
                }
            }
        }
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    private static long ceilDiv(long x, long y) {
        return (x + y - 1) / y;
    }

    /** Per-thread packing buffers, grown on demand and reused across calls. */
    private static final class Workspace {
        private float[] a = new float[0];
        private float[] b = new float[0];
        final float[] tile = new float[MR * NR];

        float[] a(int size) {
            if (a.length < size) a = new float[size];
            return a;
        }

        float[] b(int size) {
            if (b.length < size) b = new float[size];
            return b;
        }
    }
}
