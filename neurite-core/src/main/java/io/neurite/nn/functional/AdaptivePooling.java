package io.neurite.nn.functional;

import io.neurite.kernels.Elementwise;
import io.neurite.kernels.Parallel;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Shape;
import io.neurite.tensor.Tensor;
import io.neurite.tensor.ValuesIndices;
import java.util.Arrays;

/**
 * Adaptive pooling, which picks the windows to give a requested output size; use it through
 * {@code F.adaptiveAvgPool2d}, {@code F.adaptiveMaxPool2d}, ...
 *
 * <p>Output position {@code i} of a dimension of input size {@code in} and output size {@code out}
 * pools the input range {@code [floor(i in / out), ceil((i + 1) in / out))}, as PyTorch: windows
 * differ in size and may overlap when {@code in} is not a multiple of {@code out}. Max pooling picks
 * as {@link MaxPooling} does (a NaN, else the first largest) and backward routes gradients the same way.
 */
public final class AdaptivePooling {

    private AdaptivePooling() {}

    /** Adaptive average pooling of the last {@code dims} (1 or 2) dimensions to {@code outputSize}. */
    public static Tensor adaptiveAvgPool(Tensor x, int[] outputSize, int dims) {
        String op = "adaptiveAvgPool" + dims + "d";
        Windows w = windows(op, x, outputSize, dims);
        float[] in = x.contiguousData();
        float[] out = new float[w.planes * w.outPlane()];
        Parallel.forRange(w.planes, w.grain(), (from, to) -> average(w, in, out, from, to, false));
        return Autograd.record(op, Tensor.wrap(out, w.outputShape), new Tensor[] {x}, grad -> {
            float[] gx = new float[in.length];
            float[] gy = grad.contiguousData();
            Parallel.forRange(w.planes, w.grain(), (from, to) -> average(w, gx, gy, from, to, true));
            return new Tensor[] {Tensor.wrap(gx, x.shape())};
        });
    }

    /** Adaptive max pooling of the last {@code dims} dimensions, with each maximum's flat index in its plane. */
    public static ValuesIndices adaptiveMaxPool(Tensor x, int[] outputSize, int dims) {
        String op = "adaptiveMaxPool" + dims + "d";
        Windows w = windows(op, x, outputSize, dims);
        float[] in = x.contiguousData();
        int outPlane = w.outPlane(), inPlane = w.inH * w.inW;
        float[] out = new float[w.planes * outPlane];
        int[] index = new int[out.length];
        Parallel.forRange(w.planes, w.grain(), (from, to) -> maximum(w, in, out, index, from, to));
        Tensor values = Tensor.wrap(out, w.outputShape);
        Autograd.record(op, values, new Tensor[] {x}, grad -> {
            float[] gy = grad.contiguousData();
            float[] gx = new float[in.length];
            Parallel.forRange(w.planes, PoolGeometry.grain(outPlane), (from, to) -> {
                for (int plane = from; plane < to; plane++) {
                    int base = plane * inPlane;
                    for (int o = plane * outPlane, end = o + outPlane; o < end; o++) gx[base + index[o]] += gy[o];
                }
            });
            return new Tensor[] {Tensor.wrap(gx, x.shape())};
        });
        return new ValuesIndices(values, Tensor.ofInts(index, w.outputShape.dims()));
    }

    /** The windows along height and width (a 1-D pooling has height 1), and the planes they apply to. */
    private record Windows(Shape outputShape, int planes, int inH, int inW, int[] hStart, int[] hEnd, int[] wStart,
                           int[] wEnd) {
        int outPlane() {
            return hStart.length * wStart.length;
        }

        int grain() {
            return PoolGeometry.grain((long) inH * inW + outPlane());
        }
    }

    private static Windows windows(String op, Tensor x, int[] outputSize, int dims) {
        if (outputSize == null || (outputSize.length != 1 && outputSize.length != dims)
                || Arrays.stream(outputSize).anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException(op + ": outputSize must be 1 or " + dims + " positive sizes, got "
                    + (outputSize == null ? "null" : Arrays.toString(outputSize)) + " (input shape " + x.shape() + ")");
        }
        PoolGeometry.checkInput(op, x.shape(), dims);
        PoolGeometry.requireFloat(op, x);
        int rank = x.dim();
        int inH = dims == 2 ? x.size(rank - 2) : 1, inW = x.size(rank - 1);
        int outH = dims == 2 ? PoolOptions.at(outputSize, 0) : 1, outW = PoolOptions.at(outputSize, dims - 1);
        int[] shape = x.shape().dims();
        if (dims == 2) shape[rank - 2] = outH;
        shape[rank - 1] = outW;
        return new Windows(Shape.of(shape), PoolGeometry.planes(x.shape(), dims), inH, inW, starts(inH, outH),
                ends(inH, outH), starts(inW, outW), ends(inW, outW));
    }

    private static int[] starts(int in, int out) {
        int[] s = new int[out];
        for (int i = 0; i < out; i++) s[i] = (int) ((long) i * in / out);
        return s;
    }

    private static int[] ends(int in, int out) {
        int[] e = new int[out];
        for (int i = 0; i < out; i++) e[i] = (int) (((long) (i + 1) * in + out - 1) / out);
        return e;
    }

    /**
     * Forward ({@code a} input, {@code b} output): each output is its window's mean. Backward ({@code a}
     * input gradient, {@code b} output gradient): each window element gets gradient / window size.
     */
    private static void average(Windows w, float[] a, float[] b, int from, int to, boolean backward) {
        int inW = w.inW, inPlane = w.inH * inW, outPlane = w.outPlane();
        for (int plane = from; plane < to; plane++) {
            int base = plane * inPlane, o = plane * outPlane;
            for (int oh = 0; oh < w.hStart.length; oh++) {
                int h0 = w.hStart[oh], h1 = w.hEnd[oh];
                for (int ow = 0; ow < w.wStart.length; ow++, o++) {
                    int w0 = w.wStart[ow], w1 = w.wEnd[ow];
                    float size = (h1 - h0) * (w1 - w0);
                    if (backward) {
                        float share = b[o] / size;
                        for (int h = h0; h < h1; h++) {
                            for (int c = base + h * inW + w0, end = c + w1 - w0; c < end; c++) a[c] += share;
                        }
                    } else if (w0 == 0 && w1 == inW) {
                        b[o] = Elementwise.sum(a, base + h0 * inW, (h1 - h0) * inW) / size;   // one contiguous span
                    } else {
                        float sum = 0f;
                        for (int h = h0; h < h1; h++) sum += rowSum(a, base + h * inW + w0, w1 - w0);
                        b[o] = sum / size;
                    }
                }
            }
        }
    }

    /** The sum of {@code n} consecutive values: vectorized for long runs, in order for short ones. */
    private static float rowSum(float[] a, int off, int n) {
        if (n >= 32) return Elementwise.sum(a, off, n);
        float sum = 0f;
        for (int i = off; i < off + n; i++) sum += a[i];
        return sum;
    }

    private static void maximum(Windows w, float[] x, float[] y, int[] index, int from, int to) {
        int inW = w.inW, inPlane = w.inH * inW, outPlane = w.outPlane();
        for (int plane = from; plane < to; plane++) {
            int base = plane * inPlane, o = plane * outPlane;
            for (int oh = 0; oh < w.hStart.length; oh++) {
                int h0 = w.hStart[oh], h1 = w.hEnd[oh];
                for (int ow = 0; ow < w.wStart.length; ow++, o++) {
                    int w0 = w.wStart[ow], w1 = w.wEnd[ow], best = h0 * inW + w0;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int h = h0; h < h1; h++) {
                        for (int c = h * inW + w0, end = h * inW + w1; c < end; c++) {
                            float v = x[base + c];
                            if (v > max || v != v) {
                                max = v;
                                best = c;
                            }
                        }
                    }
                    y[o] = max;
                    index[o] = best;
                }
            }
        }
    }
}
