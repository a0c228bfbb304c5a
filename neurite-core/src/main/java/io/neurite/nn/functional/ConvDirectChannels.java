package io.neurite.nn.functional;

import io.neurite.kernels.DirectConv;

/**
 * The forward and weight gradient of {@link ConvDirect} vectorized over output channels, for channel
 * counts that are multiples of {@link DirectConv#CHANNEL_BLOCK} (LeNet-5's second convolution): only the
 * true output positions are computed (the wide layout computes {@code ws / outW} times more), and the
 * weight gradient needs no horizontal sums. Results are computed position-major ({@code [q, o]}) and
 * transposed into {@code [o, q]}.
 */
final class ConvDirectChannels {

    /** The fewest kernel rows ({@code in channels * kH * kW}) for which the channel path is taken. */
    private static final int MIN_ROWS = 64;

    private ConvDirectChannels() {}

    /**
     * Whether the channel-vectorized path takes this convolution (which {@link ConvDirect} takes): whole
     * channel blocks, and kernel rows enough ({@value #MIN_ROWS}) to pay for the transposes. Measured
     * (batch 64, one thread, forward): 6 to 16 channels 5x5 on 14x14, 150 rows, 667 us against 1166 us on
     * the wide path; 1 to 32 channels 3x3 on 28x28, 9 rows, 2593 us against 2247 us.
     */
    static boolean applies(ConvGeometry g) {
        return g.outChannels() % DirectConv.CHANNEL_BLOCK == 0 && g.colRows() >= MIN_ROWS;
    }

    /** {@code y = conv(x, w) + bias} (bias may be null). */
    static float[] forward(float[] x, float[] w, float[] bias, ConvGeometry g, ConvDirect.Wide s) {
        int outC = g.outChannels(), outV = g.outVolume(), tiles = tiles(outV);
        float[] wt = transpose(w, outC, s.rows());
        int[] base = base(s, tiles), offsets = s.offsets(s.rows());
        float[] y = new float[g.batch() * outC * outV];
        ConvDirect.shareIndices(g.batch(), next -> {
            float[] xb = ConvDirect.buffer(0, s.sampleLength()), yt = ConvDirect.buffer(1, tiles * outC);
            for (int n = next.getAsInt(); n >= 0; n = next.getAsInt()) {
                s.pad(x, n * g.inChannels() * g.inVolume(), g.inChannels(), xb, 0);
                DirectConv.correlateChannels(xb, 0, base, tiles, offsets, s.rows(), wt, outC, yt);
                int at = n * outC * outV;
                for (int o = 0; o < outC; o++) {
                    for (int q = 0; q < outV; q++) y[at + o * outV + q] = yt[q * outC + o];
                }
                if (bias != null) ConvKernels.addBias(y, bias, n, n + 1, outC, outV);
            }
        });
        return y;
    }

    /** The gradient of w given x and dy, in fixed groups of {@link ConvDirect#GROUP} samples added in order. */
    static float[] gradWeight(float[] x, float[] dy, ConvGeometry g, ConvDirect.Wide s) {
        int inC = g.inChannels(), outC = g.outChannels(), rows = s.rows(), outV = g.outVolume();
        int rowsPadded = ConvDirect.padRows(rows), groups = ConvDirect.groups(g.batch());
        int[] base = base(s, outV), offsets = s.offsets(rowsPadded);
        int xSample = s.sampleLength(), dySample = outV * outC, inV = g.inVolume(), group = ConvDirect.GROUP;
        float[][] partial = new float[groups][];
        ConvDirect.shareIndices(groups, next -> {
            float[] xb = ConvDirect.buffer(0, group * xSample), dyt = ConvDirect.buffer(1, group * dySample);
            for (int grp = next.getAsInt(); grp >= 0; grp = next.getAsInt()) {
                int n0 = grp * group, samples = Math.min(group, g.batch() - n0);
                for (int i = 0; i < samples; i++) {
                    s.pad(x, (n0 + i) * inC * inV, inC, xb, i * xSample);
                    int at = (n0 + i) * outC * outV, t = i * dySample;
                    for (int o = 0; o < outC; o++) {
                        for (int q = 0; q < outV; q++) dyt[t + q * outC + o] = dy[at + o * outV + q];
                    }
                }
                partial[grp] = new float[rowsPadded * outC];
                DirectConv.weightGradChannels(xb, xSample, base, outV, offsets, rowsPadded, dyt, dySample, outC,
                        samples, partial[grp]);
            }
        });
        float[] dw = new float[outC * rows];
        for (int o = 0; o < outC; o++) {
            for (int r = 0; r < rows; r++) {
                float sum = partial[0][r * outC + o];
                for (int grp = 1; grp < groups; grp++) sum += partial[grp][r * outC + o];
                dw[o * rows + r] = sum;
            }
        }
        return dw;
    }

    /** Output positions rounded up to whole tiles. */
    private static int tiles(int positions) {
        int t = DirectConv.POSITION_TILE;
        return (positions + t - 1) / t * t;
    }

    /** Where output position q = (oh, ow) starts reading in a padded plane; positions past the true count read 0. */
    private static int[] base(ConvDirect.Wide s, int count) {
        int[] base = new int[count];
        int outV = s.outH() * s.outW();
        for (int q = 0; q < Math.min(count, outV); q++) base[q] = q / s.outW() * s.ws() + q % s.outW();
        return base;
    }

    /** {@code [rows, cols]} of a row-major {@code [cols, rows]} matrix. */
    private static float[] transpose(float[] w, int cols, int rows) {
        float[] t = new float[rows * cols];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) t[r * cols + c] = w[c * rows + r];
        }
        return t;
    }
}
