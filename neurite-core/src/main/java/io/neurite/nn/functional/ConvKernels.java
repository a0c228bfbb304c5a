package io.neurite.nn.functional;

import io.neurite.kernels.Gemm;
import io.neurite.kernels.Parallel;
import java.util.Arrays;

/**
 * Convolution on raw row-major arrays, lowered to {@link Gemm#sgemm} through im2col (Chellapilla,
 * Puri and Simard, "High performance convolutional neural networks for document processing", 2006).
 *
 * <p>Per sample and group, the im2col matrix {@code col} has one row per (input channel, kernel
 * offset) and one column per output position, holding the input element that kernel offset sees
 * there (0 in the padding). Then, with {@code W} the group's {@code [outPerGroup, colRows]} weights:
 * <ul>
 *   <li>forward: {@code y = W col};
 *   <li>gradient of the input: {@code dcol = W^T dy}, scattered back by col2im (which adds);
 *   <li>gradient of the weight: {@code dW = sum over samples of dy col^T}.
 * </ul>
 * Transposed matrices are read in place through sgemm's flags. The matrix is built in blocks of
 * output lines ({@link #BLOCK_FLOATS}). With a 1x1 kernel, stride 1 and no padding, {@code col} is
 * the input itself and no copy is made.
 *
 * <p>Threads: when the batch splits evenly over the threads (or is large), samples run in parallel
 * with one im2col buffer per thread, reused across calls, and each GEMM single-threaded; otherwise
 * samples run one after another and each GEMM uses every thread. Small stride-1 convolutions take the
 * direct path of {@link ConvDirect} instead. The split depends only on the batch
 * size and thread count, so results are deterministic for a given thread count.
 */
final class ConvKernels {

    /**
     * Floats of one im2col block (1 MiB): the matrix is built, multiplied and (backward) scattered in
     * blocks of whole output lines, which keeps it in cache and the GEMM's packed panels small. Measured
     * on a ResNet 3x3 layer (64 channels, 56x56): forward 30% faster than one block per sample.
     */
    static final int BLOCK_FLOATS = 1 << 18;

    /** Parts of the batch whose weight gradients are summed separately, then added in order. */
    private static final int WEIGHT_PARTS = 8;

    /** The im2col buffer of each thread, grown on demand. */
    private static final ThreadLocal<float[][]> COLUMNS = ThreadLocal.withInitial(() -> new float[][] {new float[0]});

    @FunctionalInterface
    private interface ChunkBody {
        void run(int chunk, int from, int to);
    }

    private ConvKernels() {}

    /** {@code y = conv(x, w) + bias}: x is {@code [batch, inChannels, in]}, y {@code [batch, outChannels, out]}. */
    static float[] forward(float[] x, float[] w, float[] bias, ConvGeometry g) {
        if (ConvDirect.applies(g)) return ConvDirect.forward(x, w, bias, g);
        int inV = g.inVolume(), outV = g.outVolume(), rows = g.colRows(), width = g.out()[2];
        int ipg = g.inPerGroup(), opg = g.outPerGroup(), lines = outV / Math.max(1, width), block = blockLines(g);
        float[] y = new float[g.batch() * g.outChannels() * outV];
        forChunks(g.batch(), chunks(g.batch()), (chunk, from, to) -> {
            float[] col = g.pointwise() ? null : columns(rows * block * width);
            for (int n = from; n < to; n++) {
                for (int grp = 0; grp < g.groups(); grp++) {
                    int xOff = (n * g.inChannels() + grp * ipg) * inV;
                    int yOff = (n * g.outChannels() + grp * opg) * outV;
                    if (col == null) {
                        Gemm.sgemm(false, false, opg, outV, rows, 1f, w, grp * opg * rows, rows, x, xOff, outV,
                                0f, y, yOff, outV);
                        continue;
                    }
                    for (int t0 = 0; t0 < lines; t0 += block) {
                        int t1 = Math.min(lines, t0 + block), cols = (t1 - t0) * width;
                        im2col(x, xOff, g, t0, t1, col);
                        Gemm.sgemm(false, false, opg, cols, rows, 1f, w, grp * opg * rows, rows, col, 0, cols,
                                0f, y, yOff + t0 * width, outV);
                    }
                }
            }
            if (bias != null) addBias(y, bias, from, to, g.outChannels(), outV);
        });
        return y;
    }

    /** The gradient of x given dy: {@code col2im(W^T dy)} per sample and group. */
    static float[] gradInput(float[] dy, float[] w, ConvGeometry g) {
        if (ConvDirect.applies(g)) return ConvDirect.gradInput(dy, w, g);
        int inV = g.inVolume(), outV = g.outVolume(), rows = g.colRows(), width = g.out()[2];
        int ipg = g.inPerGroup(), opg = g.outPerGroup(), lines = outV / Math.max(1, width), block = blockLines(g);
        float[] dx = new float[g.batch() * g.inChannels() * inV];
        forChunks(g.batch(), chunks(g.batch()), (chunk, from, to) -> {
            float[] col = g.pointwise() ? null : columns(rows * block * width);
            for (int n = from; n < to; n++) {
                for (int grp = 0; grp < g.groups(); grp++) {
                    int dxOff = (n * g.inChannels() + grp * ipg) * inV;
                    int dyOff = (n * g.outChannels() + grp * opg) * outV;
                    if (col == null) {
                        Gemm.sgemm(true, false, rows, outV, opg, 1f, w, grp * opg * rows, rows, dy, dyOff, outV,
                                0f, dx, dxOff, outV);
                        continue;
                    }
                    for (int t0 = 0; t0 < lines; t0 += block) {
                        int t1 = Math.min(lines, t0 + block), cols = (t1 - t0) * width;
                        Gemm.sgemm(true, false, rows, cols, opg, 1f, w, grp * opg * rows, rows, dy,
                                dyOff + t0 * width, outV, 0f, col, 0, cols);
                        col2im(col, g, t0, t1, dx, dxOff);
                    }
                }
            }
        });
        return dx;
    }

    /**
     * The gradient of w given x and dy: {@code sum_n dy_n col_n^T} per group. The batch is cut into at most
     * {@link #WEIGHT_PARTS} contiguous parts, a split that depends on the batch size only; each part is
     * summed into its own buffer (parts run on the threads), and the buffers are added in part order, so
     * every thread count gives the same bits.
     */
    static float[] gradWeight(float[] x, float[] dy, ConvGeometry g) {
        if (ConvDirect.applies(g)) return ConvDirect.gradWeight(x, dy, g);
        int inV = g.inVolume(), outV = g.outVolume(), rows = g.colRows(), width = g.out()[2];
        int ipg = g.inPerGroup(), opg = g.outPerGroup(), lines = outV / Math.max(1, width), block = blockLines(g);
        int chunks = Math.max(1, Math.min(g.batch(), WEIGHT_PARTS));
        float[][] partial = new float[chunks][];
        forChunks(g.batch(), chunks, (chunk, from, to) -> {
            float[] dw = new float[g.outChannels() * rows];
            float[] col = g.pointwise() ? null : columns(rows * block * width);
            for (int n = from; n < to; n++) {
                for (int grp = 0; grp < g.groups(); grp++) {
                    int xOff = (n * g.inChannels() + grp * ipg) * inV;
                    int dyOff = (n * g.outChannels() + grp * opg) * outV;
                    if (col == null) {
                        Gemm.sgemm(false, true, opg, rows, outV, 1f, dy, dyOff, outV, x, xOff, outV,
                                n == from ? 0f : 1f, dw, grp * opg * rows, rows);
                        continue;
                    }
                    for (int t0 = 0; t0 < lines; t0 += block) {
                        int t1 = Math.min(lines, t0 + block), cols = (t1 - t0) * width;
                        im2col(x, xOff, g, t0, t1, col);
                        Gemm.sgemm(false, true, opg, rows, cols, 1f, dy, dyOff + t0 * width, outV, col, 0, cols,
                                n == from && t0 == 0 ? 0f : 1f, dw, grp * opg * rows, rows);
                    }
                }
            }
            partial[chunk] = dw;
        });
        float[] dw = partial[0];
        for (int c = 1; c < chunks; c++) {
            for (int i = 0; i < dw.length; i++) dw[i] += partial[c][i];
        }
        return dw;
    }

    /** Adds {@code bias[c]} to channel c of samples {@code [from, to)} of y ({@code [batch, channels, volume]}). */
    static void addBias(float[] y, float[] bias, int from, int to, int channels, int volume) {
        for (int n = from; n < to; n++) {
            for (int c = 0; c < channels; c++) {
                int off = (n * channels + c) * volume;
                float b = bias[c];
                for (int i = off; i < off + volume; i++) y[i] += b;
            }
        }
    }

    /**
     * The gradient of a bias: dy ({@code [batch, channels, volume]}) summed per channel. Each (sample,
     * channel) is summed in 4 partials ({@code (s0 + s1) + (s2 + s3)}), samples in parallel; the samples'
     * sums are then added in sample order, so every thread count gives the same bits.
     */
    static float[] gradBias(float[] dy, int batch, int channels, int volume) {
        float[] perSample = new float[batch * channels];
        Parallel.forRange(batch, Math.max(1, (1 << 15) / Math.max(1, channels * volume)), (from, to) -> {
            for (int k = from * channels; k < to * channels; k++) {
                int i = k * volume, end = i + volume;
                float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
                for (; i + 3 < end; i += 4) {
                    s0 += dy[i];
                    s1 += dy[i + 1];
                    s2 += dy[i + 2];
                    s3 += dy[i + 3];
                }
                for (; i < end; i++) s0 += dy[i];
                perSample[k] = (s0 + s1) + (s2 + s3);
            }
        });
        float[] db = new float[channels];
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) db[c] += perSample[n * channels + c];
        }
        return db;
    }

    // ---------------------------------------------------------------- im2col and col2im

    /**
     * Fills {@code col} ({@code [colRows, (t1 - t0) * width]}) from one group of one sample of x at
     * {@code xOff}, for the output lines {@code [t0, t1)} (a line is one (depth, height) position).
     */
    static void im2col(float[] x, int xOff, ConvGeometry g, int t0, int t1, float[] col) {
        int[] in = g.in(), out = g.out(), k = g.kernel(), s = g.stride(), p = g.padBefore(), d = g.dilation();
        int width = out[2], sw = s[2];
        int dst = 0;
        for (int c = 0; c < g.inPerGroup(); c++) {
            for (int kd = 0; kd < k[0]; kd++) {
                for (int kh = 0; kh < k[1]; kh++) {
                    for (int kw = 0; kw < k[2]; kw++) {
                        int shift = kw * d[2] - p[2];
                        int lo = firstInside(shift, sw, in[2], width), hi = endInside(shift, sw, in[2], width, lo);
                        int od = t0 / out[1], oh = t0 % out[1];
                        for (int t = t0; t < t1; t++, dst += width) {
                            int id = od * s[0] - p[0] + kd * d[0], ih = oh * s[1] - p[1] + kh * d[1];
                            if (++oh == out[1]) {
                                oh = 0;
                                od++;
                            }
                            if (id < 0 || id >= in[0] || ih < 0 || ih >= in[1]) {
                                Arrays.fill(col, dst, dst + width, 0f);
                                continue;
                            }
                            int src = xOff + ((c * in[0] + id) * in[1] + ih) * in[2] + shift;
                            if (lo > 0) Arrays.fill(col, dst, dst + lo, 0f);
                            if (sw == 1) {
                                System.arraycopy(x, src + lo, col, dst + lo, hi - lo);
                            } else {
                                for (int ow = lo; ow < hi; ow++) col[dst + ow] = x[src + ow * sw];
                            }
                            if (hi < width) Arrays.fill(col, dst + hi, dst + width, 0f);
                        }
                    }
                }
            }
        }
    }

    /** Adds each element of {@code col} into the element of dx it was read from (the adjoint of im2col). */
    static void col2im(float[] col, ConvGeometry g, int t0, int t1, float[] dx, int dxOff) {
        int[] in = g.in(), out = g.out(), k = g.kernel(), s = g.stride(), p = g.padBefore(), d = g.dilation();
        int width = out[2], sw = s[2];
        int src = 0;
        for (int c = 0; c < g.inPerGroup(); c++) {
            for (int kd = 0; kd < k[0]; kd++) {
                for (int kh = 0; kh < k[1]; kh++) {
                    for (int kw = 0; kw < k[2]; kw++) {
                        int shift = kw * d[2] - p[2];
                        int lo = firstInside(shift, sw, in[2], width), hi = endInside(shift, sw, in[2], width, lo);
                        int od = t0 / out[1], oh = t0 % out[1];
                        for (int t = t0; t < t1; t++, src += width) {
                            int id = od * s[0] - p[0] + kd * d[0], ih = oh * s[1] - p[1] + kh * d[1];
                            if (++oh == out[1]) {
                                oh = 0;
                                od++;
                            }
                            if (id < 0 || id >= in[0] || ih < 0 || ih >= in[1]) continue;
                            int dst = dxOff + ((c * in[0] + id) * in[1] + ih) * in[2] + shift;
                            if (sw == 1) {
                                for (int ow = lo; ow < hi; ow++) dx[dst + ow] += col[src + ow];
                            } else {
                                for (int ow = lo; ow < hi; ow++) dx[dst + ow * sw] += col[src + ow];
                            }
                        }
                    }
                }
            }
        }
    }

    /** The first output column whose input column {@code ow * stride + shift} is >= 0. */
    private static int firstInside(int shift, int stride, int inWidth, int outWidth) {
        return Math.min(outWidth, Math.max(0, ceilDiv(-shift, stride)));
    }

    /** One past the last output column whose input column is < {@code inWidth}. */
    private static int endInside(int shift, int stride, int inWidth, int outWidth, int lo) {
        return Math.max(lo, Math.min(outWidth, ceilDiv(inWidth - shift, stride)));
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    // ---------------------------------------------------------------- threads and buffers

    /** Output lines per im2col block: about {@link #BLOCK_FLOATS} floats of col, at least one line. */
    private static int blockLines(ConvGeometry g) {
        int width = Math.max(1, g.out()[2]), lines = g.outVolume() / width;
        return Math.max(1, Math.min(lines, BLOCK_FLOATS / Math.max(1, g.colRows() * width)));
    }

    /** Batch chunks run in parallel: one per thread when they balance, else 1 (each GEMM then uses the threads). */
    private static int chunks(int batch) {
        int chunks = Parallel.chunks(batch, 1);
        return chunks > 1 && (batch % chunks == 0 || batch >= 4 * chunks) ? chunks : 1;
    }

    /** Runs {@code body} on samples {@code [from, to)} of each of {@code chunks} contiguous chunks. */
    private static void forChunks(int batch, int chunks, ChunkBody body) {
        if (chunks <= 1) {
            body.run(0, 0, batch);
            return;
        }
        Parallel.forRange(chunks, 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) body.run(c, (int) ((long) batch * c / chunks),
                    (int) ((long) batch * (c + 1) / chunks));
        });
    }

    /** This thread's im2col buffer, at least {@code size} floats (contents undefined). */
    private static float[] columns(int size) {
        float[][] holder = COLUMNS.get();
        if (holder[0].length < size) holder[0] = new float[size];
        return holder[0];
    }
}
