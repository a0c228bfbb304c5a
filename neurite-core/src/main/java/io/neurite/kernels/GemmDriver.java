package io.neurite.kernels;

import static io.neurite.kernels.GemmKernel.ACCUMULATE;
import static io.neurite.kernels.GemmKernel.MR;
import static io.neurite.kernels.GemmKernel.NR;
import static io.neurite.kernels.GemmKernel.OVERWRITE;
import static io.neurite.kernels.GemmKernel.SCALE;

/**
 * The loops around the micro-kernel (Goto and van de Geijn 2008, in the loop order of BLIS): for
 * each block of {@link #NC} columns, for each block of at most {@link #KC} of the k dimension,
 * pack that {@code kc x nc} block of B, then for each block of {@link #MC} rows run the
 * macro-kernel, whose inner loop keeps one {@code kc x NR} panel of B in L1 while it sweeps the
 * rows of the A block (in L2).
 *
 * <p>A is read in place when it is not transposed (its rows are already the contiguous streams
 * the micro-kernel wants, so packing would only copy it); a transposed A is packed one
 * {@code MC x KC} block at a time.
 *
 * <p>Threads: C is split into contiguous ranges of whole register tiles, one per thread, with one
 * {@link Parallel#forRange} per call and no barrier; each thread packs its own blocks. Columns are
 * split when C has enough column panels and A is read in place (or is the smaller operand to pack
 * twice), else rows. The k blocking depends on k alone, so the split never changes how an element
 * is computed.
 */
final class GemmDriver {

    /** Depth of a block: a {@code KC x NR} panel of B is 16 KiB, half of a 32 KiB L1d. */
    static final int KC = 256;
    /** Rows of a block of A: {@code MC x KC} floats are 96 KiB, well inside a 512 KiB L2. */
    static final int MC = 96;
    /** Columns of a packed block of B: {@code KC x NC} floats are 4 MiB, in the shared L3. */
    static final int NC = 4096;
    /** Below this many flops a thread's share is not worth a fork. */
    private static final long MIN_FLOPS_PER_TASK = 1L << 21;

    static final int COPY_LDA = Integer.getInteger("copylda", 1 << 30);
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** The arguments of one {@link Gemm#sgemm} call. */
    record Operands(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta,
            float[] c, int cOff, int ldc) {}

    private GemmDriver() {}

    static void run(GemmKernel kernel, Operands op) {
        int m = op.m(), n = op.n();
        int rowTiles = ceilDiv(m, MR), colTiles = ceilDiv(n, NR);
        boolean splitColumns = colTiles >= Math.min(rowTiles, Parallel.threads())
                && (!op.transA() || m <= n);
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
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            float[] pb = ws.b(ceilDiv(nc, NR) * NR * kcMax);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                int mode = pc > 0 ? ACCUMULATE : op.beta() == 0f ? OVERWRITE : SCALE;
                GemmPack.packB(op.transB(), op.b(), op.bOff(), op.ldb(), pc, kc, jc, nc, pb);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    int cOff = op.cOff() + ic * op.ldc() + jc;
                    if (op.transA() || op.lda() >= COPY_LDA) {
                        float[] pa = ws.a(mc * kc);
                        if (op.transA()) GemmPack.packTransposedA(op.a(), op.aOff(), op.lda(), ic, mc, pc, kc, pa);
                        else for (int i = 0; i < mc; i++) System.arraycopy(op.a(), op.aOff() + (ic + i) * op.lda() + pc, pa, i * kc, kc);
                        kernel.block(mc, nc, kc, pa, 0, kc, pb, op.alpha(), op.beta(), mode,
                                op.c(), cOff, op.ldc(), ws.tile);
                    } else {
                        kernel.block(mc, nc, kc, op.a(), op.aOff() + ic * op.lda() + pc, op.lda(),
                                pb, op.alpha(), op.beta(), mode, op.c(), cOff, op.ldc(), ws.tile);
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
