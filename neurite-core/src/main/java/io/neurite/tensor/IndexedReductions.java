package io.neurite.tensor;

import io.neurite.kernels.Parallel;

/**
 * Reductions that select an element: max and min (values, and along a dimension also indices),
 * argmax and argmin. A NaN is the extreme of any run that holds one; among equal values the first
 * wins, as PyTorch on the CPU.
 */
final class IndexedReductions {

    private IndexedReductions() {}

    /**
     * The largest (or smallest) element as a 0-D tensor. Backward: the gradient is shared evenly by
     * the elements equal to the result, as PyTorch's evenly_distribute_backward.
     */
    static Tensor extreme(String op, Tensor t, boolean max) {
        float value = select(whole(op, t), max).values()[0];
        Tensor out = Tensor.scalar(value);
        return Autograd.record(op, out, new Tensor[] {t}, new Tensor[] {t}, g -> {
            Tensor ties = Float.isNaN(value) ? t.ne(t) : t.eq(Tensor.scalar(value));
            return new Tensor[] {ties.mul(g.div(ties.sum()))};
        });
    }

    /** Values and indices of the extreme along {@code dim}. Backward: the gradient goes to the chosen index. */
    static ValuesIndices extreme(String op, Tensor t, int dim, boolean keepdim, boolean max) {
        ReducedLayout layout = alongDim(op, t, dim, keepdim);
        Selection s = select(layout, max);
        Tensor out = Tensor.contiguous(s.values(), layout.outputShape());
        Autograd.record(op, out, new Tensor[] {t}, g -> new Tensor[] {scatter(layout, s.indices(), g)});
        return new ValuesIndices(out, Tensor.contiguousInts(s.indices(), layout.outputShape()));
    }

    /** The flat (row-major) index of the extreme element, as a 0-D int32 tensor. */
    static Tensor argExtreme(String op, Tensor t, boolean max) {
        return Tensor.contiguousInts(select(whole(op, t), max).indices(), Shape.of());
    }

    /** The int32 indices of the extremes along {@code dim}. */
    static Tensor argExtreme(String op, Tensor t, int dim, boolean keepdim, boolean max) {
        ReducedLayout layout = alongDim(op, t, dim, keepdim);
        return Tensor.contiguousInts(select(layout, max).indices(), layout.outputShape());
    }

    private static ReducedLayout whole(String op, Tensor t) {
        ReducedLayout layout = ReducedLayout.of(op, t, new int[0], false);
        if (t.numel() == 0) {
            throw new ShapeException(op + ": expected a non-empty tensor, got shape " + t.shape + "; the " + op
                    + " of no elements is undefined; hint: pass a dim to reduce a dimension that is not empty", t.shape);
        }
        return layout;
    }

    private static ReducedLayout alongDim(String op, Tensor t, int dim, boolean keepdim) {
        ReducedLayout layout = ReducedLayout.ofDim(op, t, dim, keepdim);
        if (layout.rowLength() == 0) {
            throw new ShapeException(op + ": cannot reduce dimension " + dim + " of size 0 (shape " + t.shape
                    + "); the " + op + " of no elements is undefined", t.shape);
        }
        return layout;
    }

    /** The gradient of the source: {@code g} at each row's chosen index, zero elsewhere. */
    private static Tensor scatter(ReducedLayout layout, int[] index, Tensor g) {
        float[] grads = g.contiguousData();
        int len = layout.rowLength();
        float[] full = new float[index.length * len];
        for (int r = 0; r < index.length; r++) full[r * len + index[r]] = grads[r];
        return layout.fromRows(full);
    }

    /** The chosen element of each run: its position in the run and its value. */
    private record Selection(int[] indices, float[] values) {}

    /** For each run of the layout, its first NaN, else its first extreme value. */
    private static Selection select(ReducedLayout layout, boolean max) {
        ReducedLayout.RowData rows = layout.rowData();
        float[] x = rows.data();
        int len = layout.rowLength();
        int[] indices = new int[layout.rows()];
        float[] values = new float[indices.length];
        Parallel.forRange(indices.length, Reductions.grain(len), (from, to) -> {
            for (int r = from; r < to; r++) {
                int off = rows.offset() + r * len, best = 0;
                float v = x[off];
                for (int i = 1; i < len && v == v; i++) {
                    float xi = x[off + i];
                    if (xi != xi || (max ? xi > v : xi < v)) {
                        v = xi;
                        best = i;
                    }
                }
                indices[r] = best;
                values[r] = v;
            }
        });
        return new Selection(indices, values);
    }
}
