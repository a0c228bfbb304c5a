package io.neurite.kernels;

/**
 * Direct 2-D correlation kernels for stride 1 on "wide" planes, the building blocks of the convolution
 * of small channel counts (LeNet-5's layers), where im2col + GEMM spends more time copying and packing
 * than multiplying.
 *
 * <p>Wide layout: a plane of height H is stored with a row stride {@code ws} at least its width, so
 * output position {@code p = oh * ws + ow} of a K_h x K_w correlation reads input element
 * {@code p + kh * ws + kw}: one contiguous run per kernel offset, for every output row at once. Columns
 * {@code ow} past the true output width hold values the caller ignores (forward) or must be 0 (the
 * {@code dy} of {@link #weightGrad}). The {@code rows} of a kernel are its (input channel, kh, kw)
 * offsets, given as {@code offsets[r] = c * inPlane + kh * ws + kw}.
 *
 * <p>The channel-vectorized kernels ({@link #correlateChannels}, {@link #weightGradChannels}) read the
 * same offsets from a list of output positions instead, and keep channels in the vector lanes; the input
 * gradient is {@link #gradColumns} ({@code W^T dy}) then {@link #addRuns} (col2im on wide planes).
 *
 * <p>Order: each output of {@link #correlate}, {@link #correlateChannels} and {@link #gradColumns} is one
 * fused multiply-add chain over its reduction index in order, from 0; so is each result of
 * {@link #weightGradChannels} (samples, then positions). Each result of {@link #weightGrad} is {@value #LANES} partial chains (position p into partial
 * {@code p % 8}, samples in order, positions in order), the partials then added as
 * {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))}. The vector path (when
 * {@link VectorSupport#enabled()}) and the scalar path here follow that order: identical bits.
 */
public final class DirectConv {

    /** Partial sums of {@link #weightGrad}: the lanes of one 256-bit vector. */
    public static final int LANES = 8;
    /** {@link #correlate} computes positions in tiles of this many (6 vectors). */
    public static final int TILE = 6 * LANES;
    /** {@link #weightGrad} and {@link #weightGradChannels} take kernel rows in blocks of this many. */
    public static final int ROW_BLOCK = 6;
    /** The channel-vectorized kernels take output channels in blocks of this many (two vectors). */
    public static final int CHANNEL_BLOCK = 2 * LANES;
    /** {@link #gradColumns} computes columns in tiles of this many (two vectors). */
    public static final int COLUMN_TILE = 2 * LANES;
    /** {@link #correlateChannels} computes positions in tiles of this many. */
    public static final int POSITION_TILE = 6;

    private DirectConv() {}

    /**
     * {@code y[yOff + o * yPlane + p] = sum_r w[o * rows + r] * x[xOff + offsets[r] + p]} for an even
     * number of output channels o and positions {@code p < positions}, a multiple of {@link #TILE}.
     * Every index read must lie in x.
     */
    public static void correlate(float[] x, int xOff, int[] offsets, int rows, float[] w, int outChannels,
                                 float[] y, int yOff, int yPlane, int positions) {
        if (VectorSupport.enabled()) {
            DirectConvVector.correlate(x, xOff, offsets, rows, w, outChannels, y, yOff, yPlane, positions);
        } else {
            correlateScalar(x, xOff, offsets, rows, w, outChannels, y, yOff, yPlane, positions);
        }
    }

    /**
     * {@code dw[o * rowsPadded + r] = sum_{s < samples} sum_{p < positions} dy[dyOff + s * dySample + o * dyPlane + p]
     * * x[xOff + s * xSample + offsets[r] + p]} for an even number of output channels o and every
     * {@code r < rowsPadded}, a multiple of {@link #ROW_BLOCK} (offsets of padding rows may be any readable
     * index). Positions are a multiple of {@link #LANES}.
     */
    public static void weightGrad(float[] x, int xOff, int xSample, int[] offsets, int rowsPadded, float[] dy,
                                  int dyOff, int dySample, int dyPlane, int outChannels, int samples, int positions,
                                  float[] dw) {
        if (VectorSupport.enabled()) {
            DirectConvVector.weightGrad(x, xOff, xSample, offsets, rowsPadded, dy, dyOff, dySample, dyPlane,
                    outChannels, samples, positions, dw);
        } else {
            weightGradScalar(x, xOff, xSample, offsets, rowsPadded, dy, dyOff, dySample, dyPlane, outChannels,
                    samples, positions, dw);
        }
    }

    /**
     * Channel-vectorized correlation, for output channel counts that are multiples of {@link #CHANNEL_BLOCK}:
     * {@code y[q * outChannels + o] = sum_r wt[r * outChannels + o] * x[xOff + base[q] + offsets[r]]} for
     * {@code q < positions}, a multiple of {@link #POSITION_TILE}. The weights are transposed
     * ({@code [rows, outChannels]}) and so is the result ({@code [positions, outChannels]}). Each output is
     * one fused multiply-add chain over r in order, from 0.
     */
    public static void correlateChannels(float[] x, int xOff, int[] base, int positions, int[] offsets, int rows,
                                         float[] wt, int outChannels, float[] y) {
        if (VectorSupport.enabled()) {
            DirectConvVector.correlateChannels(x, xOff, base, positions, offsets, rows, wt, outChannels, y);
        } else {
            correlateChannelsScalar(x, xOff, base, positions, offsets, rows, wt, outChannels, y);
        }
    }

    static void correlateChannelsScalar(float[] x, int xOff, int[] base, int positions, int[] offsets, int rows,
                                        float[] wt, int outChannels, float[] y) {
        for (int q = 0; q < positions; q++) {
            for (int o = 0; o < outChannels; o++) {
                float acc = 0f;
                for (int r = 0; r < rows; r++) {
                    acc = Math.fma(x[xOff + base[q] + offsets[r]], wt[r * outChannels + o], acc);
                }
                y[q * outChannels + o] = acc;
            }
        }
    }

    /**
     * The weight gradient of {@link #correlateChannels}, transposed: {@code dwt[r * outChannels + o] =
     * sum_{s < samples} sum_{q < positions} dyt[s * dySample + q * outChannels + o]
     * * x[s * xSample + base[q] + offsets[r]]} for {@code r < rowsPadded}, a multiple of {@link #ROW_BLOCK}
     * (padding rows may read any index). Each result is one fused multiply-add chain, samples then positions in
     * order, from 0.
     */
    public static void weightGradChannels(float[] x, int xSample, int[] base, int positions, int[] offsets,
                                          int rowsPadded, float[] dyt, int dySample, int outChannels, int samples,
                                          float[] dwt) {
        if (VectorSupport.enabled()) {
            DirectConvVector.weightGradChannels(x, xSample, base, positions, offsets, rowsPadded, dyt, dySample,
                    outChannels, samples, dwt);
        } else {
            weightGradChannelsScalar(x, xSample, base, positions, offsets, rowsPadded, dyt, dySample, outChannels,
                    samples, dwt);
        }
    }

    static void weightGradChannelsScalar(float[] x, int xSample, int[] base, int positions, int[] offsets,
                                         int rowsPadded, float[] dyt, int dySample, int outChannels, int samples,
                                         float[] dwt) {
        for (int r = 0; r < rowsPadded; r++) {
            for (int o = 0; o < outChannels; o++) {
                float acc = 0f;
                for (int s = 0; s < samples; s++) {
                    for (int q = 0; q < positions; q++) {
                        float dy = dyt[s * dySample + q * outChannels + o];
                        acc = Math.fma(x[s * xSample + base[q] + offsets[r]], dy, acc);
                    }
                }
                dwt[r * outChannels + o] = acc;
            }
        }
    }

    /**
     * The columns of an input gradient, {@code col[r * cols + q] = sum_o w[o * rows + r] * dy[dyOff + o * dyPlane + q]}
     * for {@code r < rows}, a multiple of {@link #ROW_BLOCK}, and {@code q < cols}, a multiple of
     * {@link #COLUMN_TILE}: {@code W^T dy}, which
     * col2im scatters back. Each result is one fused multiply-add chain over o in order, from 0.
     */
    public static void gradColumns(float[] w, int rows, int outChannels, float[] dy, int dyOff, int dyPlane,
                                   float[] col, int cols) {
        if (VectorSupport.enabled()) {
            DirectConvVector.gradColumns(w, rows, outChannels, dy, dyOff, dyPlane, col, cols);
        } else {
            gradColumnsScalar(w, rows, outChannels, dy, dyOff, dyPlane, col, cols);
        }
    }

    static void gradColumnsScalar(float[] w, int rows, int outChannels, float[] dy, int dyOff, int dyPlane,
                                  float[] col, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                float acc = 0f;
                for (int o = 0; o < outChannels; o++) {
                    acc = Math.fma(dy[dyOff + o * dyPlane + q], w[o * rows + r], acc);
                }
                col[r * cols + q] = acc;
            }
        }
    }

    /**
     * col2im on wide planes: {@code dst[offsets[r] + t] += col[r * cols + t]} for {@code r < rows} and
     * {@code t < run}, where the rows come in groups of {@code width} kernel columns
     * ({@code offsets[g * width + b] = offsets[g * width] + b}). Order: per group and destination element,
     * the group's terms are summed in column order (starting from the first), then added to dst; groups in
     * order. Summing a group first means one store per element and group, not one per row.
     */
    public static void addRuns(float[] col, int cols, int[] offsets, int rows, int width, int run, float[] dst) {
        if (VectorSupport.enabled()) {
            DirectConvVector.addRuns(col, cols, offsets, rows, width, run, dst);
        } else {
            addRunsScalar(col, cols, offsets, rows, width, run, dst);
        }
    }

    static void addRunsScalar(float[] col, int cols, int[] offsets, int rows, int width, int run, float[] dst) {
        for (int r = 0; r < rows; r += width) {
            for (int u = 0; u < run + width - 1; u++) addGroupSum(col, cols, r, width, run, u, dst, offsets[r]);
        }
    }

    /** {@code dst[d + u] += sum_b col[(r + b) * cols + u - b]} over the b with {@code 0 <= u - b < run}. */
    static void addGroupSum(float[] col, int cols, int r, int width, int run, int u, float[] dst, int d) {
        float sum = 0f;
        boolean any = false;
        for (int b = 0; b < width; b++) {
            int t = u - b;
            if (t < 0 || t >= run) continue;
            float v = col[(r + b) * cols + t];
            sum = any ? sum + v : v;
            any = true;
        }
        if (any) dst[d + u] += sum;
    }

    static void correlateScalar(float[] x, int xOff, int[] offsets, int rows, float[] w, int outChannels,
                                float[] y, int yOff, int yPlane, int positions) {
        for (int o = 0; o < outChannels; o++) {
            for (int p = 0; p < positions; p++) {
                float acc = 0f;
                for (int r = 0; r < rows; r++) acc = Math.fma(x[xOff + offsets[r] + p], w[o * rows + r], acc);
                y[yOff + o * yPlane + p] = acc;
            }
        }
    }

    static void weightGradScalar(float[] x, int xOff, int xSample, int[] offsets, int rowsPadded, float[] dy,
                                 int dyOff, int dySample, int dyPlane, int outChannels, int samples, int positions,
                                 float[] dw) {
        float[] lanes = new float[LANES];
        for (int o = 0; o < outChannels; o++) {
            for (int r = 0; r < rowsPadded; r++) {
                java.util.Arrays.fill(lanes, 0f);
                for (int s = 0; s < samples; s++) {
                    int xs = xOff + s * xSample + offsets[r], ds = dyOff + s * dySample + o * dyPlane;
                    for (int p = 0; p < positions; p++) {
                        lanes[p % LANES] = Math.fma(x[xs + p], dy[ds + p], lanes[p % LANES]);
                    }
                }
                dw[o * rowsPadded + r] = total(lanes);
            }
        }
    }

    /** The fixed-order sum of 8 partials. */
    static float total(float[] s) {
        return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    }
}
