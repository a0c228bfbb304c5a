package io.neurite.nn.functional;

import io.neurite.kernels.Parallel;
import io.neurite.kernels.RowKernels;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.DType;
import io.neurite.tensor.Tensor;

/**
 * Softmax and log-softmax along one dimension, each in one fused pass per row (max, sum of
 * exponentials, normalization) and with a fused backward. Use them through {@link io.neurite.nn.F}.
 *
 * <p>Stable form: with {@code m = max_j x_j} and {@code s = sum_j exp(x_j - m)},
 * {@code softmax(x)_i = exp(x_i - m) / s} and {@code logSoftmax(x)_i = (x_i - m) - log s}.
 * Backward: {@code dx = y (g - sum(g y))} for softmax, {@code dx = g - exp(y) sum(g)} for log-softmax.
 */
public final class Softmax {

    /** Elements per task when splitting rows over threads. */
    static final int GRAIN = 1 << 14;

    private Softmax() {}

    /** {@code exp(x_i) / sum_j exp(x_j)} along {@code dim}; the output has the input's shape. */
    public static Tensor softmax(Tensor input, int dim) {
        return compute("softmax", input, dim, false);
    }

    /** {@code x_i - log sum_j exp(x_j)} along {@code dim}; the output has the input's shape. */
    public static Tensor logSoftmax(Tensor input, int dim) {
        return compute("logSoftmax", input, dim, true);
    }

    private static Tensor compute(String op, Tensor x, int dim, boolean log) {
        if (x.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(op + ": expected a float32 input, got " + x.dtype().torchName()
                    + " of shape " + x.shape() + "; hint: convert with toFloat()");
        }
        int d = x.shape().normalizeDim(dim, op);
        RowLayout layout = RowLayout.of(x.shape(), d);
        float[] in = layout.rowsOf(x);
        float[] out = new float[in.length];
        int n = layout.n;
        forRows(layout, (from, to) -> {
            for (int r = from; r < to; r++) {
                int off = r * n;
                float m = RowKernels.max(in, off, n);
                if (log) {
                    float s = RowKernels.sumExp(in, off, n, m);
                    RowKernels.shiftScale(in, off, n, m, (float) Math.log(s), 1f, null, 0, out, off);
                } else {
                    float s = RowKernels.sumExpStore(in, off, n, m, out, off);
                    RowKernels.scale(out, off, n, 1f / s, out, off);
                }
            }
        });
        Tensor y = layout.fromRows(out, true);
        return Autograd.record(op, y, new Tensor[] {x}, new Tensor[] {y}, g -> {
            float[] go = layout.rowsOf(g);
            float[] gx = new float[go.length];
            forRows(layout, (from, to) -> {
                for (int r = from; r < to; r++) {
                    int off = r * n;
                    if (log) {
                        float sum = RowKernels.weightedSum(go, off, n, 0f, 0f, null, 0, null, 0);
                        RowKernels.logSoftmaxGrad(out, go, off, n, sum, gx);
                    } else {
                        float dot = RowKernels.weightedSum(go, off, n, 0f, 0f, out, off, null, 0);
                        RowKernels.softmaxGrad(out, go, off, n, dot, gx);
                    }
                }
            });
            return new Tensor[] {layout.fromRows(gx, false)};
        });
    }

    /** Runs {@code body} over the rows of {@code layout}, split over threads in chunks of about {@link #GRAIN} elements. */
    static void forRows(RowLayout layout, Parallel.RangeBody body) {
        Parallel.forRange(layout.rows, Math.max(1, GRAIN / Math.max(1, layout.n)), body);
    }
}
