package io.neurite.nn.functional;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;

/**
 * Average pooling over 1 or 2 dimensions; use it through {@code F.avgPool1d} and {@code F.avgPool2d}.
 *
 * <p>Each output is the sum of its window's input elements (zero padding adds nothing) divided by, as
 * PyTorch's CPU kernel: {@code divisorOverride} if set; else with {@code countIncludePad} the window's size
 * clipped to the padded input (so a ceil-mode window running past the right padding counts less); else the
 * number of input elements in the window. Backward spreads each output's gradient over its window
 * divided the same way.
 */
public final class AvgPooling {

    private AvgPooling() {}

    /** Average pooling of the last {@code dims} dimensions of {@code x}; see {@link PoolGeometry} for shapes. */
    public static Tensor avgPool(Tensor x, PoolOptions o, int dims) {
        String op = "avgPool" + dims + "d";
        for (int i = 0; i < o.dilation().length; i++) {
            if (o.dilation()[i] != 1) {
                throw new IllegalArgumentException(op + ": average pooling has no dilation, got " + o
                        + "; hint: leave dilation at 1");
            }
        }
        if (dims == 1 && o.divisorOverride() != 0) {
            throw new IllegalArgumentException(op + ": divisorOverride is not available in 1-D (as in PyTorch), got "
                    + o + "; hint: scale the result instead");
        }
        PoolGeometry g = PoolGeometry.of(op, x.shape(), o, dims);
        PoolGeometry.requireFloat(op, x);
        float[] in = x.contiguousData();
        float[] divisor = divisors(g, o);
        int outPlane = g.outPlane();
        float[] out = new float[g.planes * outPlane];
        int grain = PoolGeometry.grain((long) outPlane * g.kD * g.kH * g.kW);
        Parallel.forRange(g.planes, grain, (from, to) -> sweep(g, divisor, in, out, from, to, false));
        Tensor y = Tensor.wrap(out, g.outputShape);
        return Autograd.record(op, y, new Tensor[] {x}, grad -> {
            float[] gy = grad.contiguousData();
            float[] gx = new float[in.length];
            Parallel.forRange(g.planes, grain, (from, to) -> sweep(g, divisor, gx, gy, from, to, true));
            return new Tensor[] {Tensor.wrap(gx, x.shape())};
        });
    }

    /** The divisor of each output position of a plane (0 for a window with no input element). */
    private static float[] divisors(PoolGeometry g, PoolOptions o) {
        float[] div = new float[g.outPlane()];
        int i = 0;
        for (int od = 0; od < g.outD; od++) {
            int dStart = od * g.sD - g.pD, dEnd = Math.min(dStart + g.kD, g.inD + g.pD);
            int dInside = Math.min(dEnd, g.inD) - Math.max(dStart, 0), dPadded = dEnd - dStart;
            for (int oh = 0; oh < g.outH; oh++) {
                int hStart = oh * g.sH - g.pH, hEnd = Math.min(hStart + g.kH, g.inH + g.pH);
                int hInside = Math.min(hEnd, g.inH) - Math.max(hStart, 0), hPadded = hEnd - hStart;
                for (int ow = 0; ow < g.outW; ow++, i++) {
                    int wStart = ow * g.sW - g.pW, wEnd = Math.min(wStart + g.kW, g.inW + g.pW);
                    int wInside = Math.min(wEnd, g.inW) - Math.max(wStart, 0), wPadded = wEnd - wStart;
                    if (dInside <= 0 || hInside <= 0 || wInside <= 0) continue;
                    div[i] = o.divisorOverride() != 0 ? o.divisorOverride()
                            : o.countIncludePad() ? dPadded * hPadded * wPadded : dInside * hInside * wInside;
                }
            }
        }
        return div;
    }

    /**
     * Forward ({@code a} input, {@code b} output): each output is its window's sum over its divisor.
     * Backward ({@code a} input gradient, {@code b} output gradient): each window gets gradient / divisor.
     */
    private static void sweep(PoolGeometry g, float[] divisor, float[] a, float[] b, int from, int to,
                              boolean backward) {
        int inPlane = g.inPlane(), outPlane = g.outPlane(), inH = g.inH, inW = g.inW, outW = g.outW;
        int[] wStart = new int[outW], wEnd = new int[outW];
        for (int ow = 0; ow < outW; ow++) {
            wStart[ow] = Math.max(ow * g.sW - g.pW, 0);
            wEnd[ow] = Math.min(ow * g.sW - g.pW + g.kW, inW);
        }
        for (int plane = from; plane < to; plane++) {
            int base = plane * inPlane, o = plane * outPlane, i = 0;
            for (int od = 0; od < g.outD; od++) {
                int d0 = Math.max(od * g.sD - g.pD, 0), d1 = Math.min(od * g.sD - g.pD + g.kD, g.inD);
                for (int oh = 0; oh < g.outH; oh++, o += outW, i += outW) {
                    int h0 = Math.max(oh * g.sH - g.pH, 0), h1 = Math.min(oh * g.sH - g.pH + g.kH, inH);
                    for (int d = d0; d < d1; d++) {
                        for (int h = h0; h < h1; h++) {
                            int row = base + (d * inH + h) * inW;
                            if (backward) {
                                spread(a, b, divisor, row, o, i, wStart, wEnd);
                            } else {
                                accumulate(a, b, row, o, wStart, wEnd);
                            }
                        }
                    }
                    if (!backward) {
                        for (int ow = 0; ow < outW; ow++) {
                            b[o + ow] = divisor[i + ow] == 0f ? 0f : b[o + ow] / divisor[i + ow];
                        }
                    }
                }
            }
        }
    }

    /** Adds one input row's window slices into the output row starting at {@code o}. */
    private static void accumulate(float[] x, float[] y, int row, int o, int[] wStart, int[] wEnd) {
        for (int ow = 0; ow < wStart.length; ow++) {
            float sum = 0f;
            for (int c = row + wStart[ow], end = row + wEnd[ow]; c < end; c++) sum += x[c];
            y[o + ow] += sum;
        }
    }

    /** Adds each output's gradient share into one input row's window slices. */
    private static void spread(float[] gx, float[] gy, float[] divisor, int row, int o, int i, int[] wStart,
                               int[] wEnd) {
        for (int ow = 0; ow < wStart.length; ow++) {
            if (divisor[i + ow] == 0f) continue;
            float share = gy[o + ow] / divisor[i + ow];
            for (int c = row + wStart[ow], end = row + wEnd[ow]; c < end; c++) gx[c] += share;
        }
    }
}
