package io.neurite.tensor;

import io.neurite.kernels.Parallel;

/** Strided copies: gathering any view into row-major order, and writing into a view. */
final class Copy {

    private static final int GRAIN = 1 << 15;

    private Copy() {}

    /** A new contiguous tensor (same dtype) holding this view's elements, with no history. */
    static Tensor contiguousCopy(Tensor t) {
        return t.isFloat() ? Tensor.contiguous(toContiguousFloats(t), t.shape)
                : Tensor.contiguousInts(toContiguousInts(t), t.shape);
    }

    static float[] toContiguousFloats(Tensor t) {
        float[] out = new float[t.numel()];
        if (t.isContiguous()) {
            System.arraycopy(t.storage.floats, t.offset, out, 0, out.length);
            return out;
        }
        ElementIterator it = new ElementIterator(t.shape, new int[][] {t.strides}, new int[] {t.offset});
        int len = it.rowLength();
        int stride = it.rowStride(0);
        float[] src = t.storage.floats;
        Parallel.forRange(it.rows(), Math.max(1, GRAIN / Math.max(len, 1)), (from, to) -> {
            int[] off = new int[1];
            for (int r = from; r < to; r++) {
                it.rowOffsets(r, off);
                int o = r * len;
                if (stride == 1) {
                    System.arraycopy(src, off[0], out, o, len);
                } else {
                    for (int i = 0, s = off[0]; i < len; i++, s += stride) out[o + i] = src[s];
                }
            }
        });
        return out;
    }

    static int[] toContiguousInts(Tensor t) {
        int[] out = new int[t.numel()];
        ElementIterator it = new ElementIterator(t.shape, new int[][] {t.strides}, new int[] {t.offset});
        int len = it.rowLength();
        int stride = it.rowStride(0);
        int[] off = new int[1];
        for (int r = 0, rows = it.rows(); r < rows; r++) {
            it.rowOffsets(r, off);
            for (int i = 0, s = off[0]; i < len; i++, s += stride) out[r * len + i] = t.storage.ints[s];
        }
        return out;
    }

    /** Writes {@code src}, broadcast to {@code dst}'s shape, into {@code dst}'s elements. */
    static void copyInto(Tensor src, Tensor dst) {
        Shape target = Shape.broadcast("copy", src.shape, dst.shape);
        if (!target.equals(dst.shape)) {
            throw new ShapeException("copy: source of shape " + src.shape + " cannot be broadcast to destination "
                    + dst.shape, src.shape, dst.shape);
        }
        if (src.isFloat() != dst.isFloat()) src = dst.isFloat() ? src.toFloat() : src.toInt();
        int[] srcStrides = Broadcast.strides(src, dst.shape);
        ElementIterator it = new ElementIterator(dst.shape, new int[][] {dst.strides, srcStrides},
                new int[] {dst.offset, src.offset});
        int len = it.rowLength();
        int ds = it.rowStride(0), ss = it.rowStride(1);
        Tensor from = src;
        Parallel.forRange(it.rows(), Math.max(1, GRAIN / Math.max(len, 1)), (first, last) -> {
            int[] off = new int[2];
            for (int r = first; r < last; r++) {
                it.rowOffsets(r, off);
                if (ds == 1 && ss == 1) {
                    System.arraycopy(dst.isFloat() ? from.storage.floats : from.storage.ints, off[1],
                            dst.isFloat() ? dst.storage.floats : dst.storage.ints, off[0], len);
                } else if (dst.isFloat()) {
                    float[] d = dst.storage.floats, s = from.storage.floats;
                    for (int i = 0; i < len; i++) d[off[0] + i * ds] = s[off[1] + i * ss];
                } else {
                    int[] d = dst.storage.ints, s = from.storage.ints;
                    for (int i = 0; i < len; i++) d[off[0] + i * ds] = s[off[1] + i * ss];
                }
            }
        });
    }
}
