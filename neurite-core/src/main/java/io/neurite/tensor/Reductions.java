package io.neurite.tensor;

import io.neurite.kernels.BinaryOp;
import io.neurite.kernels.Elementwise;
import io.neurite.kernels.Parallel;
import io.neurite.kernels.Reduce;

/**
 * Sum, mean and product over any set of dimensions, with {@code keepdim}. The reduced dimensions are
 * moved last so each output element reduces one contiguous run (see {@link ReducedLayout}); a
 * reduction over the leading dimensions of a contiguous tensor (a bias gradient: sum over dim 0 of
 * {@code [N, C]}) instead adds whole rows, without copying, to the same bits.
 */
final class Reductions {

    /** Reduces {@code length} contiguous values starting at {@code offset}. */
    @FunctionalInterface
    interface RowReducer {
        float reduce(float[] data, int offset, int length);
    }

    /** Columns each task of the leading-block sum keeps in its {@link Reduce#LANES} partial rows. */
    private static final int TILE = 1024;

    private Reductions() {}

    static Tensor sum(Tensor t, int[] dims, boolean keepdim) {
        ReducedLayout layout = ReducedLayout.of("sum", t, dims, keepdim);
        Tensor out = layout.reducesLeadingBlocks()
                ? Tensor.contiguous(sumLeadingBlocks(layout), layout.outputShape())
                : reduceRows(layout, Elementwise::sum);
        return Autograd.record("sum", out, new Tensor[] {t},
                g -> new Tensor[] {g.reshape(layout.keptShape().dims()).expand(t.shape.dims())});
    }

    static Tensor mean(Tensor t, int[] dims, boolean keepdim) {
        ReducedLayout layout = ReducedLayout.of("mean", t, dims, keepdim);
        int n = layout.rowLength();
        Tensor out;
        if (layout.reducesLeadingBlocks()) {
            float[] sums = sumLeadingBlocks(layout);
            for (int i = 0; i < sums.length; i++) sums[i] /= n;
            out = Tensor.contiguous(sums, layout.outputShape());
        } else {
            out = reduceRows(layout, (data, off, len) -> Elementwise.sum(data, off, len) / len);
        }
        return Autograd.record("mean", out, new Tensor[] {t},
                g -> new Tensor[] {g.div((float) n).reshape(layout.keptShape().dims()).expand(t.shape.dims())});
    }

    /**
     * Product in element order (1 for no elements). Backward: d/dx_i = prod_{j != i} x_j, computed as
     * prefix times suffix products, so one zero or several in a run need no special case (PyTorch's
     * prod_backward gives the same values).
     */
    static Tensor prod(Tensor t, int[] dims, boolean keepdim) {
        ReducedLayout layout = ReducedLayout.of("prod", t, dims, keepdim);
        Tensor out = reduceRows(layout, Reductions::product);
        return Autograd.record("prod", out, new Tensor[] {t}, new Tensor[] {t}, g -> {
            Tensor others = layout.fromRows(productsOfOthers(layout));
            return new Tensor[] {others.mul(g.reshape(layout.keptShape().dims()))};
        });
    }

    private static float product(float[] data, int off, int len) {
        float p = 1f;
        for (int i = 0; i < len; i++) p *= data[off + i];
        return p;
    }

    /** For each element, the product of the other elements of its run, in arranged order. */
    private static float[] productsOfOthers(ReducedLayout layout) {
        ReducedLayout.RowData rows = layout.rowData();
        float[] x = rows.data();
        int len = layout.rowLength();
        float[] out = new float[layout.rows() * len];
        Parallel.forRange(layout.rows(), grain(len), (from, to) -> {
            for (int r = from; r < to; r++) {
                int in = rows.offset() + r * len, o = r * len;
                float prefix = 1f;
                for (int i = 0; i < len; i++) {
                    out[o + i] = prefix;
                    prefix *= x[in + i];
                }
                float suffix = 1f;
                for (int i = len - 1; i >= 0; i--) {
                    out[o + i] *= suffix;
                    suffix *= x[in + i];
                }
            }
        });
        return out;
    }

    /** Applies {@code reducer} to each run of the layout, in parallel over output elements. */
    static Tensor reduceRows(ReducedLayout layout, RowReducer reducer) {
        ReducedLayout.RowData rows = layout.rowData();
        float[] data = rows.data();
        int base = rows.offset(), len = layout.rowLength();
        float[] out = new float[layout.rows()];
        Parallel.forRange(out.length, grain(len), (from, to) -> {
            for (int r = from; r < to; r++) out[r] = reducer.reduce(data, base + r * len, len);
        });
        return Tensor.contiguous(out, layout.outputShape());
    }

    /** Output elements per parallel task when each reduces {@code len} values. */
    static int grain(int len) {
        return Math.max(1, (1 << 14) / Math.max(1, len));
    }

    /**
     * Sums {@code blocks = rowLength} consecutive blocks of {@code width = rows} values by adding whole
     * blocks (vectorized) into {@link Reduce#LANES} partial rows, block {@code b} into partial row
     * {@code b mod LANES}, then the partial rows in order, then the leftover blocks: the order in which
     * {@link Elementwise#sum} adds a run, so each column gets exactly the general path's result.
     */
    private static float[] sumLeadingBlocks(ReducedLayout layout) {
        Tensor t = layout.source();
        float[] data = t.storage.floats;
        int blocks = layout.rowLength(), width = layout.rows(), base = t.offset;
        int full = blocks - blocks % Reduce.LANES;
        float[] out = new float[width];
        Parallel.forRange(width, Math.max(Reduce.LANES, grain(blocks)), (from, to) -> {
            int tile = Math.min(TILE, to - from);
            float[] lanes = new float[Reduce.LANES * tile];
            for (int c = from; c < to; c += tile) {
                int w = Math.min(tile, to - c);
                java.util.Arrays.fill(lanes, 0f);
                for (int b = 0; b < full; b++) {
                    int lane = (b % Reduce.LANES) * tile;
                    Elementwise.binary(BinaryOp.ADD, w, lanes, lane, 1, data, base + b * width + c, 1, lanes, lane, 1);
                }
                for (int lane = 0; lane < Reduce.LANES; lane++) {
                    Elementwise.binary(BinaryOp.ADD, w, out, c, 1, lanes, lane * tile, 1, out, c, 1);
                }
                for (int b = full; b < blocks; b++) {
                    Elementwise.binary(BinaryOp.ADD, w, out, c, 1, data, base + b * width + c, 1, out, c, 1);
                }
            }
        });
        return out;
    }
}
