package io.neurite.tensor;

import io.neurite.kernels.BinaryOp;
import java.util.Arrays;

/**
 * Reading and writing along one dimension through an int32 index tensor: {@code gather},
 * {@code scatter}, {@code scatterAdd} and {@code indexSelect}, each with its backward rule. As
 * PyTorch, indices lie in {@code [0, size)}; duplicate indices in {@code scatter} keep the last write.
 */
final class Indexing {

    /** Visits one index position: the offset read or written through the index, and the plain one. */
    @FunctionalInterface
    private interface Visit {
        void at(int indexed, int plain);
    }

    private Indexing() {}

    /** {@code out[p] = input[p with p[dim] = index[p]]}; d input = scatterAdd of the gradient into zeros. */
    static Tensor gather(Tensor input, int dim, Tensor index) {
        int d = checkAligned("gather", input, dim, index, null);
        Tensor out = input.isFloat() ? Tensor.contiguous(new float[index.numel()], index.shape)
                : Tensor.contiguousInts(new int[index.numel()], index.shape);
        if (input.isFloat()) {
            float[] src = input.storage.floats, dst = out.storage.floats;
            walk("gather", index, d, input, out, (from, to) -> dst[to] = src[from]);
        } else {
            int[] src = input.storage.ints, dst = out.storage.ints;
            walk("gather", index, d, input, out, (from, to) -> dst[to] = src[from]);
        }
        Shape in = input.shape;
        return Autograd.record("gather", out, new Tensor[] {input}, new Tensor[] {index},
                g -> new Tensor[] {scatterAddInto(Tensor.zeros(in.raw()), d, index, g)});
    }

    /**
     * A copy of {@code self} with {@code out[p with p[dim] = index[p]] = src[p]}. d self = the gradient
     * with scattered positions zeroed; d src = gather of the gradient (zero where src was not read).
     */
    static Tensor scatter(Tensor self, int dim, Tensor index, Tensor src) {
        int d = checkAligned("scatter", self, dim, index, src);
        Tensor out = Copy.contiguousCopy(self);
        if (self.isFloat()) {
            float[] from = src.storage.floats, dst = out.storage.floats;
            walk("scatter", index, d, out, src, (to, at) -> dst[to] = from[at]);
        } else {
            int[] from = src.storage.ints, dst = out.storage.ints;
            walk("scatter", index, d, out, src, (to, at) -> dst[to] = from[at]);
        }
        Shape srcShape = src.shape;
        return Autograd.record("scatter", out, new Tensor[] {self, src}, new Tensor[] {index},
                g -> new Tensor[] {self.requiresGrad() ? g.scatter(d, index, 0f) : null,
                                   src.requiresGrad() ? padTo(g.gather(d, index), srcShape) : null});
    }

    /** As {@link #scatter(Tensor, int, Tensor, Tensor)} with one value (truncated for int32 tensors). */
    static Tensor scatter(Tensor self, int dim, Tensor index, float value) {
        int d = checkAligned("scatter", self, dim, index, null);
        Tensor out = Copy.contiguousCopy(self);
        if (self.isFloat()) {
            float[] dst = out.storage.floats;
            walk("scatter", index, d, out, null, (to, at) -> dst[to] = value);
        } else {
            int[] dst = out.storage.ints;
            walk("scatter", index, d, out, null, (to, at) -> dst[to] = (int) value);
        }
        return Autograd.record("scatter", out, new Tensor[] {self}, new Tensor[] {index},
                g -> new Tensor[] {g.scatter(d, index, 0f)});
    }

    /** A copy of {@code self} plus {@code src[p]} added at {@code p with p[dim] = index[p]}. */
    static Tensor scatterAdd(Tensor self, int dim, Tensor index, Tensor src) {
        int d = checkAligned("scatterAdd", self, dim, index, src);
        Tensor out = Copy.contiguousCopy(self);
        if (self.isFloat()) {
            scatterAddInto(out, d, index, src);
        } else {
            int[] from = src.storage.ints, dst = out.storage.ints;
            walk("scatterAdd", index, d, out, src, (to, at) -> dst[to] += from[at]);
        }
        Shape srcShape = src.shape;
        return Autograd.record("scatterAdd", out, new Tensor[] {self, src}, new Tensor[] {index},
                g -> new Tensor[] {self.requiresGrad() ? g : null,
                                   src.requiresGrad() ? padTo(g.gather(d, index), srcShape) : null});
    }

    /** Adds float {@code src} into the fresh contiguous {@code out} through the index; returns out. */
    private static Tensor scatterAddInto(Tensor out, int d, Tensor index, Tensor src) {
        float[] from = src.storage.floats, dst = out.storage.floats;
        walk("scatterAdd", index, d, out, src, (to, at) -> dst[to] += from[at]);
        return out;
    }

    /**
     * The entries {@code index} (1-D or a scalar) of dimension {@code dim}: {@code out.select(dim, k) =
     * input.select(dim, index[k])}. d input = the gradient's slices added back at their indices.
     */
    static Tensor indexSelect(Tensor input, int dim, Tensor index) {
        requireIndex("indexSelect", index);
        if (index.dim() > 1) {
            throw new ShapeException("indexSelect: index must be 1-dimensional (or a scalar), got shape "
                    + index.shape + "; hint: flatten() it and reshape the result", index.shape);
        }
        if (input.dim() == 0) {
            throw new IllegalArgumentException("indexSelect: expected an input with at least one dimension, got a"
                    + " zero-dimensional tensor; hint: unsqueeze(0) it first");
        }
        int d = input.shape.normalizeDim(dim, "indexSelect");
        int size = input.shape.raw()[d];
        int[] idx = index.toIntArray();
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] < 0 || idx[k] >= size) {
                throw outOfRange("indexSelect", idx[k], d, size, index.dim() == 0 ? new int[0] : new int[] {k},
                        input.shape);
            }
        }
        Shape outShape = input.shape.withSize(d, idx.length);
        Tensor out = input.isFloat() ? Tensor.contiguous(new float[outShape.numel()], outShape)
                : Tensor.contiguousInts(new int[outShape.numel()], outShape);
        for (int k = 0; k < idx.length; k++) Copy.copyInto(slab(input, d, idx[k]), slab(out, d, k));
        Shape in = input.shape;
        return Autograd.record("indexSelect", out, new Tensor[] {input}, new Tensor[] {index}, g -> {
            Tensor grad = Tensor.zeros(in.raw());
            for (int k = 0; k < idx.length; k++) {
                Arithmetic.inPlace("indexAdd", BinaryOp.ADD, slab(grad, d, idx[k]), slab(g, d, k));
            }
            return new Tensor[] {grad};
        });
    }

    // ---------------------------------------------------------------- checks and the index walk

    static void requireIndex(String op, Tensor index) {
        if (index.isFloat()) {
            throw new IllegalArgumentException(op + ": index must be an int32 tensor, got float32 of shape "
                    + index.shape + "; hint: convert with toInt() or build it with Tensor.ofInts");
        }
    }

    /**
     * Checks dtype and ranks, and that the index fits {@code input} in every dimension but {@code dim}
     * and fits {@code src} (when given) in every dimension; returns {@code dim} normalized.
     */
    private static int checkAligned(String op, Tensor input, int dim, Tensor index, Tensor src) {
        requireIndex(op, index);
        int d = input.shape.normalizeDim(dim, op);
        if (index.dim() != input.dim()) {
            throw new ShapeException(op + ": index must have as many dimensions as the input, got index shape "
                    + index.shape + " and input shape " + input.shape + "; hint: unsqueeze or reshape the index",
                    input.shape, index.shape);
        }
        for (int i = 0; i < index.dim(); i++) {
            if (i != d && index.shape.raw()[i] > input.shape.raw()[i]) {
                throw new ShapeException(op + ": index shape " + index.shape + " is larger than input shape "
                        + input.shape + " at dimension " + i + " (" + index.shape.raw()[i] + " > "
                        + input.shape.raw()[i] + "); only dimension " + d + " may differ", input.shape, index.shape);
            }
        }
        if (src == null) return d;
        if (src.dtype() != input.dtype()) {
            throw new IllegalArgumentException(op + ": src must have the input's dtype " + input.dtype().torchName()
                    + ", got " + src.dtype().torchName() + "; hint: convert with toFloat() or toInt()");
        }
        boolean fits = src.dim() == index.dim();
        for (int i = 0; fits && i < index.dim(); i++) fits = index.shape.raw()[i] <= src.shape.raw()[i];
        if (!fits) {
            throw new ShapeException(op + ": src of shape " + src.shape + " must have as many dimensions as the"
                    + " index and be at least as large in each, got index shape " + index.shape, input.shape,
                    index.shape, src.shape);
        }
        return d;
    }

    /**
     * For every position {@code p} of the index (row-major), checks {@code index[p]} and calls
     * {@code visit} with the offset of {@code indexed} at {@code p} with {@code p[dim] = index[p]} and
     * the offset of {@code plain} (if any) at {@code p}.
     */
    private static void walk(String op, Tensor index, int dim, Tensor indexed, Tensor plain, Visit visit) {
        int n = index.numel();
        if (n == 0) return;
        int rank = Math.max(index.dim(), 1);
        int[] sizes = index.dim() == 0 ? new int[] {1} : index.shape.raw();
        int[] is = stridesOf(index), as = stridesOf(indexed).clone(), ps = plain == null ? new int[rank] : stridesOf(plain);
        int limit = indexed.dim() == 0 ? 1 : indexed.shape.raw()[dim];
        int dimStride = as[dim];
        as[dim] = 0;
        int[] idx = index.storage.ints;
        int[] pos = new int[rank];
        int io = index.offset, ao = indexed.offset, po = plain == null ? 0 : plain.offset;
        for (int k = 0; k < n; k++) {
            int i = idx[io];
            if (i < 0 || i >= limit) {
                throw outOfRange(op, i, dim, limit, index.dim() == 0 ? new int[0] : pos, indexed.shape);
            }
            visit.at(ao + i * dimStride, po);
            for (int d = rank - 1; d >= 0; d--) {
                if (++pos[d] < sizes[d]) {
                    io += is[d];
                    ao += as[d];
                    po += ps[d];
                    break;
                }
                pos[d] = 0;
                io -= is[d] * (sizes[d] - 1);
                ao -= as[d] * (sizes[d] - 1);
                po -= ps[d] * (sizes[d] - 1);
            }
        }
    }

    private static IllegalArgumentException outOfRange(String op, int value, int dim, int size, int[] position,
                                                       Shape input) {
        return new IllegalArgumentException(op + ": index " + value + " is out of range for dimension " + dim
                + " of size " + size + " (at position " + Arrays.toString(position) + " of the index; input shape "
                + input + "); indices must lie in [0, " + size + ")");
    }

    private static int[] stridesOf(Tensor t) {
        return t.dim() == 0 ? new int[] {0} : t.strides;
    }

    /** Entry {@code i} of dimension {@code d} as an unrecorded view (that dimension removed). */
    private static Tensor slab(Tensor t, int d, int i) {
        int[] sizes = new int[t.dim() - 1], strides = new int[t.dim() - 1];
        for (int k = 0, j = 0; k < t.dim(); k++) {
            if (k == d) continue;
            sizes[j] = t.shape.raw()[k];
            strides[j++] = t.strides[k];
        }
        return new Tensor(t.storage, new Shape(sizes), strides, t.offset + i * t.strides[d]);
    }

    /** {@code t} placed at the start of zeros of {@code shape} (t fits inside it in every dimension). */
    private static Tensor padTo(Tensor t, Shape shape) {
        if (t.shape.equals(shape)) return t;
        Tensor full = Tensor.zeros(shape.raw());
        Copy.copyInto(t, new Tensor(full.storage, t.shape, full.strides, 0));
        return full;
    }
}
