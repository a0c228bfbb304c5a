package io.neurite.tensor;

/** Whole-tensor comparisons with tolerances. */
final class Comparison {

    private Comparison() {}

    /**
     * True when every pair of elements (broadcast together) is close in torch.isclose's sense:
     * equal (so inf matches inf), or finite with |a - b| <= atol + |rtol * b|. NaN is never close.
     */
    static boolean allClose(Tensor a, Tensor b, double rtol, double atol) {
        if (!(rtol >= 0) || !(atol >= 0)) {
            throw new IllegalArgumentException("allClose: rtol and atol must be non-negative, got rtol=" + rtol
                    + ", atol=" + atol);
        }
        Tensor x = a.toFloat(), y = b.toFloat();
        Shape shape = Shape.broadcast("allClose", x.shape, y.shape);
        ElementIterator it = new ElementIterator(shape,
                new int[][] {Broadcast.strides(x, shape), Broadcast.strides(y, shape)}, new int[] {x.offset, y.offset});
        float[] xs = x.storage.floats, ys = y.storage.floats;
        int len = it.rowLength(), sx = it.rowStride(0), sy = it.rowStride(1);
        float r = (float) rtol, t = (float) atol;
        int[] off = new int[2];
        for (int row = 0, rows = it.rows(); row < rows; row++) {
            it.rowOffsets(row, off);
            for (int i = 0; i < len; i++) {
                if (!close(xs[off[0] + i * sx], ys[off[1] + i * sy], r, t)) return false;
            }
        }
        return true;
    }

    /** In float arithmetic, as PyTorch computes isclose for float32 tensors. */
    private static boolean close(float a, float b, float rtol, float atol) {
        if (a == b) return true;
        float error = Math.abs(a - b);
        return Float.isFinite(error) && error <= atol + Math.abs(rtol * b);
    }
}
