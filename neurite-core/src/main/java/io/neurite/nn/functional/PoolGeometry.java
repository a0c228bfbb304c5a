package io.neurite.nn.functional;

import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.Arrays;

/**
 * The windows of a pooling over the last 1 to 3 dimensions of an input, checked and normalized to three
 * pooled dimensions (depth, height, width; missing ones have size 1 and a window of 1). The leading
 * dimensions, batch and channels, are flattened into independent planes.
 *
 * <p>Output size per dimension, as PyTorch's {@code pooling_output_shape}:
 * {@code out = floor_or_ceil((in + 2 pad - dilation (kernel - 1) - 1) / stride) + 1}; with ceil mode the
 * last window must start inside the input or the left padding, else it is dropped.
 */
final class PoolGeometry {

    final Shape inputShape;
    final Shape outputShape;
    final int planes;
    final int inD, inH, inW, outD, outH, outW;
    final int kD, kH, kW, sD, sH, sW, pD, pH, pW, dD, dH, dW;

    private PoolGeometry(Shape input, int planes, int[] in, int[] out, int[] k, int[] s, int[] p, int[] d, int dims) {
        this.inputShape = input;
        this.planes = planes;
        inD = in[0]; inH = in[1]; inW = in[2];
        outD = out[0]; outH = out[1]; outW = out[2];
        kD = k[0]; kH = k[1]; kW = k[2];
        sD = s[0]; sH = s[1]; sW = s[2];
        pD = p[0]; pH = p[1]; pW = p[2];
        dD = d[0]; dH = d[1]; dW = d[2];
        int[] shape = input.dims();
        for (int i = 0; i < dims; i++) shape[shape.length - dims + i] = out[3 - dims + i];
        this.outputShape = Shape.of(shape);
    }

    int inPlane() {
        return inD * inH * inW;
    }

    int outPlane() {
        return outD * outH * outW;
    }

    /** Checks {@code input} and {@code o} for a pooling over {@code dims} dimensions named {@code op}. */
    static PoolGeometry of(String op, Shape input, PoolOptions o, int dims) {
        checkOptions(op, o, dims, input);
        checkInput(op, input, dims);
        int[] in = {1, 1, 1}, out = {1, 1, 1}, k = {1, 1, 1}, s = {1, 1, 1}, p = {0, 0, 0}, d = {1, 1, 1};
        int rank = input.rank();
        for (int i = 0; i < dims; i++) {
            int j = 3 - dims + i;
            in[j] = input.size(rank - dims + i);
            k[j] = PoolOptions.at(o.kernelSize(), i);
            s[j] = PoolOptions.at(o.stride() == null ? o.kernelSize() : o.stride(), i);
            p[j] = PoolOptions.at(o.padding(), i);
            d[j] = PoolOptions.at(o.dilation(), i);
            out[j] = outputSize(in[j], k[j], s[j], p[j], d[j], o.ceilMode());
        }
        for (int i = 0; i < dims; i++) {
            if (out[3 - dims + i] < 1) {
                int[] sizes = Arrays.copyOfRange(out, 3 - dims, 3);
                throw new ShapeException(op + ": the window does not fit the padded input: kernel_size="
                        + tuple(k, dims) + ", dilation=" + tuple(d, dims) + ", padding=" + tuple(p, dims)
                        + " over input shape " + input + " give output size " + Arrays.toString(sizes)
                        + "; hint: use a smaller kernel, or pad the input (padding at most kernel_size / 2)", input);
            }
        }
        return new PoolGeometry(input, planes(input, dims), in, out, k, s, p, d, dims);
    }

    /** PyTorch's {@code pooling_output_shape} for one dimension (may be below 1: the caller checks). */
    static int outputSize(int in, int k, int s, int p, int d, boolean ceil) {
        int span = in + 2 * p - d * (k - 1) - 1 + (ceil ? s - 1 : 0);
        int out = Math.floorDiv(span, s) + 1;
        if (ceil && (long) (out - 1) * s >= in + p) out--;
        return out;
    }

    /** Fails unless {@code input} is an unbatched or batched input of {@code dims} non-empty pooled dimensions. */
    static void checkInput(String op, Shape input, int dims) {
        int rank = input.rank();
        if (rank != dims + 1 && rank != dims + 2) {
            throw new ShapeException(op + ": expected a " + (dims + 1) + "-D " + layout(dims, false) + " or "
                    + (dims + 2) + "-D " + layout(dims, true) + " input, got shape " + input
                    + "; hint: pool over the last " + dims + " dimension" + (dims > 1 ? "s" : "")
                    + (rank < dims + 1 ? ", after adding a channel dimension with unsqueeze(0)" : ""), input);
        }
        for (int i = rank - dims; i < rank; i++) {
            if (input.size(i) == 0) {
                throw new ShapeException(op + ": expected non-empty pooled dimensions, got shape " + input, input);
            }
        }
    }

    /** Fails unless each size has 1 or {@code dims} values and padding is at most half the kernel. */
    static void checkOptions(String op, PoolOptions o, int dims, Shape input) {
        String where = input == null ? "" : " (input shape " + input + ")";
        checkLengths(op, o, dims, where);
        for (int i = 0; i < dims; i++) {
            if (PoolOptions.at(o.padding(), i) > PoolOptions.at(o.kernelSize(), i) / 2) {
                throw new IllegalArgumentException(op + ": padding=" + sizes(o.padding())
                        + " must be at most half of kernel_size=" + sizes(o.kernelSize()) + where
                        + "; hint: use padding <= kernel_size / 2, or pad the input first");
            }
        }
    }

    /** Fails unless each size of {@code o} has 1 or {@code dims} values. */
    static void checkLengths(String op, PoolOptions o, int dims, String where) {
        String[] names = {"kernelSize", "stride", "padding", "dilation"};
        int[][] values = {o.kernelSize(), o.stride(), o.padding(), o.dilation()};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && values[i].length != 1 && values[i].length != dims) {
                throw new IllegalArgumentException(op + ": " + names[i] + " has " + values[i].length + " values "
                        + Arrays.toString(values[i]) + ", expected 1 or " + dims + where);
            }
        }
    }

    /** The number of planes: the product of the dimensions before the pooled ones. */
    static int planes(Shape input, int dims) {
        int n = 1;
        for (int i = 0; i < input.rank() - dims; i++) n *= input.size(i);
        return n;
    }

    static String layout(int dims, boolean batched) {
        String spatial = switch (dims) {
            case 1 -> "L";
            case 2 -> "H, W";
            default -> "D, H, W";
        };
        return (batched ? "(N, C, " : "(C, ") + spatial + ")";
    }

    /** The last {@code dims} of the normalized values, e.g. {@code (2, 3)}. */
    private static String tuple(int[] normalized, int dims) {
        return sizes(Arrays.copyOfRange(normalized, 3 - dims, 3));
    }

    /** A size as the user gave it: {@code 3} for one value, {@code (2, 3)} for several. */
    static String sizes(int[] values) {
        if (values.length == 1) return Integer.toString(values[0]);
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) sb.append(i > 0 ? ", " : "").append(values[i]);
        return sb.append(")").toString();
    }

    /** Fails unless {@code x} is a float32 tensor, naming {@code op}. */
    static void requireFloat(String op, Tensor x) {
        if (!x.isFloat()) {
            throw new IllegalArgumentException(op + ": expected a float32 input, got " + x.dtype().torchName()
                    + " of shape " + x.shape() + "; hint: convert with toFloat()");
        }
    }

    /** Planes per parallel task when each plane costs about {@code work} element operations. */
    static int grain(long work) {
        return (int) Math.max(1, (1 << 15) / Math.max(1, work));
    }
}
