package io.neurite.nn.functional;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;

/**
 * PyTorch's {@code F.pad}: pads (or, with negative sizes, crops) the last dimensions of a tensor. Use
 * it through {@code F.pad}.
 *
 * <p>{@code pads} lists {@code (before, after)} pairs starting from the LAST dimension:
 * {@code (left, right)} pads the last one, {@code (left, right, top, bottom)} the last two. Modes:
 * <ul>
 *   <li>{@code constant}: new elements are {@code value}; any rank, any number of padded dimensions;
 *   <li>{@code reflect}: mirrored without repeating the edge ({@code 2 1 | 0 1 2 3 | 2 1}); each pad
 *       smaller than the dimension;
 *   <li>{@code replicate}: the edge element repeated ({@code 0 0 | 0 1 2 3 | 3 3});
 *   <li>{@code circular}: wrapped around ({@code 2 3 | 0 1 2 3 | 0 1}); each pad at most the dimension.
 * </ul>
 * The last three pad 1, 2 or 3 dimensions of an input with one or two more dimensions (the channel
 * and optional batch), and take no {@code value}.
 *
 * <p>Shapes: each padded dimension goes from {@code L} to {@code L + before + after}.
 */
public final class Padding {

    private Padding() {}

    /** {@code F.pad(input, pads, mode, value)}; see the class comment. */
    public static Tensor pad(Tensor input, int[] pads, String mode, float value) {
        String m = String.valueOf(mode).toLowerCase(Locale.ROOT);
        if (!Arrays.asList("constant", "reflect", "replicate", "circular").contains(m)) {
            throw new IllegalArgumentException("pad: unknown mode '" + mode
                    + "'; expected constant, reflect, replicate or circular");
        }
        int padded = pads.length / 2, rank = input.dim();
        if (pads.length % 2 != 0 || padded > rank) {
            throw new IllegalArgumentException("pad: expected (before, after) pairs for at most " + rank
                    + " dimensions of the input of shape " + input.shape() + ", got pads " + Arrays.toString(pads));
        }
        if (!m.equals("constant")) {
            if (value != 0f) {
                throw new IllegalArgumentException("pad: mode " + m + " takes no value, got value=" + value);
            }
            if (padded > 3 || (rank != padded + 1 && rank != padded + 2)) {
                throw new ShapeException("pad: mode " + m + " pads the last 1, 2 or 3 dimensions of an input with one"
                        + " or two more (channels, batch), got " + padded + " padded dimensions for input shape "
                        + input.shape() + "; hint: mode constant pads any dimensions", input.shape());
            }
        }
        if (!input.isFloat()) {
            throw new IllegalArgumentException("pad: expected a float32 tensor, got " + input.dtype()
                    + "; hint: convert with toFloat()");
        }
        if (padded == 0) return input.clone();
        int[] inDims = input.shape().dims(), outDims = inDims.clone();
        int[][] maps = new int[padded][];
        for (int j = 0; j < padded; j++) {
            int d = rank - 1 - j, before = pads[2 * j], after = pads[2 * j + 1];
            outDims[d] = inDims[d] + before + after;
            checkSize(m, input.shape(), pads, d, before, after, outDims[d]);
            maps[j] = sourceIndices(m, inDims[d], before, after);
        }
        int first = rank - padded;
        float[] out = forward(input.contiguousData(), inDims, outDims, first, maps, value);
        Tensor output = Tensor.wrap(out, Shape.of(outDims));
        return Autograd.record("pad", output, new Tensor[] {input}, gy -> new Tensor[] {
            Tensor.wrap(backward(gy.contiguousData(), inDims, outDims, first, maps), input.shape())});
    }

    private static void checkSize(String mode, Shape shape, int[] pads, int d, int before, int after, int out) {
        int kept = shape.size(d) - Math.max(0, -before) - Math.max(0, -after);
        String problem = null;
        if (out < 0 || kept < 0) {
            problem = "the padded size would be " + out;
        } else if (mode.equals("reflect") && (before >= kept || after >= kept)) {
            problem = "reflect needs each pad < " + kept;
        } else if (mode.equals("circular") && (before > kept || after > kept)) {
            problem = "circular needs each pad <= " + kept;
        } else if (!mode.equals("constant") && kept == 0) {
            problem = mode + " cannot pad an empty dimension";
        }
        if (problem != null) {
            throw new ShapeException("pad: cannot pad dimension " + d + " (size " + shape.size(d) + ") of shape "
                    + shape + " by (" + before + ", " + after + ") in mode " + mode + ": " + problem + "; pads "
                    + Arrays.toString(pads), shape);
        }
    }

    /**
     * For each output index of one dimension, the input index it copies, or -1 for the constant. As in
     * PyTorch, negative pads crop first and the other modes then pad what is left.
     */
    private static int[] sourceIndices(String mode, int in, int before, int after) {
        int lo = Math.max(0, -before), kept = in - lo - Math.max(0, -after);
        int[] map = new int[in + before + after];
        for (int o = 0; o < map.length; o++) {
            int i = o - Math.max(0, before);
            int j = switch (mode) {
                case "reflect" -> i < 0 ? -i : i >= kept ? 2 * (kept - 1) - i : i;
                case "replicate" -> Math.min(kept - 1, Math.max(0, i));
                case "circular" -> Math.floorMod(i, kept);
                default -> i >= 0 && i < kept ? i : -1;
            };
            map[o] = j < 0 ? -1 : lo + j;
        }
        return map;
    }

    private static float[] forward(float[] x, int[] inDims, int[] outDims, int first, int[][] maps, float value) {
        int rowLen = outDims[outDims.length - 1];
        int[] last = maps[0];
        float[] y = new float[numel(outDims)];
        int rows = rowLen == 0 ? 0 : y.length / rowLen;
        Parallel.forRange(rows, Math.max(1, 16384 / Math.max(1, rowLen)), (from, to) -> {
            for (int r = from; r < to; r++) {
                int src = sourceRow(r, inDims, outDims, first, maps);
                int dst = r * rowLen;
                for (int j = 0; j < rowLen; j++) {
                    y[dst + j] = src < 0 || last[j] < 0 ? value : x[src + last[j]];
                }
            }
        });
        return y;
    }

    /** The gradient: each output element's gradient added into the input element it copied. */
    private static float[] backward(float[] dy, int[] inDims, int[] outDims, int first, int[][] maps) {
        int rowLen = outDims[outDims.length - 1];
        int[] last = maps[0];
        float[] dx = new float[numel(inDims)];
        int rows = rowLen == 0 ? 0 : dy.length / rowLen;
        // Output rows of one leading index (dimensions before the padded ones) write only its own input block.
        int leading = numel(Arrays.copyOf(inDims, first)), perLeading = leading == 0 ? 0 : rows / leading;
        Parallel.forRange(leading, Math.max(1, 16384 / Math.max(1, perLeading * rowLen)), (from, to) -> {
            for (int r = from * perLeading; r < to * perLeading; r++) {
                int src = sourceRow(r, inDims, outDims, first, maps);
                if (src < 0) continue;
                int at = r * rowLen;
                for (int j = 0; j < rowLen; j++) {
                    if (last[j] >= 0) dx[src + last[j]] += dy[at + j];
                }
            }
        });
        return dx;
    }

    /** The offset in x of the input row output row {@code r} reads (last dimension excluded), or -1. */
    private static int sourceRow(int r, int[] inDims, int[] outDims, int first, int[][] maps) {
        int rank = outDims.length, offset = 0, scale = inDims[rank - 1];
        for (int d = rank - 2; d >= 0; d--) {
            int index = r % outDims[d];
            r /= outDims[d];
            if (d >= first) {
                index = maps[rank - 1 - d][index];
                if (index < 0) return -1;
            }
            offset += index * scale;
            scale *= inDims[d];
        }
        return offset;
    }

    private static int numel(int[] dims) {
        int n = 1;
        for (int d : dims) n *= d;
        return n;
    }
}
