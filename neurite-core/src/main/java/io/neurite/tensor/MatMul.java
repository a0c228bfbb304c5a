package io.neurite.tensor;

import io.neurite.kernels.Gemm;
import io.neurite.kernels.Parallel;
import java.util.Arrays;

/**
 * Matrix products with {@code torch.matmul}'s rules: 1-D operands are promoted to a matrix and the
 * added dimension removed from the result; leading (batch) dimensions broadcast. Strided operands
 * whose matrices are row- or column-major go to {@link Gemm} with transposition flags, never copied.
 */
final class MatMul {

    /** Below this many multiply-adds per matrix, batches run in parallel instead of each product. */
    private static final long SMALL_PRODUCT = 64L * 64 * 64;

    private MatMul() {}

    static Tensor matmul(Tensor a, Tensor b) {
        a.requireFloat("matmul");
        b.requireFloat("matmul");
        if (a.dim() == 0 || b.dim() == 0) {
            throw new ShapeException("matmul: both arguments need at least 1 dimension, got shapes " + a.shape
                    + " and " + b.shape + "; hint: use mul() for scaling by a scalar", a.shape, b.shape);
        }
        if (a.dim() == 1 && b.dim() == 1) {
            checkInner("matmul", a.shape, b.shape, a.size(0), b.size(0));
            return batched(a.unsqueeze(0), b.unsqueeze(1)).reshape();
        }
        if (a.dim() == 1) return batched(a.unsqueeze(0), b).squeeze(-2);
        if (b.dim() == 1) return batched(a, b.unsqueeze(1)).squeeze(-1);
        if (b.dim() == 2 && a.dim() > 2 && a.isContiguous()) {
            // Fold the batch into the rows: one large product instead of many small ones.
            int[] outDims = a.shape.dims();
            outDims[outDims.length - 1] = b.size(1);
            checkInner("matmul", a.shape, b.shape, a.size(-1), b.size(0));
            return batched(a.reshape(-1, a.size(-1)), b).reshape(outDims);
        }
        return batched(a, b);
    }

    /** {@code torch.bmm}: [B, n, m] x [B, m, p] with equal batch sizes, no broadcasting. */
    static Tensor bmm(Tensor a, Tensor b) {
        if (a.dim() != 3 || b.dim() != 3 || a.size(0) != b.size(0)) {
            throw new ShapeException("bmm: expected two 3-D tensors with the same batch size, got shapes "
                    + a.shape + " and " + b.shape + "; hint: matmul() broadcasts batch dimensions", a.shape, b.shape);
        }
        return matmul(a, b);
    }

    /** {@code torch.mm}: two matrices. */
    static Tensor mm(Tensor a, Tensor b) {
        if (a.dim() != 2 || b.dim() != 2) {
            throw new ShapeException("mm: expected two 2-D tensors, got shapes " + a.shape + " and " + b.shape,
                    a.shape, b.shape);
        }
        return matmul(a, b);
    }

    /** The outer product of two vectors: [n] x [m] gives [n, m]. */
    static Tensor outer(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw new ShapeException("outer: expected two 1-D tensors, got shapes " + a.shape + " and " + b.shape,
                    a.shape, b.shape);
        }
        return a.unsqueeze(1).mul(b.unsqueeze(0));
    }

    /** [..., m, k] x [..., k, n] with broadcast batch dimensions; d(AB) = (dC B^T, A^T dC). */
    private static Tensor batched(Tensor a, Tensor b) {
        int m = a.size(-2), k = a.size(-1), n = b.size(-1);
        checkInner("matmul", a.shape, b.shape, k, b.size(-2));
        Shape batch = Shape.broadcast("matmul", batchShape(a), batchShape(b));
        int[] outDims = Arrays.copyOf(batch.raw(), batch.rank() + 2);
        outDims[batch.rank()] = m;
        outDims[batch.rank() + 1] = n;
        Shape outShape = new Shape(outDims);
        float[] out = new float[outShape.numel()];
        multiply(a, b, batch, m, n, k, out);
        Tensor result = Tensor.contiguous(out, outShape);
        return Autograd.record("matmul", result, new Tensor[] {a, b}, new Tensor[] {a, b}, g -> new Tensor[] {
            a.requiresGrad() ? Broadcast.sumTo(batched(g, b.transpose(-1, -2)), a.shape) : null,
            b.requiresGrad() ? Broadcast.sumTo(batched(a.transpose(-1, -2), g), b.shape) : null});
    }

    private static void multiply(Tensor a, Tensor b, Shape batch, int m, int n, int k, float[] out) {
        if (out.length == 0 || k == 0) return; // an empty inner dimension sums nothing: zeros
        Tensor am = gemmReady(a), bm = gemmReady(b);
        boolean ta = transposed(am), tb = transposed(bm);
        int lda = leading(am), ldb = leading(bm);
        int[] aBatch = batchStrides(am, batch), bBatch = batchStrides(bm, batch);
        int count = batch.numel();
        Parallel.RangeBody body = (from, to) -> {
            for (int i = from; i < to; i++) {
                Gemm.sgemm(ta, tb, m, n, k, 1f, am.storage.floats, am.offset + offsetOf(i, batch, aBatch), lda,
                        bm.storage.floats, bm.offset + offsetOf(i, batch, bBatch), ldb, 0f, out, i * m * n, n);
            }
        };
        if (count > 1 && (long) m * n * k < SMALL_PRODUCT) {
            Parallel.forRange(count, 1, body);
        } else {
            body.run(0, count);
        }
    }

    /** The tensor itself when each matrix is row- or column-major, else a contiguous copy. */
    private static Tensor gemmReady(Tensor t) {
        int r = t.dim();
        int rows = t.shape.raw()[r - 2], cols = t.shape.raw()[r - 1];
        int rowStride = t.strides[r - 2], colStride = t.strides[r - 1];
        boolean rowMajor = (colStride == 1 || cols == 1) && rowStride >= Math.max(cols, 1);
        boolean colMajor = (rowStride == 1 || rows == 1) && colStride >= Math.max(rows, 1) && !rowMajor;
        return rowMajor || colMajor ? t : Copy.contiguousCopy(t);
    }

    private static boolean transposed(Tensor t) {
        int r = t.dim();
        int cols = t.shape.raw()[r - 1];
        return !((t.strides[r - 1] == 1 || cols == 1) && t.strides[r - 2] >= Math.max(cols, 1));
    }

    private static int leading(Tensor t) {
        int r = t.dim();
        return transposed(t) ? t.strides[r - 1] : Math.max(t.strides[r - 2], Math.max(t.shape.raw()[r - 1], 1));
    }

    private static Shape batchShape(Tensor t) {
        return new Shape(Arrays.copyOf(t.shape.raw(), t.dim() - 2));
    }

    /** Strides of t's batch dimensions seen at the broadcast batch shape (0 where repeated). */
    private static int[] batchStrides(Tensor t, Shape batch) {
        int shift = batch.rank() - (t.dim() - 2);
        int[] out = new int[batch.rank()];
        for (int d = shift; d < batch.rank(); d++) {
            out[d] = t.shape.raw()[d - shift] == 1 ? 0 : t.strides[d - shift];
        }
        return out;
    }

    private static int offsetOf(int index, Shape batch, int[] strides) {
        int offset = 0;
        for (int d = batch.rank() - 1; d >= 0; d--) {
            int size = batch.raw()[d];
            offset += (index % size) * strides[d];
            index /= size;
        }
        return offset;
    }

    private static void checkInner(String op, Shape a, Shape b, int ka, int kb) {
        if (ka != kb) {
            throw new ShapeException(op + ": shapes " + a + " and " + b + " cannot be multiplied (" + ka + " != " + kb
                    + "): the last dimension of the first must equal the "
                    + (b.rank() == 1 ? "size of the vector" : "second-to-last dimension of the second"), a, b);
        }
    }
}
