package io.neurite.nn.functional;

import io.neurite.kernels.VectorSupport;

/**
 * Max pooling with 2x2 windows, stride 2, no padding or dilation (LeNet's and VGG's pooling): the
 * general loop of {@link MaxPooling} without its window bookkeeping. Same rules: a NaN wins (the last
 * NaN in window order), among equal values the first in window order wins, the index is the row-major
 * position within the plane.
 */
final class MaxPool2x2 {

    private MaxPool2x2() {}

    /** Whether {@code g} pools 2-D planes in 2x2 windows at stride 2 that all lie inside the input. */
    static boolean applies(PoolGeometry g) {
        return g.inD == 1 && g.kD == 1 && g.kH == 2 && g.kW == 2 && g.sH == 2 && g.sW == 2 && g.pH == 0 && g.pW == 0
                && g.dH == 1 && g.dW == 1 && 2 * g.outH <= g.inH && 2 * g.outW <= g.inW;
    }

    /** Pools planes {@code [from, to)} of x into y, and the indices into {@code index} when it is not null. */
    static void forward(PoolGeometry g, float[] x, float[] y, int[] index, int from, int to) {
        int inW = g.inW, outH = g.outH, outW = g.outW, inPlane = g.inPlane(), outPlane = g.outPlane();
        for (int plane = from; plane < to; plane++) {
            int base = plane * inPlane;
            for (int oh = 0; oh < outH; oh++) {
                int o = plane * outPlane + oh * outW, row = 2 * oh * inW;
                if (VectorSupport.enabled()) {
                    MaxPool2x2Vector.row(x, base + row, inW, y, index, o, row, outW);
                } else {
                    row(x, base + row, inW, y, index, o, row, outW);
                }
            }
        }
    }

    /**
     * Pools one output row: input rows at {@code x[r0, r0 + 2 outW)} and {@code x[r0 + inW, ...)}, outputs at
     * {@code y[o, o + outW)}, indices (when not null) {@code rel + } the position in the row pair.
     */
    static void row(float[] x, int r0, int inW, float[] y, int[] index, int o, int rel, int outW) {
        for (int ow = 0; ow < outW; ow++) {
            int i = 2 * ow, j = i + inW;
            float max = x[r0 + i], b = x[r0 + i + 1], c = x[r0 + j], d = x[r0 + j + 1];
            int best = i;
            if (b > max || b != b) {
                max = b;
                best = i + 1;
            }
            if (c > max || c != c) {
                max = c;
                best = j;
            }
            if (d > max || d != d) {
                max = d;
                best = j + 1;
            }
            y[o + ow] = max;
            if (index != null) index[o + ow] = rel + best;
        }
    }
}
