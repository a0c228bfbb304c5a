package io.neurite.nn.functional;

import io.neurite.kernels.BinaryOp;
import io.neurite.kernels.Elementwise;
import io.neurite.kernels.Parallel;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.Arrays;

/** {@code embedding}: rows of a weight matrix picked by integer indices. Reach it through {@code F}. */
public final class Lookup {

    /** No padding index: every row takes gradient. */
    public static final int NO_PADDING = Integer.MIN_VALUE;

    private Lookup() {}

    /**
     * {@code out[p] = weight[indices[p]]}. Backward: each output row's gradient is added into the row
     * it came from, except the row {@code paddingIdx} (pass {@link #NO_PADDING} for none), which gets
     * no gradient.
     *
     * <p>Shapes: indices int32 of any shape {@code [*]}, weight {@code [num_embeddings, dim]}; output
     * {@code [*, dim]}.
     */
    public static Tensor embedding(Tensor indices, Tensor weight, int paddingIdx) {
        return embedding("embedding", indices, weight, paddingIdx);
    }

    /** As {@link #embedding(Tensor, Tensor, int)}, with errors naming {@code op} (e.g. the layer). */
    public static Tensor embedding(String op, Tensor indices, Tensor weight, int paddingIdx) {
        if (indices.isFloat()) {
            throw new IllegalArgumentException(op + ": expected int32 indices, got float32 of shape "
                    + indices.shape() + "; hint: convert with toInt(), or make them with Tensor.ofInts");
        }
        Checks.requireFloat(op, "the weight", weight);
        if (weight.dim() != 2) {
            throw new ShapeException(op + ": expected a 2-D weight [num_embeddings, embedding_dim], got shape "
                    + weight.shape(), weight.shape());
        }
        int num = weight.size(0), dim = weight.size(1);
        int[] idx = indices.toIntArray();
        checkRange(op, idx, indices.shape(), num);
        int[] outDims = Arrays.copyOf(indices.shape().dims(), indices.dim() + 1);
        outDims[indices.dim()] = dim;
        float[] w = weight.contiguousData();
        float[] out = new float[idx.length * dim];
        Parallel.forRange(idx.length, Math.max(1, (1 << 14) / Math.max(1, dim)), (from, to) -> {
            for (int k = from; k < to; k++) System.arraycopy(w, idx[k] * dim, out, k * dim, dim);
        });
        return Autograd.record("embedding", Tensor.wrap(out, Shape.of(outDims)), new Tensor[] {weight}, g -> {
            float[] gd = g.contiguousData();
            float[] dw = new float[num * dim];
            // Each column range is owned by one task, and rows are added in index order: deterministic.
            Parallel.forRange(dim, Math.max(8, (1 << 15) / Math.max(1, idx.length)), (from, to) -> {
                for (int k = 0; k < idx.length; k++) {
                    if (idx[k] == paddingIdx) continue;
                    int row = idx[k] * dim;
                    Elementwise.binary(BinaryOp.ADD, to - from, dw, row + from, 1, gd, k * dim + from, 1,
                            dw, row + from, 1);
                }
            });
            return new Tensor[] {Tensor.wrap(dw, weight.shape())};
        });
    }

    private static void checkRange(String op, int[] idx, Shape shape, int num) {
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] < 0 || idx[k] >= num) {
                throw new IllegalArgumentException(op + ": index " + idx[k] + " at position "
                        + Arrays.toString(unravel(k, shape.dims())) + " of the indices (shape " + shape
                        + ") is out of range for " + num + " embeddings (expected 0 <= index < " + num + ")");
            }
        }
    }

    private static int[] unravel(int flat, int[] dims) {
        int[] p = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            p[d] = flat % dims[d];
            flat /= dims[d];
        }
        return p;
    }
}
