package io.neurite.kernels;

/**
 * Elementwise kernels over runs of {@code n} elements, each operand addressed by an offset and a
 * stride (stride 0 repeats one value: a broadcast scalar). Runs with unit or zero strides take the
 * vectorized path when {@link VectorSupport#enabled()}; every path computes the same values.
 */
public final class Elementwise {

    private Elementwise() {}

    /** {@code out[i] = op(a[i], b[i])} for strided runs. */
    public static void binary(BinaryOp op, int n, float[] a, int aOff, int aStride, float[] b, int bOff,
                              int bStride, float[] out, int outOff, int outStride) {
        if (VectorSupport.enabled() && outStride == 1 && (aStride | bStride) <= 1 && aStride >= 0 && bStride >= 0
                && ElementwiseVector.binary(op, n, a, aOff, aStride, b, bOff, bStride, out, outOff)) {
            return;
        }
        for (int i = 0; i < n; i++) {
            out[outOff + i * outStride] = op.apply(a[aOff + i * aStride], b[bOff + i * bStride]);
        }
    }

    /** {@code out[i] = op(x[i])} for strided runs. */
    public static void unary(UnaryOp op, int n, float[] x, int xOff, int xStride, float[] out, int outOff,
                             int outStride) {
        if (VectorSupport.enabled() && op.exactInVectors() && xStride == 1 && outStride == 1) {
            ElementwiseVector.unary(op, n, x, xOff, out, outOff);
            return;
        }
        for (int i = 0; i < n; i++) out[outOff + i * outStride] = op.apply(x[xOff + i * xStride]);
    }

    /** Sum of {@code n} contiguous values in the fixed order of {@link Reduce#LANES} partial sums. */
    public static float sum(float[] x, int off, int n) {
        return VectorSupport.enabled() ? ElementwiseVector.sum(x, off, n) : Reduce.sumScalar(x, off, n);
    }
}
