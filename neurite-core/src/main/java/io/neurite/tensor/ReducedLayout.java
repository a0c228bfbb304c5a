package io.neurite.tensor;

import java.util.Arrays;

/**
 * A tensor arranged for reduction: the kept dimensions first, the reduced ones last, made
 * contiguous, so output element {@code r} reduces elements {@code [r * rowLength, (r+1) * rowLength)}.
 */
final class ReducedLayout {

    private final Tensor source;
    private final boolean[] reduced;
    private final boolean keepdim;
    private final int rowLength;

    private ReducedLayout(Tensor source, boolean[] reduced, boolean keepdim) {
        this.source = source;
        this.reduced = reduced;
        this.keepdim = keepdim;
        int len = 1;
        for (int d = 0; d < reduced.length; d++) if (reduced[d]) len *= source.shape.raw()[d];
        this.rowLength = len;
    }

    /** Validates {@code dims} (negative allowed, no repeats; empty means all) for {@code op}. */
    static ReducedLayout of(String op, Tensor t, int[] dims, boolean keepdim) {
        t.requireFloat(op);
        boolean[] reduced = new boolean[t.dim()];
        if (dims.length == 0) Arrays.fill(reduced, true);
        for (int dim : dims) {
            int d = t.shape.normalizeDim(dim, op);
            if (t.dim() == 0) continue;
            if (reduced[d] && dims.length > 0) {
                throw new IllegalArgumentException(op + ": dimension " + d + " appears more than once in "
                        + Arrays.toString(dims) + " (shape " + t.shape + "); hint: list each dimension once");
            }
            reduced[d] = true;
        }
        return new ReducedLayout(t, reduced, keepdim);
    }

    /** Like {@link #of} for a single dimension. */
    static ReducedLayout ofDim(String op, Tensor t, int dim, boolean keepdim) {
        return of(op, t, new int[] {dim}, keepdim);
    }

    int rowLength() {
        return rowLength;
    }

    int rows() {
        return outputShape().numel();
    }

    Tensor source() {
        return source;
    }

    /** The reduced dimensions, ascending (all of them for a full reduction). */
    int[] reducedDims() {
        int count = 0;
        for (boolean r : reduced) if (r) count++;
        int[] dims = new int[count];
        for (int d = 0, k = 0; d < reduced.length; d++) if (reduced[d]) dims[k++] = d;
        return dims;
    }

    /** The result's shape: reduced dimensions dropped, or kept as size 1 with {@code keepdim}. */
    Shape outputShape() {
        return keepdim ? keptShape() : droppedShape();
    }

    /** The shape with reduced dimensions as size 1, for broadcasting a gradient back. */
    Shape keptShape() {
        int[] dims = source.shape.dims();
        for (int d = 0; d < dims.length; d++) if (reduced[d]) dims[d] = 1;
        return new Shape(dims);
    }

    private Shape droppedShape() {
        int count = 0;
        for (boolean r : reduced) if (!r) count++;
        int[] dims = new int[count];
        for (int d = 0, k = 0; d < reduced.length; d++) if (!reduced[d]) dims[k++] = source.shape.raw()[d];
        return new Shape(dims);
    }

    /** Row {@code r} of the arranged elements is {@code data[offset + r * rowLength, ...)}. */
    record RowData(float[] data, int offset) {}

    /** The source's elements with kept dimensions first and reduced ones last, copied only if needed. */
    RowData rowData() {
        Tensor arranged = arranged();
        if (arranged.isContiguous()) return new RowData(source.storage.floats, source.offset);
        return new RowData(Copy.toContiguousFloats(arranged), 0);
    }

    /** A tensor of the source's shape whose elements, read in arranged order, are {@code rowData}. */
    Tensor fromRows(float[] rowData) {
        int[] order = order();
        int[] arrangedStrides = arranged().shape.contiguousStrides();
        int[] strides = new int[order.length];
        for (int i = 0; i < order.length; i++) strides[order[i]] = arrangedStrides[i];
        return new Tensor(Storage.ofFloats(rowData), source.shape, strides, 0);
    }

    /**
     * True when the source is contiguous and every reduced dimension (of size above 1) precedes every
     * kept one: the reduction then adds {@link #rowLength()} consecutive blocks of {@link #rows()}
     * values, and no rearranging copy is needed.
     */
    boolean reducesLeadingBlocks() {
        if (!source.isContiguous() || rowLength < 2 || rows() < 2) return false;
        boolean keptSeen = false;
        for (int d = 0; d < reduced.length; d++) {
            if (source.shape.raw()[d] == 1) continue;
            if (reduced[d] && keptSeen) return false;
            keptSeen |= !reduced[d];
        }
        return true;
    }

    /** The source viewed with kept dimensions first and reduced ones last (no copy). */
    private Tensor arranged() {
        int[] order = order();
        int[] sizes = new int[order.length], strides = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            sizes[i] = source.shape.raw()[order[i]];
            strides[i] = source.strides[order[i]];
        }
        return new Tensor(source.storage, new Shape(sizes), strides, source.offset);
    }

    /** The source dimension at each position of the arranged tensor. */
    private int[] order() {
        int[] order = new int[reduced.length];
        int k = 0;
        for (int d = 0; d < reduced.length; d++) if (!reduced[d]) order[k++] = d;
        for (int d = 0; d < reduced.length; d++) if (reduced[d]) order[k++] = d;
        return order;
    }
}
