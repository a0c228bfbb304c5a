package io.neurite.kernels;

/**
 * The macro-kernel of {@link Gemm}: multiplies an {@code mc x kc} block of A by a packed
 * {@code kc x nc} block of B into C, one {@code MR x NR} register tile at a time.
 *
 * <p>The A block is read in place, row-major: element {@code (i, p)} is {@code a[aOff + i * lda +
 * p]}; {@link GemmDriver} passes either op(A) itself or, when A is transposed, a packed row-major
 * copy of the block. The B block is packed (see {@link GemmPack}) into panels of {@link #NR}
 * columns stored row after row, element {@code (p, j)} at {@code (j / NR) * kc * NR + p * NR + j %
 * NR}, zero-padded to full panels.
 *
 * <p>Every implementation computes each element of C with the same operations in the same order:
 * {@code acc = 0; for p in [0, kc): acc = fma(a(i,p), b(p,j), acc)}, then the epilogue of
 * {@link #store}. That is what makes the vector and scalar kernels bit-identical.
 */
interface GemmKernel {

    /** Rows of a register tile: the micro-kernel keeps an {@code MR x NR} block of C in registers. */
    int MR = 4;
    /** Columns of a register tile: two 8-lane vectors. */
    int NR = 16;

    /** Epilogue for the first k block when {@code beta == 0}: {@code c = alpha * acc}. */
    int OVERWRITE = 0;
    /** Epilogue for the first k block otherwise: {@code c = fma(alpha, acc, beta * c)}. */
    int SCALE = 1;
    /** Epilogue for the later k blocks: {@code c = fma(alpha, acc, c)}. */
    int ACCUMULATE = 2;

    /**
     * Updates the {@code mc x nc} block of C at {@code c[cOff]} (row stride {@code ldc}) with the
     * product of the A block at {@code a[aOff]} (row stride {@code lda}) and the packed B block
     * {@code pb}, using the epilogue {@code mode}. {@code tile} is scratch space of
     * {@code MR * NR} floats.
     */
    void block(int mc, int nc, int kc, float[] a, int aOff, int lda, float[] pb, float alpha,
            float beta, int mode, float[] c, int cOff, int ldc, float[] tile);

    /**
     * The scalar epilogue: writes the top-left {@code mr x nr} part of the accumulators
     * {@code acc} (an {@code MR x NR} row-major tile) into C.
     */
    static void store(float[] acc, int mr, int nr, float alpha, float beta, int mode,
            float[] c, int cOff, int ldc) {
        for (int i = 0; i < mr; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < nr; j++) {
                float x = acc[i * NR + j];
                c[row + j] = switch (mode) {
                    case OVERWRITE -> alpha * x;
                    case SCALE -> Math.fma(alpha, x, beta * c[row + j]);
                    default -> Math.fma(alpha, x, c[row + j]);
                };
            }
        }
    }
}
