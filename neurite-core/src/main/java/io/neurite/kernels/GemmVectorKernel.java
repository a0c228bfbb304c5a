package io.neurite.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API micro-kernel: a {@code 4 x 16} tile of C held in eight 8-lane accumulators,
 * updated with one rank-1 {@code fma} step per {@code p} (two loads of B, four broadcasts of A,
 * eight fused multiply-adds).
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
            float alpha, float beta, int mode, float[] c, int cOff, int ldc, float[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                // Rows past the edge of the block repeat its last row: valid memory, and their
                // results are never stored.
                int r0 = aOff + ir * lda;
                int r1 = mr > 1 ? r0 + lda : r0;
                int r2 = mr > 2 ? r1 + lda : r1;
                int r3 = mr > 3 ? r2 + lda : r2;
                multiply(kc, a, r0, r1, r2, r3, pb, jr * kc, tile);
                int ci = cOff + ir * ldc + jr;
                if (mr == MR && nr == NR) {
                    store(tile, alpha, beta, mode, c, ci, ldc);
                } else {
                    GemmKernel.store(tile, mr, nr, alpha, beta, mode, c, ci, ldc);
                }
            }
        }
    }

    /**
     * One register tile: {@code acc = A rows * B panel}, accumulated in increasing p and written to
     * {@code acc} ({@code MR x NR}, row-major). The accumulators go through this small array rather
     * than straight into C so that the epilogue stays out of the hot method.
     */
    private static void multiply(int kc, float[] a, int r0, int r1, int r2, int r3,
            float[] b, int bi, float[] acc) {
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
        c00.intoArray(acc, 0);
        c01.intoArray(acc, 8);
        c10.intoArray(acc, 16);
        c11.intoArray(acc, 24);
        c20.intoArray(acc, 32);
        c21.intoArray(acc, 40);
        c30.intoArray(acc, 48);
        c31.intoArray(acc, 56);
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
