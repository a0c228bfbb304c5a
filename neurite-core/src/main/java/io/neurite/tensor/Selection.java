package io.neurite.tensor;

import io.neurite.kernels.Parallel;
import java.util.Arrays;

/**
 * Choosing elements by a 0/1 mask ({@code where}, {@code maskedFill}) and one-hot encoding. Masks
 * are float 0/1 tensors, as comparisons return, or int32 0/1 tensors; they broadcast as NumPy.
 */
final class Selection {

    private static final int GRAIN = 1 << 14;

    private Selection() {}

    /** {@code condition ? a : b}, all three broadcast; d a = grad where condition, d b = grad elsewhere. */
    static Tensor where(Tensor condition, Tensor a, Tensor b) {
        Tensor mask = floatMask("where", condition);
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("where: a and b must have the same dtype, got "
                    + a.dtype().torchName() + " and " + b.dtype().torchName() + "; hint: convert with toFloat()");
        }
        Tensor out = choose("where", mask, a, b);
        Tensor zero = Tensor.scalar(0f);
        return Autograd.record("where", out, new Tensor[] {a, b}, new Tensor[] {mask},
                g -> new Tensor[] {a.requiresGrad() ? Broadcast.sumTo(choose("where", mask, g, zero), a.shape) : null,
                                   b.requiresGrad() ? Broadcast.sumTo(choose("where", mask, zero, g), b.shape) : null});
    }

    /**
     * {@code value} where {@code mask} is 1, else {@code self} (broadcast together; the value is
     * truncated for int32 tensors). d self = grad where the mask is 0.
     */
    static Tensor maskedFill(Tensor self, Tensor mask, float value) {
        Tensor m = floatMask("maskedFill", mask);
        Tensor out = choose("maskedFill", m, fillValue(self, value), self);
        Shape in = self.shape;
        Tensor zero = Tensor.scalar(0f);
        return Autograd.record("maskedFill", out, new Tensor[] {self}, new Tensor[] {m},
                g -> new Tensor[] {Broadcast.sumTo(choose("maskedFill", m, zero, g), in)});
    }

    /** Writes {@code value} into this tensor where {@code mask} (broadcast to its shape) is 1. */
    static Tensor maskedFillInPlace(Tensor self, Tensor mask, float value) {
        self.checkInPlace("maskedFillInPlace");
        Tensor m = floatMask("maskedFillInPlace", mask);
        if (!Shape.broadcast("maskedFillInPlace", self.shape, m.shape).equals(self.shape)) {
            throw new ShapeException("maskedFillInPlace: mask of shape " + m.shape + " cannot be broadcast to the"
                    + " shape " + self.shape + " of the tensor changed in place; hint: use maskedFill", self.shape,
                    m.shape);
        }
        Copy.copyInto(choose("maskedFillInPlace", m, fillValue(self, value), self), self);
        self.storage.bumpVersion();
        return self;
    }

    /**
     * int32 {@code labels} of any shape as float32 {@code [..., numClasses]} rows of zeros with a 1
     * at the label; {@code numClasses = -1} uses {@code max(labels) + 1}.
     */
    static Tensor oneHot(Tensor labels, int numClasses) {
        Indexing.requireIndex("oneHot", labels);
        if (numClasses < -1 || numClasses == 0) {
            throw new IllegalArgumentException("oneHot: numClasses must be positive, or -1 to infer it from the"
                    + " labels, got " + numClasses);
        }
        int[] values = labels.toIntArray();
        int classes = numClasses;
        if (classes == -1) {
            if (values.length == 0) {
                throw new IllegalArgumentException("oneHot: cannot infer numClasses from empty labels (shape "
                        + labels.shape + "); hint: pass numClasses explicitly");
            }
            classes = Arrays.stream(values).max().getAsInt() + 1;
        }
        float[] out = new float[Math.multiplyExact(values.length, classes)];
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            if (v < 0 || v >= classes) {
                throw new IllegalArgumentException("oneHot: label " + v + " at position "
                        + Arrays.toString(position(labels.shape, i)) + " is out of range for numClasses=" + classes
                        + " (labels shape " + labels.shape + "); labels must lie in [0, " + classes + ")");
            }
            out[i * classes + v] = 1f;
        }
        int[] shape = Arrays.copyOf(labels.shape.raw(), labels.dim() + 1);
        shape[labels.dim()] = classes;
        return Tensor.contiguous(out, new Shape(shape));
    }

    /** The mask as float 0/1 (int32 converted), failing on any other value. */
    private static Tensor floatMask(String op, Tensor mask) {
        Tensor m = mask.toFloat();
        float[] data = m.contiguousData();
        for (int i = 0; i < data.length; i++) {
            if (data[i] != 0f && data[i] != 1f) {
                throw new IllegalArgumentException(op + ": mask must hold only 0 and 1, got " + data[i]
                        + " at position " + Arrays.toString(position(m.shape, i)) + " (mask shape " + m.shape
                        + "); hint: build it with a comparison such as x.gt(0)");
            }
        }
        return m;
    }

    private static Tensor fillValue(Tensor like, float value) {
        return like.isFloat() ? Tensor.scalar(value) : Tensor.contiguousInts(new int[] {(int) value}, Shape.of());
    }

    /** {@code mask ? a : b} into a new contiguous tensor of the broadcast shape (a and b share a dtype). */
    private static Tensor choose(String op, Tensor mask, Tensor a, Tensor b) {
        Shape shape = Shape.broadcast(op, Shape.broadcast(op, mask.shape, a.shape), b.shape);
        int n = shape.numel();
        Tensor out = a.isFloat() ? Tensor.contiguous(new float[n], shape) : Tensor.contiguousInts(new int[n], shape);
        ElementIterator it = new ElementIterator(shape, new int[][] {shape.contiguousStrides(),
                Broadcast.strides(mask, shape), Broadcast.strides(a, shape), Broadcast.strides(b, shape)},
                new int[] {0, mask.offset, a.offset, b.offset});
        int len = it.rowLength();
        int os = it.rowStride(0), ms = it.rowStride(1), as = it.rowStride(2), bs = it.rowStride(3);
        float[] md = mask.storage.floats;
        boolean floats = a.isFloat();
        Parallel.forRange(it.rows(), Math.max(1, GRAIN / Math.max(1, len)), (from, to) -> {
            int[] off = new int[4];
            for (int r = from; r < to; r++) {
                it.rowOffsets(r, off);
                if (floats) {
                    float[] ad = a.storage.floats, bd = b.storage.floats, od = out.storage.floats;
                    for (int i = 0; i < len; i++) {
                        od[off[0] + i * os] = md[off[1] + i * ms] != 0f ? ad[off[2] + i * as] : bd[off[3] + i * bs];
                    }
                } else {
                    int[] ad = a.storage.ints, bd = b.storage.ints, od = out.storage.ints;
                    for (int i = 0; i < len; i++) {
                        od[off[0] + i * os] = md[off[1] + i * ms] != 0f ? ad[off[2] + i * as] : bd[off[3] + i * bs];
                    }
                }
            }
        });
        return out;
    }

    /** The multi-index of row-major element {@code flat} of {@code shape}. */
    private static int[] position(Shape shape, int flat) {
        int[] idx = new int[shape.rank()];
        for (int d = shape.rank() - 1; d >= 0; d--) {
            idx[d] = flat % shape.raw()[d];
            flat /= shape.raw()[d];
        }
        return idx;
    }
}
