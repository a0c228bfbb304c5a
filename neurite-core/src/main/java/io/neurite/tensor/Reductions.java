package io.neurite.tensor;

import io.neurite.kernels.Elementwise;
import io.neurite.kernels.Parallel;

/**
 * Reductions over any set of dimensions, with {@code keepdim}. The reduced dimensions are moved
 * last so each output element reduces one contiguous run (see {@link ReducedLayout}).
 */
final class Reductions {

    /** Reduces {@code length} contiguous values starting at {@code offset}. */
    @FunctionalInterface
    interface RowReducer {
        float reduce(float[] data, int offset, int length);
    }

    private Reductions() {}

    static Tensor sum(Tensor t, int[] dims, boolean keepdim) {
        ReducedLayout layout = ReducedLayout.of("sum", t, dims, keepdim);
        Tensor out = reduceRows(layout, Elementwise::sum);
        return Autograd.record("sum", out, new Tensor[] {t},
                g -> new Tensor[] {g.reshape(layout.keptShape().dims()).expand(t.shape.dims())});
    }

    static Tensor mean(Tensor t, int[] dims, boolean keepdim) {
        ReducedLayout layout = ReducedLayout.of("mean", t, dims, keepdim);
        int n = layout.rowLength();
        Tensor out = reduceRows(layout, (data, off, len) -> Elementwise.sum(data, off, len) / len);
        return Autograd.record("mean", out, new Tensor[] {t},
                g -> new Tensor[] {g.div((float) n).reshape(layout.keptShape().dims()).expand(t.shape.dims())});
    }

    /** Applies {@code reducer} to each run of the layout, in parallel over output elements. */
    static Tensor reduceRows(ReducedLayout layout, RowReducer reducer) {
        float[] data = layout.rowsData();
        int rows = layout.rows(), len = layout.rowLength();
        float[] out = new float[rows];
        Parallel.forRange(rows, Math.max(1, (1 << 14) / Math.max(1, len)), (from, to) -> {
            for (int r = from; r < to; r++) out[r] = reducer.reduce(data, r * len, len);
        });
        return Tensor.contiguous(out, layout.outputShape());
    }
}
