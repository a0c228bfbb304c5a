package io.neurite.nn.functional;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Shape;
import io.neurite.tensor.Tensor;

/**
 * Resizing by nearest-neighbour or (bi)linear interpolation, as PyTorch's {@code interpolate} on the CPU;
 * use it through {@code F.interpolate} or {@code Upsample}.
 *
 * <p>Per spatial dimension of input size {@code in} and output size {@code out}, with {@code scale}
 * {@code 1 / scaleFactor} when a scale factor was given, else {@code in / out} (all in float32, as
 * PyTorch):
 * <ul>
 *   <li>nearest: output {@code i} copies input {@code min(floor(i * scale), in - 1)} ({@code i} itself
 *       when {@code out == in}, {@code i / 2} when {@code out == 2 in});</li>
 *   <li>linear: source coordinate {@code x = i (in - 1) / (out - 1)} with aligned corners, else
 *       {@code x = max((i + 0.5) scale - 0.5, 0)}; the output mixes inputs {@code floor(x)} and the next
 *       one (clamped) with weights {@code 1 - l} and {@code l = x - floor(x)}; {@code out == in} copies.</li>
 * </ul>
 * Backward adds each output's gradient to the inputs it was taken from, with the same weights.
 */
public final class Resampling {

    private Resampling() {}

    /** Resizes the spatial dimensions of {@code x} (all after the first two) as {@code how} says. */
    public static Tensor interpolate(Tensor x, Interpolation how) {
        String op = "interpolate";
        Shape outputShape = how.outputShape(op, x.shape());
        PoolGeometry.requireFloat(op, x);
        int[] out = java.util.Arrays.copyOfRange(outputShape.dims(), 2, x.dim());
        return how.mode() == Interpolation.Mode.NEAREST ? nearest(op, x, how, out, outputShape)
                : linear(op, x, how, out, outputShape);
    }

    // ---------------------------------------------------------------- nearest

    private static Tensor nearest(String op, Tensor x, Interpolation how, int[] outSizes, Shape outputShape) {
        int dims = outSizes.length;
        int[] in = {1, 1, 1}, out = {1, 1, 1};
        int[][] src = new int[3][];
        for (int i = 0; i < 3; i++) {
            int j = i - (3 - dims);
            if (j >= 0) {
                in[i] = x.size(2 + j);
                out[i] = outSizes[j];
            }
            src[i] = nearestSources(in[i], out[i], j >= 0 ? how.coordinateScale(j) : 0);
        }
        int planes = x.size(0) * x.size(1), inPlane = in[0] * in[1] * in[2], outPlane = out[0] * out[1] * out[2];
        float[] data = x.contiguousData();
        float[] y = new float[planes * outPlane];
        int grain = PoolGeometry.grain(outPlane);
        Parallel.forRange(planes, grain, (from, to) -> nearestSweep(src, in, data, y, inPlane, from, to, false));
        return Autograd.record(op, Tensor.wrap(y, outputShape), new Tensor[] {x}, grad -> {
            float[] gx = new float[data.length];
            float[] gy = grad.contiguousData();
            Parallel.forRange(planes, grain, (from, to) -> nearestSweep(src, in, gx, gy, inPlane, from, to, true));
            return new Tensor[] {Tensor.wrap(gx, x.shape())};
        });
    }

    /** PyTorch's {@code nearest_idx}: the input index each output index copies. */
    static int[] nearestSources(int in, int out, double scaleFactor) {
        int[] src = new int[out];
        float scale = scaleFactor > 0 ? (float) (1.0 / scaleFactor) : (float) in / out;
        for (int i = 0; i < out; i++) {
            src[i] = out == in ? i : out == 2 * in ? i >> 1 : Math.min((int) Math.floor(i * scale), in - 1);
        }
        return src;
    }

    /** Forward copies {@code a[source] -> b}; backward ({@code a} input gradient) adds {@code b -> a[source]}. */
    private static void nearestSweep(int[][] src, int[] in, float[] a, float[] b, int inPlane, int from, int to,
                                     boolean backward) {
        int[] sd = src[0], sh = src[1], sw = src[2];
        int outPlane = sd.length * sh.length * sw.length;
        for (int plane = from; plane < to; plane++) {
            int o = plane * outPlane, base = plane * inPlane;
            for (int d : sd) {
                for (int h : sh) {
                    int row = base + (d * in[1] + h) * in[2];
                    if (backward) {
                        for (int w : sw) a[row + w] += b[o++];
                    } else {
                        for (int w : sw) b[o++] = a[row + w];
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- linear and bilinear

    /** For each output index: the two input indices and their weights. */
    private record LinearTaps(int[] i0, int[] i1, float[] l0, float[] l1) {}

    /** PyTorch's {@code compute_source_index_and_lambda} for every output index, in float32. */
    static LinearTaps linearTaps(int in, int out, boolean alignCorners, double scaleFactor) {
        LinearTaps t = new LinearTaps(new int[out], new int[out], new float[out], new float[out]);
        float scale = alignCorners ? (out > 1 ? (float) (in - 1) / (out - 1) : 0f)
                : scaleFactor > 0 ? (float) (1.0 / scaleFactor) : (float) in / out;
        for (int i = 0; i < out; i++) {
            if (out == in) {
                t.i0[i] = i;
                t.i1[i] = i;
                t.l0[i] = 1f;
                continue;
            }
            float x = alignCorners ? scale * i : Math.max(scale * (i + 0.5f) - 0.5f, 0f);
            int lo = Math.min((int) Math.floor(x), in - 1);
            float lambda = Math.min(Math.max(x - lo, 0f), 1f);
            t.i0[i] = lo;
            t.i1[i] = lo + (lo < in - 1 ? 1 : 0);
            t.l1[i] = lambda;
            t.l0[i] = 1f - lambda;
        }
        return t;
    }

    /**
     * Input rows interpolated along the width, two at a time: consecutive output rows mostly reuse the
     * same input rows, so each is interpolated once. {@code top} and {@code bottom} hold
     * {@code w0 x[r][c0] + w1 x[r][c1]} for the current output row's two input rows.
     */
    private static final class RowCache {
        private final LinearTaps tw;
        private final int inW;
        private final float[] a, b;
        private int keyA, keyB;
        private float[] data;
        private int base;
        float[] top, bottom;

        RowCache(LinearTaps tw, int inW) {
            this.tw = tw;
            this.inW = inW;
            this.a = new float[tw.i0.length];
            this.b = new float[tw.i0.length];
        }

        void reset(float[] data, int base) {
            this.data = data;
            this.base = base;
            keyA = -1;
            keyB = -1;
        }

        /** Makes {@code top} row {@code r0} and {@code bottom} row {@code r1}, keeping whichever is cached. */
        void fetch(int r0, int r1) {
            if (keyA == r0 || (keyB != r0 && keyB == r1)) {
                top = row(true, r0);
                bottom = r1 == r0 ? top : row(false, r1);
            } else {
                top = row(false, r0);
                bottom = r1 == r0 ? top : row(true, r1);
            }
        }

        private float[] row(boolean inA, int r) {
            float[] buf = inA ? a : b;
            if ((inA ? keyA : keyB) != r) {
                int start = base + r * inW;
                for (int ow = 0; ow < buf.length; ow++) {
                    buf[ow] = tw.l0[ow] * data[start + tw.i0[ow]] + tw.l1[ow] * data[start + tw.i1[ow]];
                }
                if (inA) keyA = r; else keyB = r;
            }
            return buf;
        }
    }

    private static Tensor linear(String op, Tensor x, Interpolation how, int[] outSizes, Shape outputShape) {
        boolean twoD = outSizes.length == 2;
        int inH = twoD ? x.size(2) : 1, inW = x.size(-1);
        int outH = twoD ? outSizes[0] : 1, outW = outSizes[outSizes.length - 1];
        LinearTaps th = linearTaps(inH, outH, how.aligned(), twoD ? how.coordinateScale(0) : 0);
        LinearTaps tw = linearTaps(inW, outW, how.aligned(), how.coordinateScale(outSizes.length - 1));
        int planes = x.size(0) * x.size(1), inPlane = inH * inW, outPlane = outH * outW;
        float[] data = x.contiguousData();
        float[] y = new float[planes * outPlane];
        int grain = PoolGeometry.grain(4L * outPlane);
        Parallel.forRange(planes, grain, (from, to) -> {
            RowCache rows = new RowCache(tw, inW);
            for (int plane = from; plane < to; plane++) {
                int base = plane * inPlane, o = plane * outPlane;
                rows.reset(data, base);
                for (int oh = 0; oh < outH; oh++, o += outW) {
                    rows.fetch(th.i0[oh], th.i1[oh]);
                    float[] top = rows.top, bottom = rows.bottom;
                    float h0 = th.l0[oh], h1 = th.l1[oh];
                    for (int ow = 0; ow < outW; ow++) y[o + ow] = h0 * top[ow] + h1 * bottom[ow];
                }
            }
        });
        return Autograd.record(op, Tensor.wrap(y, outputShape), new Tensor[] {x}, grad -> {
            float[] gy = grad.contiguousData();
            float[] gx = new float[data.length];
            Parallel.forRange(planes, grain, (from, to) -> {
                for (int plane = from; plane < to; plane++) {
                    int base = plane * inPlane, o = plane * outPlane;
                    for (int oh = 0; oh < outH; oh++) {
                        int r0 = base + th.i0[oh] * inW, r1 = base + th.i1[oh] * inW;
                        float h0 = th.l0[oh], h1 = th.l1[oh];
                        for (int ow = 0; ow < outW; ow++, o++) {
                            int c0 = tw.i0[ow], c1 = tw.i1[ow];
                            float w0 = tw.l0[ow], w1 = tw.l1[ow], g = gy[o];
                            gx[r0 + c0] += h0 * w0 * g;
                            gx[r0 + c1] += h0 * w1 * g;
                            gx[r1 + c0] += h1 * w0 * g;
                            gx[r1 + c1] += h1 * w1 * g;
                        }
                    }
                }
            });
            return new Tensor[] {Tensor.wrap(gx, x.shape())};
        });
    }
}
