package io.neurite.kernels;

/**
 * The macro-kernel of {@link Gemm}: multiplies an {@code mc x kc} block of A by a packed
 * {@code kc x nc} block of B into C, one {@code MR x NR} register tile at a time.
 *
 * <p>The A block is either packed by {@link GemmPack#packA} into panels of {@link #MR} rows stored
 * column after column, element {@code (i, p)} at {@code aOff + (i / MR) * kc * MR + p * MR + i % MR},
 * zero-padded to full panels, so that the micro-kernel reads A as one contiguous stream; or read in
 * place, row-major, element {@code (i, p)} at {@code aOff + i * lda + p} (when A is not transposed
 * and too few columns of C reuse it to repay the packing). The B block is packed (see
 * {@link GemmPack}) into panels of {@link #NR} columns stored row after row, element {@code (p, j)}
 * at {@code (j / NR) * kc * NR + p * NR + j % NR}, zero-padded to full panels.
 *
 * <p>Every implementation computes each element of C with the same operations in the same order:
 * {@code acc = 0; for p in [0, kc): acc = fma(a(i,p), b(p,j), acc)}, then the epilogue of
 * {@link #store}. That is what makes the vector and scalar kernels bit-identical.
 */
interface GemmKernel {

    /** Rows of a register tile (the micro-kernel keeps {@code MR x NR} of C in registers). */
    int MR = 4;
    /** Columns of a register tile: two 8-lane vectors. */
    int NR = 16;

    /** The {@code lda} that marks a packed A block in {@link #block}. */
    int PACKED = 0;

    /** Epilogue for the first k block when {@code beta == 0}: {@code c = alpha * acc}. */
    int OVERWRITE = 0;
    /** Epilogue for the first k block otherwise: {@code c = fma(alpha, acc, beta * c)}. */
    int SCALE = 1;
    /** Epilogue for the later k blocks: {@code c = fma(alpha, acc, c)}. */
    int ACCUMULATE = 2;

    /**
     * Updates the {@code mc x nc} block of C whose element {@code (i, j)} is
     * {@code c[cOff + i * cRow + j * cCol]} with the product of the A block at {@code a[aOff]},
     * packed when {@code lda == PACKED} and else row-major with row stride {@code lda}, and the
     * packed B block {@code pb}, using the epilogue {@code mode}. {@code tile} is scratch space of
     * {@code MR * NR} floats.
     */
    void block(int mc, int nc, int kc, float[] a, int aOff, int lda, float[] pb, float alpha,
            float beta, int mode, float[] c, int cOff, int cRow, int cCol, float[] tile);

    /**
     * Packs rows {@code [p0, p0 + kc)} and columns {@code [j0, j0 + nc)} of op(B) into {@code dst}
     * in the layout above (a pure copy: implementations may differ in speed, never in result).
     */
    default void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0,
            int nc, float[] dst) {
        GemmPack.packB(transB, b, bOff, ldb, p0, kc, j0, nc, dst, 0);
    }

    /**
     * The scalar epilogue: writes the top-left {@code mr x nr} part of the accumulators
     * {@code acc} (an {@code MR x NR} row-major tile) into C (strides as in {@link #block}).
     */
    static void store(float[] acc, int mr, int nr, float alpha, float beta, int mode,
            float[] c, int cOff, int cRow, int cCol) {
        for (int i = 0; i < mr; i++) {
            for (int j = 0; j < nr; j++) {
                float x = acc[i * NR + j];
                int at = cOff + i * cRow + j * cCol;
                c[at] = switch (mode) {
                    case OVERWRITE -> alpha * x;
                    case SCALE -> Math.fma(alpha, x, beta * c[at]);
                    default -> Math.fma(alpha, x, c[at]);
                };
            }
        }
    }
}
