package io.neurite.nn.functional;

import io.neurite.tensor.Shape;
import io.neurite.tensor.Tensor;

/**
 * A tensor seen as {@code rows} contiguous rows of length {@code n} along one dimension: the data with
 * that dimension moved last. When it already is last (or only size-1 dimensions follow it) the rows
 * are the tensor's own data; otherwise they are a permuted copy, and results are permuted back. The
 * rows come in the order of the other dimensions, e.g. {@code [N, d1, ...]} for the class dimension 1
 * of {@code [N, C, d1, ...]}: the order of class-index targets.
 */
final class RowLayout {

    final Shape shape;
    final int rows;
    final int n;
    /** Moves {@code dim} last; null when no move is needed. */
    private final int[] perm;
    private final int[] inverse;

    private RowLayout(Shape shape, int dim) {
        this.shape = shape;
        int rank = shape.rank();
        this.n = rank == 0 ? 1 : shape.size(dim);
        this.rows = n == 0 ? 0 : shape.numel() / n;
        int after = 1;
        for (int d = dim + 1; d < rank; d++) after *= shape.size(d);
        if (after == 1) {
            perm = inverse = null;
        } else {
            perm = new int[rank];
            inverse = new int[rank];
            for (int d = 0, j = 0; d < rank; d++) if (d != dim) perm[j++] = d;
            perm[rank - 1] = dim;
            for (int d = 0; d < rank; d++) inverse[perm[d]] = d;
        }
    }

    /** Rows along {@code dim} (already normalized) of a tensor of {@code shape}. */
    static RowLayout of(Shape shape, int dim) {
        return new RowLayout(shape, dim);
    }

    /** The row-major rows of {@code t} (of this shape); read only, may be t's own storage. */
    float[] rowsOf(Tensor t) {
        Tensor plain = t.detach();
        return perm == null ? plain.contiguousData() : plain.permute(perm).contiguousData();
    }

    /** A tensor of this shape from rows; with {@code contiguous} false it may be a permuted view. */
    Tensor fromRows(float[] data, boolean contiguous) {
        if (perm == null) return Tensor.wrap(data, shape);
        int[] dims = shape.dims();
        int[] moved = new int[dims.length];
        for (int d = 0; d < dims.length; d++) moved[d] = dims[perm[d]];
        Tensor view = Tensor.wrap(data, Shape.of(moved)).permute(inverse);
        return contiguous ? view.contiguous() : view;
    }
}
