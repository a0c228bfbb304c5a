package io.neurite.tensor;

/**
 * Walks several operands of one shape (strides already broadcast, 0 where repeated) as rows of the
 * innermost dimension, after merging dimensions that are contiguous in every operand. A contiguous
 * tensor of any shape becomes one row; a bias added to a matrix becomes one row per matrix row.
 */
final class ElementIterator {

    private final int[] sizes;
    private final int[][] strides;
    private final int[] base;

    ElementIterator(Shape shape, int[][] operandStrides, int[] baseOffsets) {
        int rank = shape.rank();
        int[] dims = shape.dims();
        int[] keptSizes = new int[Math.max(rank, 1)];
        int[][] keptStrides = new int[operandStrides.length][Math.max(rank, 1)];
        int kept = 0;
        keptSizes[0] = 1;
        for (int d = 0; d < rank; d++) {
            if (dims[d] == 1) continue;
            if (kept > 0 && mergeable(keptSizes[kept - 1], kept - 1, keptStrides, dims[d], d, operandStrides)) {
                keptSizes[kept - 1] *= dims[d];
                for (int o = 0; o < operandStrides.length; o++) keptStrides[o][kept - 1] = operandStrides[o][d];
            } else {
                keptSizes[kept] = dims[d];
                for (int o = 0; o < operandStrides.length; o++) keptStrides[o][kept] = operandStrides[o][d];
                kept++;
            }
        }
        if (shape.numel() == 0) kept = Math.max(kept, 1);
        int n = Math.max(kept, 1);
        this.sizes = java.util.Arrays.copyOf(keptSizes, n);
        if (shape.numel() == 0) this.sizes[n - 1] = 0;
        this.strides = new int[operandStrides.length][];
        for (int o = 0; o < operandStrides.length; o++) strides[o] = java.util.Arrays.copyOf(keptStrides[o], n);
        this.base = baseOffsets.clone();
    }

    /** The outer dimension (size outer) merges with the next (size inner) if each stride chains. */
    private static boolean mergeable(int outerSize, int outerIndex, int[][] keptStrides, int innerSize,
                                     int innerDim, int[][] operandStrides) {
        for (int o = 0; o < operandStrides.length; o++) {
            if (keptStrides[o][outerIndex] != operandStrides[o][innerDim] * innerSize) return false;
        }
        return outerSize > 0;
    }

    /** Length of each row (the innermost merged dimension). */
    int rowLength() {
        return sizes[sizes.length - 1];
    }

    /** Number of rows. */
    int rows() {
        int r = 1;
        for (int i = 0; i < sizes.length - 1; i++) r *= sizes[i];
        return sizes[sizes.length - 1] == 0 ? 0 : r;
    }

    /** Stride of operand {@code o} along a row. */
    int rowStride(int o) {
        return strides[o][sizes.length - 1];
    }

    /** Writes into {@code offsets} where row {@code row} starts in each operand. */
    void rowOffsets(int row, int[] offsets) {
        for (int o = 0; o < base.length; o++) offsets[o] = base[o];
        for (int d = sizes.length - 2; d >= 0; d--) {
            int index = row % sizes[d];
            row /= sizes[d];
            for (int o = 0; o < base.length; o++) offsets[o] += index * strides[o][d];
        }
    }
}
