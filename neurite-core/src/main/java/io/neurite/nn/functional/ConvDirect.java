package io.neurite.nn.functional;

import io.neurite.kernels.DirectConv;
import io.neurite.kernels.Parallel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Direct convolution for stride 1, no dilation, one group and few channels (LeNet-5's layers), on the
 * wide planes of {@link DirectConv}: each sample's input is copied once into a zero-padded plane of row
 * stride {@code ws = outW + kW - 1}, so no im2col matrix is built and no GEMM packs it.
 * <ul>
 *   <li>forward: {@code y = correlate(pad(x), w) + bias};
 *   <li>gradient of the input: the columns {@code W^T dy} of each sample scattered back (col2im), the
 *       product computed by {@link DirectConv#gradColumns} without packing;
 *   <li>gradient of the weight: {@code dw[o, c, a, b] = sum_n sum_p dy[n, o, p] pad(x)[n, c, p + a ws + b]},
 *       with dy on wide planes (0 in the columns past outW), in fixed groups of {@link #GROUP} samples
 *       whose results are added in group order.
 * </ul>
 * Samples (and groups) are shared out to the threads one at a time ({@link #shareIndices}); every
 * schedule gives the same bits, since each sample's (group's) result is computed alone and groups are
 * added in a fixed order.
 */
final class ConvDirect {

    /** Samples whose weight gradients one accumulator chain covers; fixed, so the sum order never changes. */
    static final int GROUP = 4;
    /**
     * The fewest and most kernel rows ({@code in channels * kH * kW}), and the most channels, the direct
     * path takes. Below 16 rows im2col is cheap and the GEMM's long tiles win (batch 64, one thread, 1 to 32
     * channels 3x3 on 28x28, 9 rows: forward 1785 us with im2col, 2247 us direct; LeNet's 1 to 6 channels
     * 5x5, 25 rows: 1275 us with im2col, 590 us direct).
     */
    private static final int MIN_ROWS = 16, MAX_ROWS = 512, MAX_CHANNELS = 64;

    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[3][0]);

    private ConvDirect() {}

    /** Whether this convolution takes the direct path. */
    static boolean applies(ConvGeometry g) {
        int[] k = g.kernel();
        boolean shape = g.groups() == 1 && g.in()[0] == 1 && k[0] == 1 && !g.pointwise() && g.batch() > 0;
        for (int d = 0; d < 3; d++) shape &= g.stride()[d] == 1 && g.dilation()[d] == 1;
        int rows = g.kernelVolume() * Math.max(g.inChannels(), g.outChannels());
        return shape && g.colRows() >= MIN_ROWS && rows <= MAX_ROWS && g.inChannels() <= MAX_CHANNELS
                && g.outChannels() <= MAX_CHANNELS;
    }

    /** {@code y = conv(x, w) + bias} (bias may be null). */
    static float[] forward(float[] x, float[] w, float[] bias, ConvGeometry g) {
        Wide s = Wide.of(g);
        if (ConvDirectChannels.applies(g)) return ConvDirectChannels.forward(x, w, bias, g, s);
        int outC = g.outChannels(), outV = g.outVolume(), even = even(outC);
        float[] wE = outC == even ? w : Arrays.copyOf(w, even * s.rows);
        int[] offsets = s.offsets(s.rows);
        float[] y = new float[g.batch() * outC * outV];
        shareIndices(g.batch(), next -> {
            float[] xb = buffer(0, s.sampleLength), yb = buffer(1, even * s.positions);
            for (int n = next.getAsInt(); n >= 0; n = next.getAsInt()) {
                s.pad(x, n * g.inChannels() * g.inVolume(), g.inChannels(), xb, 0);
                DirectConv.correlate(xb, 0, offsets, s.rows, wE, even, yb, 0, s.positions, s.positions);
                s.unwide(yb, s.positions, outC, y, n * outC * outV);
                if (bias != null) ConvKernels.addBias(y, bias, n, n + 1, outC, outV);
            }
        });
        return y;
    }

    /**
     * The gradient of x given dy: the columns {@code W^T dy} of each sample ({@code [C kH kW, outH ws]}, from
     * dy on wide planes), each added back into the zero-padded input planes at the element it multiplied:
     * row {@code (c, a, b)} is one contiguous run at {@code c * plane + a * ws + b} (col2im on wide planes).
     * The padding is then dropped.
     */
    static float[] gradInput(float[] dy, float[] w, ConvGeometry g) {
        Wide s = Wide.of(g);
        int inC = g.inChannels(), outC = g.outChannels(), rows = s.rows(), inV = g.inVolume(), outV = g.outVolume();
        int run = s.outH() * s.ws(), cols = (run + DirectConv.COLUMN_TILE - 1) / DirectConv.COLUMN_TILE
                * DirectConv.COLUMN_TILE;
        int[] offsets = s.offsets(rows);
        int rowsPadded = padRows(rows);
        float[] wP = rows == rowsPadded ? w : new float[outC * rowsPadded];
        for (int o = 0; o < outC && wP != w; o++) System.arraycopy(w, o * rows, wP, o * rowsPadded, rows);
        float[] dx = new float[g.batch() * inC * inV];
        shareIndices(g.batch(), next -> {
            float[] db = buffer(0, outC * cols), col = buffer(1, rowsPadded * cols), pad = buffer(2, s.sampleLength());
            for (int n = next.getAsInt(); n >= 0; n = next.getAsInt()) {
                Arrays.fill(db, 0, outC * cols, 0f);
                s.wide(dy, n * outC * outV, outC, db, 0, cols);
                DirectConv.gradColumns(wP, rowsPadded, outC, db, 0, cols, col, cols);
                Arrays.fill(pad, 0, s.sampleLength(), 0f);
                DirectConv.addRuns(col, cols, offsets, rows, s.kw(), run, pad);
                s.unpad(pad, dx, n * inC * inV);
            }
        });
        return dx;
    }

    /** The gradient of w given x and dy, summed over the batch in fixed groups of samples. */
    static float[] gradWeight(float[] x, float[] dy, ConvGeometry g) {
        Wide s = Wide.of(g);
        if (ConvDirectChannels.applies(g)) return ConvDirectChannels.gradWeight(x, dy, g, s);
        int inC = g.inChannels(), outC = g.outChannels(), even = even(outC), rows = s.rows;
        int rowsPadded = padRows(rows);
        int positions = (g.out()[1] * s.ws + DirectConv.LANES - 1) / DirectConv.LANES * DirectConv.LANES;
        int[] offsets = s.offsets(rowsPadded);
        int inV = g.inVolume(), outV = g.outVolume(), groups = groups(g.batch());
        int xSample = s.sampleLength, dySample = even * positions;
        float[][] partial = new float[groups][];
        shareIndices(groups, next -> {
            float[] xb = buffer(0, GROUP * xSample), db = buffer(1, GROUP * dySample);
            for (int grp = next.getAsInt(); grp >= 0; grp = next.getAsInt()) {
                int n0 = grp * GROUP, samples = Math.min(GROUP, g.batch() - n0);
                Arrays.fill(db, 0, samples * dySample, 0f);
                for (int i = 0; i < samples; i++) {
                    s.pad(x, (n0 + i) * inC * inV, inC, xb, i * xSample);
                    s.wide(dy, (n0 + i) * outC * outV, outC, db, i * dySample, positions);
                }
                partial[grp] = new float[even * rowsPadded];
                DirectConv.weightGrad(xb, 0, xSample, offsets, rowsPadded, db, 0, dySample, positions, even, samples,
                        positions, partial[grp]);
            }
        });
        float[] dw = new float[outC * rows];
        for (int o = 0; o < outC; o++) {
            for (int r = 0; r < rows; r++) {
                float sum = partial[0][o * rowsPadded + r];
                for (int grp = 1; grp < groups; grp++) sum += partial[grp][o * rowsPadded + r];
                dw[o * rows + r] = sum;
            }
        }
        return dw;
    }

    /**
     * Runs {@code body} on every thread (the caller too), the threads taking the indices {@code [0, count)}
     * one at a time from {@code next} (-1 when none is left): a thread that starts late, as on a busy
     * machine, takes fewer instead of holding the others up. Each index's result depends on the index
     * only, so every schedule gives the same bits.
     */
    static void shareIndices(int count, Consumer<IntSupplier> body) {
        AtomicInteger taken = new AtomicInteger();
        IntSupplier next = () -> {
            int n = taken.getAndIncrement();
            return n < count ? n : -1;
        };
        Parallel.forRange(Math.min(count, Parallel.threads()), 1, (from, to) -> {
            for (int t = from; t < to; t++) body.accept(next);
        });
    }

    /** Kernel rows rounded up to whole blocks of {@link DirectConv#ROW_BLOCK}. */
    static int padRows(int rows) {
        return (rows + DirectConv.ROW_BLOCK - 1) / DirectConv.ROW_BLOCK * DirectConv.ROW_BLOCK;
    }

    /** Groups of {@link #GROUP} samples in a batch. */
    static int groups(int batch) {
        return (batch + GROUP - 1) / GROUP;
    }

    private static int even(int n) {
        return n + (n & 1);
    }

    /** This thread's buffer {@code slot}, at least {@code size} floats (contents undefined). */
    static float[] buffer(int slot, int size) {
        float[][] held = BUFFERS.get();
        if (held[slot].length < size) held[slot] = new float[size];
        return held[slot];
    }

    /**
     * The wide layout of one correlation: {@code channels} input planes {@code h x w} placed at
     * ({@code ph}, {@code pw}) in zero planes of {@code hs x ws}, {@code hs = outH + kh - 1},
     * {@code ws = outW + kw - 1}; outputs {@code outH x outW} at row stride ws.
     */
    record Wide(int channels, int h, int w, int outH, int outW, int kh, int kw, int ph, int pw, int ws,
                        int plane, int rows, int positions, int sampleLength) {

        Wide(int channels, int h, int w, int outH, int outW, int kh, int kw, int ph, int pw) {
            this(channels, h, w, outH, outW, kh, kw, ph, pw, outW + kw - 1, (outH + kh - 1) * (outW + kw - 1),
                    channels * kh * kw, tiles(outH * (outW + kw - 1)),
                    (channels - 1) * (outH + kh - 1) * (outW + kw - 1) + (kh - 1) * (outW + kw - 1) + kw
                            + tiles(outH * (outW + kw - 1)));
        }

        static Wide of(ConvGeometry g) {
            return new Wide(g.inChannels(), g.in()[1], g.in()[2], g.out()[1], g.out()[2], g.kernel()[1],
                    g.kernel()[2], g.padBefore()[1], g.padBefore()[2]);
        }

        private static int tiles(int n) {
            return (n + DirectConv.TILE - 1) / DirectConv.TILE * DirectConv.TILE;
        }

        /** Kernel row r = (c, a, b) reads at {@code c * plane + a * ws + b}; rows past {@code rows} read at 0. */
        int[] offsets(int count) {
            int[] off = new int[count];
            for (int r = 0; r < rows; r++) off[r] = r / (kh * kw) * plane + r % (kh * kw) / kw * ws + r % kw;
            return off;
        }

        /** Zero-pads one sample ({@code channels} planes h x w at {@code src}) into {@code dst} at {@code at}. */
        void pad(float[] src, int from, int count, float[] dst, int at) {
            Arrays.fill(dst, at, at + sampleLength, 0f);
            for (int c = 0; c < count; c++) {
                for (int i = 0; i < h; i++) {
                    System.arraycopy(src, from + (c * h + i) * w, dst, at + c * plane + (i + ph) * ws + pw, w);
                }
            }
        }

        /** The inverse of {@link #pad}: the h x w interiors of the {@code channels} padded planes into dst at {@code at}. */
        void unpad(float[] src, float[] dst, int at) {
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < h; i++) {
                    System.arraycopy(src, c * plane + (i + ph) * ws + pw, dst, at + (c * h + i) * w, w);
                }
            }
        }

        /** Copies {@code count} planes outH x outW into wide planes of {@code stride} floats (columns past outW stay 0). */
        void wide(float[] src, int from, int count, float[] dst, int at, int stride) {
            for (int c = 0; c < count; c++) {
                for (int i = 0; i < outH; i++) {
                    System.arraycopy(src, from + (c * outH + i) * outW, dst, at + c * stride + i * ws, outW);
                }
            }
        }

        /** The inverse of {@link #wide}. */
        void unwide(float[] src, int stride, int count, float[] dst, int at) {
            for (int c = 0; c < count; c++) {
                for (int i = 0; i < outH; i++) {
                    System.arraycopy(src, c * stride + i * ws, dst, at + (c * outH + i) * outW, outW);
                }
            }
        }
    }
}
