package io.neurite.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API bodies of {@link DirectConv}; loaded only when {@link VectorSupport#enabled()}. Register
 * blocking: {@code correlate} keeps a 2-channel x 48-position tile in 12 accumulators (each input load
 * serves 2 channels, each weight broadcast 6 vectors); {@code weightGrad} keeps 2 channels x 6 kernel
 * rows (each dy load serves 6 rows, each x load 2 channels). Lane l of an accumulator holds the
 * positions {@code p % 8 == l}: the scalar path's order.
 */
final class DirectConvVector {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = DirectConv.LANES;

    private DirectConvVector() {}

    static void correlate(float[] x, int xOff, int[] offsets, int rows, float[] w, int outChannels,
                          float[] y, int yOff, int yPlane, int positions) {
        int o = 0;
        for (; o + 6 <= outChannels; o += 6) correlateSix(x, xOff, offsets, rows, w, o, y, yOff, yPlane, positions);
        for (; o < outChannels; o += 2) {
            int w0 = o * rows, w1 = w0 + rows, y0 = yOff + o * yPlane, y1 = y0 + yPlane;
            for (int p = 0; p < positions; p += DirectConv.TILE) {
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
                FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0;
                for (int r = 0; r < rows; r++) {
                    int i = xOff + offsets[r] + p;
                    FloatVector u = FloatVector.broadcast(S, w[w0 + r]), v = FloatVector.broadcast(S, w[w1 + r]);
                    FloatVector x0 = FloatVector.fromArray(S, x, i);
                    a0 = x0.fma(u, a0);
                    b0 = x0.fma(v, b0);
                    FloatVector x1 = FloatVector.fromArray(S, x, i + L);
                    a1 = x1.fma(u, a1);
                    b1 = x1.fma(v, b1);
                    FloatVector x2 = FloatVector.fromArray(S, x, i + 2 * L);
                    a2 = x2.fma(u, a2);
                    b2 = x2.fma(v, b2);
                    FloatVector x3 = FloatVector.fromArray(S, x, i + 3 * L);
                    a3 = x3.fma(u, a3);
                    b3 = x3.fma(v, b3);
                    FloatVector x4 = FloatVector.fromArray(S, x, i + 4 * L);
                    a4 = x4.fma(u, a4);
                    b4 = x4.fma(v, b4);
                    FloatVector x5 = FloatVector.fromArray(S, x, i + 5 * L);
                    a5 = x5.fma(u, a5);
                    b5 = x5.fma(v, b5);
                }
                a0.intoArray(y, y0 + p);
                a1.intoArray(y, y0 + p + L);
                a2.intoArray(y, y0 + p + 2 * L);
                a3.intoArray(y, y0 + p + 3 * L);
                a4.intoArray(y, y0 + p + 4 * L);
                a5.intoArray(y, y0 + p + 5 * L);
                b0.intoArray(y, y1 + p);
                b1.intoArray(y, y1 + p + L);
                b2.intoArray(y, y1 + p + 2 * L);
                b3.intoArray(y, y1 + p + 3 * L);
                b4.intoArray(y, y1 + p + 4 * L);
                b5.intoArray(y, y1 + p + 5 * L);
            }
        }
    }

    /** Six channels from {@code o} at a time, 16 positions per tile: each input load serves 6 channels. */
    private static void correlateSix(float[] x, int xOff, int[] offsets, int rows, float[] w, int o, float[] y,
                                     int yOff, int yPlane, int positions) {
        int w0 = o * rows;
        for (int p = 0; p < positions; p += 2 * L) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
            FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0;
            for (int r = 0; r < rows; r++) {
                int i = xOff + offsets[r] + p, k = w0 + r;
                FloatVector u = FloatVector.fromArray(S, x, i), v = FloatVector.fromArray(S, x, i + L);
                FloatVector c0 = FloatVector.broadcast(S, w[k]);
                a0 = u.fma(c0, a0);
                b0 = v.fma(c0, b0);
                FloatVector c1 = FloatVector.broadcast(S, w[k + rows]);
                a1 = u.fma(c1, a1);
                b1 = v.fma(c1, b1);
                FloatVector c2 = FloatVector.broadcast(S, w[k + 2 * rows]);
                a2 = u.fma(c2, a2);
                b2 = v.fma(c2, b2);
                FloatVector c3 = FloatVector.broadcast(S, w[k + 3 * rows]);
                a3 = u.fma(c3, a3);
                b3 = v.fma(c3, b3);
                FloatVector c4 = FloatVector.broadcast(S, w[k + 4 * rows]);
                a4 = u.fma(c4, a4);
                b4 = v.fma(c4, b4);
                FloatVector c5 = FloatVector.broadcast(S, w[k + 5 * rows]);
                a5 = u.fma(c5, a5);
                b5 = v.fma(c5, b5);
            }
            int d = yOff + o * yPlane + p;
            a0.intoArray(y, d);
            b0.intoArray(y, d + L);
            a1.intoArray(y, d + yPlane);
            b1.intoArray(y, d + yPlane + L);
            a2.intoArray(y, d + 2 * yPlane);
            b2.intoArray(y, d + 2 * yPlane + L);
            a3.intoArray(y, d + 3 * yPlane);
            b3.intoArray(y, d + 3 * yPlane + L);
            a4.intoArray(y, d + 4 * yPlane);
            b4.intoArray(y, d + 4 * yPlane + L);
            a5.intoArray(y, d + 5 * yPlane);
            b5.intoArray(y, d + 5 * yPlane + L);
        }
    }

    static void weightGrad(float[] x, int xOff, int xSample, int[] offsets, int rowsPadded, float[] dy, int dyOff,
                           int dySample, int dyPlane, int outChannels, int samples, int positions, float[] dw) {
        float[] lanes = new float[L];
        for (int o = 0; o < outChannels; o += 2) {
            for (int r = 0; r < rowsPadded; r += DirectConv.ROW_BLOCK) {
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
                FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0;
                for (int s = 0; s < samples; s++) {
                    int d0 = dyOff + s * dySample + o * dyPlane, d1 = d0 + dyPlane, xs = xOff + s * xSample;
                    int i0 = xs + offsets[r], i1 = xs + offsets[r + 1], i2 = xs + offsets[r + 2];
                    int i3 = xs + offsets[r + 3], i4 = xs + offsets[r + 4], i5 = xs + offsets[r + 5];
                    for (int p = 0; p < positions; p += L) {
                        FloatVector u = FloatVector.fromArray(S, dy, d0 + p), v = FloatVector.fromArray(S, dy, d1 + p);
                        FloatVector x0 = FloatVector.fromArray(S, x, i0 + p);
                        a0 = x0.fma(u, a0);
                        b0 = x0.fma(v, b0);
                        FloatVector x1 = FloatVector.fromArray(S, x, i1 + p);
                        a1 = x1.fma(u, a1);
                        b1 = x1.fma(v, b1);
                        FloatVector x2 = FloatVector.fromArray(S, x, i2 + p);
                        a2 = x2.fma(u, a2);
                        b2 = x2.fma(v, b2);
                        FloatVector x3 = FloatVector.fromArray(S, x, i3 + p);
                        a3 = x3.fma(u, a3);
                        b3 = x3.fma(v, b3);
                        FloatVector x4 = FloatVector.fromArray(S, x, i4 + p);
                        a4 = x4.fma(u, a4);
                        b4 = x4.fma(v, b4);
                        FloatVector x5 = FloatVector.fromArray(S, x, i5 + p);
                        a5 = x5.fma(u, a5);
                        b5 = x5.fma(v, b5);
                    }
                }
                int k0 = o * rowsPadded + r, k1 = k0 + rowsPadded;
                dw[k0] = total(a0, lanes);
                dw[k0 + 1] = total(a1, lanes);
                dw[k0 + 2] = total(a2, lanes);
                dw[k0 + 3] = total(a3, lanes);
                dw[k0 + 4] = total(a4, lanes);
                dw[k0 + 5] = total(a5, lanes);
                dw[k1] = total(b0, lanes);
                dw[k1 + 1] = total(b1, lanes);
                dw[k1 + 2] = total(b2, lanes);
                dw[k1 + 3] = total(b3, lanes);
                dw[k1 + 4] = total(b4, lanes);
                dw[k1 + 5] = total(b5, lanes);
            }
        }
    }

    static void correlateChannels(float[] x, int xOff, int[] base, int positions, int[] offsets, int rows, float[] wt,
                                  int outChannels, float[] y) {
        for (int o = 0; o < outChannels; o += 2 * L) {
            for (int q = 0; q < positions; q += DirectConv.POSITION_TILE) {
                int q0 = xOff + base[q], q1 = xOff + base[q + 1], q2 = xOff + base[q + 2];
                int q3 = xOff + base[q + 3], q4 = xOff + base[q + 4], q5 = xOff + base[q + 5];
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
                FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0;
                for (int r = 0; r < rows; r++) {
                    int k = offsets[r], wi = r * outChannels + o;
                    FloatVector u = FloatVector.fromArray(S, wt, wi), v = FloatVector.fromArray(S, wt, wi + L);
                    FloatVector x0 = FloatVector.broadcast(S, x[q0 + k]);
                    a0 = u.fma(x0, a0);
                    b0 = v.fma(x0, b0);
                    FloatVector x1 = FloatVector.broadcast(S, x[q1 + k]);
                    a1 = u.fma(x1, a1);
                    b1 = v.fma(x1, b1);
                    FloatVector x2 = FloatVector.broadcast(S, x[q2 + k]);
                    a2 = u.fma(x2, a2);
                    b2 = v.fma(x2, b2);
                    FloatVector x3 = FloatVector.broadcast(S, x[q3 + k]);
                    a3 = u.fma(x3, a3);
                    b3 = v.fma(x3, b3);
                    FloatVector x4 = FloatVector.broadcast(S, x[q4 + k]);
                    a4 = u.fma(x4, a4);
                    b4 = v.fma(x4, b4);
                    FloatVector x5 = FloatVector.broadcast(S, x[q5 + k]);
                    a5 = u.fma(x5, a5);
                    b5 = v.fma(x5, b5);
                }
                int yi = q * outChannels + o;
                a0.intoArray(y, yi);
                b0.intoArray(y, yi + L);
                a1.intoArray(y, yi + outChannels);
                b1.intoArray(y, yi + outChannels + L);
                a2.intoArray(y, yi + 2 * outChannels);
                b2.intoArray(y, yi + 2 * outChannels + L);
                a3.intoArray(y, yi + 3 * outChannels);
                b3.intoArray(y, yi + 3 * outChannels + L);
                a4.intoArray(y, yi + 4 * outChannels);
                b4.intoArray(y, yi + 4 * outChannels + L);
                a5.intoArray(y, yi + 5 * outChannels);
                b5.intoArray(y, yi + 5 * outChannels + L);
            }
        }
    }

    static void weightGradChannels(float[] x, int xSample, int[] base, int positions, int[] offsets, int rowsPadded,
                                   float[] dyt, int dySample, int outChannels, int samples, float[] dwt) {
        for (int o = 0; o < outChannels; o += 2 * L) {
            for (int r = 0; r < rowsPadded; r += DirectConv.ROW_BLOCK) {
                int k0 = offsets[r], k1 = offsets[r + 1], k2 = offsets[r + 2];
                int k3 = offsets[r + 3], k4 = offsets[r + 4], k5 = offsets[r + 5];
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
                FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0;
                for (int s = 0; s < samples; s++) {
                    int xs = s * xSample, ds = s * dySample + o;
                    for (int q = 0; q < positions; q++) {
                        int xi = xs + base[q], di = ds + q * outChannels;
                        FloatVector u = FloatVector.fromArray(S, dyt, di), v = FloatVector.fromArray(S, dyt, di + L);
                        FloatVector x0 = FloatVector.broadcast(S, x[xi + k0]);
                        a0 = x0.fma(u, a0);
                        b0 = x0.fma(v, b0);
                        FloatVector x1 = FloatVector.broadcast(S, x[xi + k1]);
                        a1 = x1.fma(u, a1);
                        b1 = x1.fma(v, b1);
                        FloatVector x2 = FloatVector.broadcast(S, x[xi + k2]);
                        a2 = x2.fma(u, a2);
                        b2 = x2.fma(v, b2);
                        FloatVector x3 = FloatVector.broadcast(S, x[xi + k3]);
                        a3 = x3.fma(u, a3);
                        b3 = x3.fma(v, b3);
                        FloatVector x4 = FloatVector.broadcast(S, x[xi + k4]);
                        a4 = x4.fma(u, a4);
                        b4 = x4.fma(v, b4);
                        FloatVector x5 = FloatVector.broadcast(S, x[xi + k5]);
                        a5 = x5.fma(u, a5);
                        b5 = x5.fma(v, b5);
                    }
                }
                int di = r * outChannels + o;
                a0.intoArray(dwt, di);
                b0.intoArray(dwt, di + L);
                a1.intoArray(dwt, di + outChannels);
                b1.intoArray(dwt, di + outChannels + L);
                a2.intoArray(dwt, di + 2 * outChannels);
                b2.intoArray(dwt, di + 2 * outChannels + L);
                a3.intoArray(dwt, di + 3 * outChannels);
                b3.intoArray(dwt, di + 3 * outChannels + L);
                a4.intoArray(dwt, di + 4 * outChannels);
                b4.intoArray(dwt, di + 4 * outChannels + L);
                a5.intoArray(dwt, di + 5 * outChannels);
                b5.intoArray(dwt, di + 5 * outChannels + L);
            }
        }
    }

    static void gradColumns(float[] w, int rows, int outChannels, float[] dy, int dyOff, int dyPlane, float[] col,
                            int cols) {
        for (int r = 0; r < rows; r += DirectConv.ROW_BLOCK) {
            for (int q = 0; q < cols; q += 2 * L) {
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
                FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0;
                for (int o = 0; o < outChannels; o++) {
                    int d = dyOff + o * dyPlane + q, k = o * rows + r;
                    FloatVector u = FloatVector.fromArray(S, dy, d), v = FloatVector.fromArray(S, dy, d + L);
                    FloatVector w0 = FloatVector.broadcast(S, w[k]);
                    a0 = u.fma(w0, a0);
                    b0 = v.fma(w0, b0);
                    FloatVector w1 = FloatVector.broadcast(S, w[k + 1]);
                    a1 = u.fma(w1, a1);
                    b1 = v.fma(w1, b1);
                    FloatVector w2 = FloatVector.broadcast(S, w[k + 2]);
                    a2 = u.fma(w2, a2);
                    b2 = v.fma(w2, b2);
                    FloatVector w3 = FloatVector.broadcast(S, w[k + 3]);
                    a3 = u.fma(w3, a3);
                    b3 = v.fma(w3, b3);
                    FloatVector w4 = FloatVector.broadcast(S, w[k + 4]);
                    a4 = u.fma(w4, a4);
                    b4 = v.fma(w4, b4);
                    FloatVector w5 = FloatVector.broadcast(S, w[k + 5]);
                    a5 = u.fma(w5, a5);
                    b5 = v.fma(w5, b5);
                }
                int c = r * cols + q;
                a0.intoArray(col, c);
                b0.intoArray(col, c + L);
                a1.intoArray(col, c + cols);
                b1.intoArray(col, c + cols + L);
                a2.intoArray(col, c + 2 * cols);
                b2.intoArray(col, c + 2 * cols + L);
                a3.intoArray(col, c + 3 * cols);
                b3.intoArray(col, c + 3 * cols + L);
                a4.intoArray(col, c + 4 * cols);
                b4.intoArray(col, c + 4 * cols + L);
                a5.intoArray(col, c + 5 * cols);
                b5.intoArray(col, c + 5 * cols + L);
            }
        }
    }

    static void addRuns(float[] col, int cols, int[] offsets, int rows, int width, int run, float[] dst) {
        int total = run + width - 1;
        for (int r = 0; r < rows; r += width) {
            int d = offsets[r], s = r * cols, u = 0;
            for (; u < Math.min(width - 1, total); u++) DirectConv.addGroupSum(col, cols, r, width, run, u, dst, d);
            for (; u >= width - 1 && u + L <= run; u += L) {
                FloatVector sum = FloatVector.fromArray(S, col, s + u);
                for (int b = 1; b < width; b++) sum = sum.add(FloatVector.fromArray(S, col, s + b * cols + u - b));
                FloatVector.fromArray(S, dst, d + u).add(sum).intoArray(dst, d + u);
            }
            for (; u < total; u++) DirectConv.addGroupSum(col, cols, r, width, run, u, dst, d);
        }
    }

    private static float total(FloatVector acc, float[] lanes) {
        acc.intoArray(lanes, 0);
        return DirectConv.total(lanes);
    }
}
