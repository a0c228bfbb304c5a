package io.neurite.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API micro-kernel: a {@code 4 x 16} tile of C held in eight 8-lane accumulators,
 * updated with one rank-1 {@code fma} step per {@code p} (two loads of B, four broadcasts of A,
 * eight fused multiply-adds). With A packed, A and B are each one contiguous stream indexed from
 * the same loop counter, which measured 20-40% faster on the AVX2 core below than reading four rows
 * of A in place (the other variant, for blocks of A not worth packing).
 *
 * <p>Why 4 x 16: eight independent accumulators cover the FMA latency (4 cycles, 2 pipes), and
 * with the two B vectors and four A broadcasts they need 14 of the 16 AVX2 ymm registers even
 * when C2 hoists every load to the top of the loop, which it does. The 6 x 16 tile of BLIS needs
 * 20 registers under that schedule; C2 then spills an accumulator and the loop runs at half
 * speed.
 *
 * <p>The species is fixed at 256 bits whatever the machine prefers, so the order of operations,
 * and therefore every result, is the same on every machine and equal to {@link GemmScalarKernel}.
 * Only loaded when {@link VectorSupport#enabled()}.
 */
final class GemmVectorKernel implements GemmKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;

    @Override
    public void block(int mc, int nc, int kc, float[] a, int aOff, int lda, float[] pb,
            float alpha, float beta, int mode, float[] c, int cOff, int cRow, int cCol,
            float[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                int ci = cOff + ir * cRow + jr * cCol;
                boolean full = mr == MR && nr == NR && cCol == 1;
                boolean direct = full && mode == OVERWRITE;
                // alpha = 1 leaves the accumulators of the scratch tile exact for the epilogue.
                float[] out = direct ? c : tile;
                int oi = direct ? ci : 0, ld = direct ? cRow : NR;
                float scale = direct ? alpha : 1f;
                if (lda == PACKED) {
                    multiply(kc, a, aOff + ir * kc, pb, jr * kc, scale, out, oi, ld);
                } else {
                    // Rows past the edge of the block repeat its last row: valid memory, and their
                    // results are never stored.
                    int r0 = aOff + ir * lda;
                    int r1 = mr > 1 ? r0 + lda : r0;
                    int r2 = mr > 2 ? r1 + lda : r1;
                    int r3 = mr > 3 ? r2 + lda : r2;
                    multiplyRows(kc, a, r0, r1, r2, r3, pb, jr * kc, scale, out, oi, ld);
                }
                if (direct) continue;
                if (full) {
                    store(tile, alpha, beta, mode, c, ci, cRow);
                } else {
                    GemmKernel.store(tile, mr, nr, alpha, beta, mode, c, ci, cRow, cCol);
                }
            }
        }
    }

    /**
     * Packs B with vector copies when each packed row is a contiguous slice of B: four panels at a
     * time, so each step reads 64 consecutive floats of a row of B, and the stores advance by a
     * constant stride (which lets C2 drop their bounds checks).
     */
    @Override
    public void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0,
            int nc, float[] dst) {
        int quads = transB ? 0 : nc / (4 * NR) * (4 * NR);
        for (int jr = 0; jr < quads; jr += 4 * NR) {
            int d0 = jr * kc, d1 = d0 + kc * NR, d2 = d1 + kc * NR, d3 = d2 + kc * NR;
            int src = bOff + p0 * ldb + j0 + jr;
            for (int d = 0; d < kc * NR; d += NR, src += ldb) {
                FloatVector.fromArray(S, b, src).intoArray(dst, d0 + d);
                FloatVector.fromArray(S, b, src + 8).intoArray(dst, d0 + d + 8);
                FloatVector.fromArray(S, b, src + 16).intoArray(dst, d1 + d);
                FloatVector.fromArray(S, b, src + 24).intoArray(dst, d1 + d + 8);
                FloatVector.fromArray(S, b, src + 32).intoArray(dst, d2 + d);
                FloatVector.fromArray(S, b, src + 40).intoArray(dst, d2 + d + 8);
                FloatVector.fromArray(S, b, src + 48).intoArray(dst, d3 + d);
                FloatVector.fromArray(S, b, src + 56).intoArray(dst, d3 + d + 8);
            }
        }
        if (quads < nc) {
            GemmPack.packB(transB, b, bOff, ldb, p0, kc, j0 + quads, nc - quads, dst, quads * kc);
        }
    }

    /**
     * One register tile: {@code acc = A rows * B panel}, accumulated in increasing p, then
     * {@code alpha * acc} written to the {@code MR x NR} block of {@code out} at {@code oi} (row
     * stride {@code ld}): C itself for the first and only pass of a {@code beta = 0} product, else
     * the scratch tile, whose epilogue then runs out of this hot method.
     */
    private static void multiply(int kc, float[] a, int ai, float[] b, int bi, float alpha,
            float[] out, int oi, int ld) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        // One induction variable for both streams (A panel MR wide, B panel NR wide).
        for (int p = 0; p < kc; p++) {
            int ap = ai + p * MR, bp = bi + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + 8);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ap + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ap + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ap + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        FloatVector av = FloatVector.broadcast(S, alpha);
        av.mul(c00).intoArray(out, oi);
        av.mul(c01).intoArray(out, oi + 8);
        av.mul(c10).intoArray(out, oi + ld);
        av.mul(c11).intoArray(out, oi + ld + 8);
        av.mul(c20).intoArray(out, oi + 2 * ld);
        av.mul(c21).intoArray(out, oi + 2 * ld + 8);
        av.mul(c30).intoArray(out, oi + 3 * ld);
        av.mul(c31).intoArray(out, oi + 3 * ld + 8);
    }

    /** {@link #multiply} with A read in place: four rows starting at r0..r3. */
    private static void multiplyRows(int kc, float[] a, int r0, int r1, int r2, int r3,
            float[] b, int bi, float alpha, float[] out, int oi, int ld) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        int d1 = r1 - r0, d2 = r2 - r0, d3 = r3 - r0;
        for (int p = r0, end = r0 + kc, bp = bi; p < end; p++, bp += NR) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + 8);
            FloatVector x = FloatVector.broadcast(S, a[p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[p + d1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[p + d2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[p + d3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        FloatVector av = FloatVector.broadcast(S, alpha);
        av.mul(c00).intoArray(out, oi);
        av.mul(c01).intoArray(out, oi + 8);
        av.mul(c10).intoArray(out, oi + ld);
        av.mul(c11).intoArray(out, oi + ld + 8);
        av.mul(c20).intoArray(out, oi + 2 * ld);
        av.mul(c21).intoArray(out, oi + 2 * ld + 8);
        av.mul(c30).intoArray(out, oi + 3 * ld);
        av.mul(c31).intoArray(out, oi + 3 * ld + 8);
    }

    /** The epilogue of {@link GemmKernel#store} for a full tile, eight lanes at a time. */
    private static void store(float[] acc, float alpha, float beta, int mode, float[] c, int ci,
            int ldc) {
        FloatVector av = FloatVector.broadcast(S, alpha);
        for (int t = 0; t < MR * NR; t += 8) {
            int i = ci + (t / NR) * ldc + t % NR;
            FloatVector x = FloatVector.fromArray(S, acc, t);
            FloatVector r = switch (mode) {
                case OVERWRITE -> av.mul(x);
                case SCALE -> av.fma(x, FloatVector.fromArray(S, c, i).mul(beta));
                default -> av.fma(x, FloatVector.fromArray(S, c, i));
            };
            r.intoArray(c, i);
        }
    }
}
