package io.neurite.nn.functional;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import io.neurite.tensor.ValuesIndices;
import java.util.Arrays;

/**
 * Max pooling over 1 to 3 dimensions, and its partial inverse max unpooling; use them through
 * {@code F.maxPool2d}, {@code F.maxUnpool2d}, ...
 *
 * <p>Each output is the largest element of its window, padding counting as -infinity; a NaN wins, and
 * among equal values the first in window order (depth, then row, then column) wins, as PyTorch on the
 * CPU. The index of the chosen element is its row-major position within its plane. Backward sends
 * each output's gradient to that element (summing where windows overlap).
 */
public final class MaxPooling {

    private MaxPooling() {}

    /** Max pooling of the last {@code dims} dimensions of {@code x}; see {@link PoolGeometry} for shapes. */
    public static Tensor maxPool(Tensor x, PoolOptions o, int dims) {
        return pool(x, o, dims, false).values();
    }

    /** As {@link #maxPool}, with the int32 flat index of each maximum within its plane. */
    public static ValuesIndices maxPoolWithIndices(Tensor x, PoolOptions o, int dims) {
        return pool(x, o, dims, true);
    }

    private static ValuesIndices pool(Tensor x, PoolOptions o, int dims, boolean withIndices) {
        String op = "maxPool" + dims + "d";
        if (!o.countIncludePad() || o.divisorOverride() != 0) {
            throw new IllegalArgumentException(op + ": countIncludePad and divisorOverride apply to average pooling"
                    + " only, got " + o + "; hint: use avgPool" + dims + "d");
        }
        PoolGeometry g = PoolGeometry.of(op, x.shape(), o, dims);
        PoolGeometry.requireFloat(op, x);
        float[] in = x.contiguousData();
        int outPlane = g.outPlane();
        float[] out = new float[g.planes * outPlane];
        boolean recording = Autograd.isGradEnabled() && x.requiresGrad();
        int[] index = withIndices || recording ? new int[out.length] : null;
        boolean twoByTwo = MaxPool2x2.applies(g);
        Parallel.forRange(g.planes, PoolGeometry.grain((long) outPlane * g.kD * g.kH * g.kW), (from, to) -> {
            if (twoByTwo) MaxPool2x2.forward(g, in, out, index, from, to); else forward(g, in, out, index, from, to);
        });
        Tensor values = Tensor.wrap(out, g.outputShape);
        if (recording) Autograd.record(op, values, new Tensor[] {x}, grad -> new Tensor[] {backward(g, index, grad)});
        return new ValuesIndices(values, withIndices ? Tensor.ofInts(index, g.outputShape.dims()) : null);
    }

    /** The maximum of each window of planes {@code [from, to)}, and its index when {@code index} is not null. */
    private static void forward(PoolGeometry g, float[] x, float[] y, int[] index, int from, int to) {
        int inPlane = g.inPlane(), inH = g.inH, inW = g.inW, dD = g.dD, dH = g.dH, dW = g.dW, outW = g.outW;
        int[] wStart = new int[outW], wEnd = new int[outW], rows = new int[g.kD * g.kH];
        for (int ow = 0; ow < outW; ow++) {
            int w0 = ow * g.sW - g.pW;
            wEnd[ow] = Math.min(w0 + (g.kW - 1) * dW + 1, inW);
            while (w0 < 0) w0 += dW;
            wStart[ow] = w0;
        }
        for (int plane = from; plane < to; plane++) {
            int base = plane * inPlane, o = plane * g.outPlane();
            for (int od = 0; od < g.outD; od++) {
                int d0 = od * g.sD - g.pD, d1 = Math.min(d0 + (g.kD - 1) * dD + 1, g.inD);
                while (d0 < 0) d0 += dD;
                for (int oh = 0; oh < g.outH; oh++) {
                    int h0 = oh * g.sH - g.pH, h1 = Math.min(h0 + (g.kH - 1) * dH + 1, inH);
                    while (h0 < 0) h0 += dH;
                    int first = (d0 * inH + h0) * inW, n = 0;
                    for (int d = d0; d < d1; d += dD) {
                        for (int h = h0; h < h1; h += dH) rows[n++] = (d * inH + h) * inW;   // the window's rows
                    }
                    for (int ow = 0; ow < outW; ow++, o++) {
                        int w0 = wStart[ow], w1 = wEnd[ow], best = first + w0;
                        float max = Float.NEGATIVE_INFINITY;
                        for (int r = 0; r < n; r++) {
                            for (int c = rows[r] + w0, end = rows[r] + w1; c < end; c += dW) {
                                float v = x[base + c];
                                if (v > max || v != v) {
                                    max = v;
                                    best = c;
                                }
                            }
                        }
                        y[o] = max;
                        if (index != null) index[o] = best;
                    }
                }
            }
        }
    }

    /** The input gradient: each output's gradient added at its maximum (a window wholly in padding has none). */
    private static Tensor backward(PoolGeometry g, int[] index, Tensor grad) {
        float[] gy = grad.contiguousData();
        int inPlane = g.inPlane(), outPlane = g.outPlane();
        float[] gx = new float[g.planes * inPlane];
        Parallel.forRange(g.planes, PoolGeometry.grain(outPlane), (from, to) -> {
            for (int plane = from; plane < to; plane++) {
                int base = plane * inPlane;
                for (int o = plane * outPlane, end = o + outPlane; o < end; o++) {
                    int i = index[o];
                    if (i >= 0 && i < inPlane) gx[base + i] += gy[o];
                }
            }
        });
        return Tensor.wrap(gx, g.inputShape);
    }

    // ---------------------------------------------------------------- unpooling

    /**
     * Max unpooling over the last 2 dimensions: a zero tensor of the output size with each input
     * element written at its index (from {@link #maxPoolWithIndices}) within its plane.
     *
     * <p>Shapes: input and indices {@code (N, C, H, W)} or {@code (C, H, W)}; output height
     * {@code (H - 1) stride - 2 padding + kernel} (likewise the width), or {@code outputSize} (its last
     * two values, of 2 or 4) when given, which must lie strictly within one stride of that default.
     */
    public static Tensor maxUnpool2d(Tensor x, Tensor indices, PoolOptions o, int... outputSize) {
        String op = "maxUnpool2d";
        PoolGeometry.checkLengths(op, o, 2, "");
        PoolGeometry.checkInput(op, x.shape(), 2);
        PoolGeometry.requireFloat(op, x);
        if (indices.isFloat() || !indices.shape().equals(x.shape())) {
            throw new ShapeException(op + ": expected int32 indices of the input's shape " + x.shape() + ", got "
                    + indices.dtype().torchName() + " of shape " + indices.shape()
                    + "; hint: pass the indices returned by maxPool2dWithIndices", x.shape(), indices.shape());
        }
        int rank = x.dim(), inH = x.size(rank - 2), inW = x.size(rank - 1);
        int[] size = unpoolSize(op, x.shape(), o, outputSize);
        int outH = size[0], outW = size[1], inPlane = inH * inW, outPlane = outH * outW;
        int[] index = indices.toIntArray();
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= outPlane) {
                throw new IllegalArgumentException(op + ": index " + index[i] + " at flat position " + i
                        + " of the indices lies outside an output plane of " + outH + "x" + outW + " = " + outPlane
                        + " elements (input shape " + x.shape() + "); hint: pass the indices of the matching"
                        + " maxPool2d and, if its input size was not the default, that size as outputSize");
            }
        }
        float[] in = x.contiguousData();
        int planes = PoolGeometry.planes(x.shape(), 2);
        float[] out = new float[planes * outPlane];
        Parallel.forRange(planes, PoolGeometry.grain(inPlane), (from, to) -> {
            for (int plane = from; plane < to; plane++) {
                int base = plane * outPlane;
                for (int i = plane * inPlane, end = i + inPlane; i < end; i++) out[base + index[i]] = in[i];
            }
        });
        int[] shape = x.shape().dims();
        shape[rank - 2] = outH;
        shape[rank - 1] = outW;
        Tensor y = Tensor.wrap(out, Shape.of(shape));
        return Autograd.record(op, y, new Tensor[] {x}, grad -> {
            float[] gy = grad.contiguousData();
            float[] gx = new float[in.length];
            Parallel.forRange(planes, PoolGeometry.grain(inPlane), (from, to) -> {
                for (int plane = from; plane < to; plane++) {
                    int base = plane * outPlane;
                    for (int i = plane * inPlane, end = i + inPlane; i < end; i++) gx[i] = gy[base + index[i]];
                }
            });
            return new Tensor[] {Tensor.wrap(gx, x.shape())};
        });
    }

    /** PyTorch's {@code _unpool_output_size}: the default size, or the given one if within a stride of it. */
    private static int[] unpoolSize(String op, Shape input, PoolOptions o, int[] requested) {
        int rank = input.rank();
        int[] stride = o.stride() == null ? o.kernelSize() : o.stride();
        int[] size = new int[2];
        for (int i = 0; i < 2; i++) {
            size[i] = (input.size(rank - 2 + i) - 1) * PoolOptions.at(stride, i) - 2 * PoolOptions.at(o.padding(), i)
                    + PoolOptions.at(o.kernelSize(), i);
        }
        if (requested == null || requested.length == 0) return size;
        if (requested.length != 2 && requested.length != 4) {
            throw new IllegalArgumentException(op + ": outputSize must hold 2 or 4 values (as PyTorch), got "
                    + Arrays.toString(requested) + " for input shape " + input);
        }
        int[] wanted = Arrays.copyOfRange(requested, requested.length - 2, requested.length);
        for (int i = 0; i < 2; i++) {
            int s = PoolOptions.at(stride, i), min = size[i] - s, max = size[i] + s;
            if (wanted[i] <= min || wanted[i] >= max) {
                throw new IllegalArgumentException(op + ": invalid outputSize " + Arrays.toString(requested)
                        + ": dimension " + i + " must be strictly between " + min + " and " + max + " (input shape "
                        + input + ", default size " + Arrays.toString(size) + ")");
            }
        }
        return wanted;
    }
}
