package io.neurite.tensor;

/** Broadcasting helpers: strides of a tensor seen at a larger shape, and gradients summed back. */
final class Broadcast {

    private Broadcast() {}

    /** Strides that read {@code t} as if expanded to {@code target} (0 on repeated dimensions). */
    static int[] strides(Tensor t, Shape target) {
        int rank = target.rank();
        int shift = rank - t.dim();
        int[] out = new int[rank];
        for (int d = shift; d < rank; d++) {
            out[d] = t.shape.raw()[d - shift] == 1 && target.raw()[d] != 1 ? 0 : t.strides[d - shift];
        }
        return out;
    }

    /**
     * Sums a gradient of a broadcast result back to the shape of the input that was broadcast: over
     * the leading dimensions the input lacked and over dimensions where it had size 1.
     */
    static Tensor sumTo(Tensor grad, Shape shape) {
        if (grad.shape.equals(shape)) return grad;
        int lead = grad.dim() - shape.rank();
        int count = 0;
        int[] dims = new int[grad.dim()];
        for (int d = 0; d < grad.dim(); d++) {
            if (d < lead || (shape.raw()[d - lead] == 1 && grad.shape.raw()[d] != 1)) dims[count++] = d;
        }
        Tensor summed = count == 0 ? grad : Reductions.sum(grad, java.util.Arrays.copyOf(dims, count), true);
        return summed.reshape(shape.raw());
    }
}
