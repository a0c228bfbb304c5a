package io.neurite.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.kernels.Parallel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The im2col kernels against a direct seven-loop convolution, on layers large enough that the im2col
 * matrix is built in several blocks of output lines, with strides, padding, dilation and groups, in
 * 2-D and 3-D, on one thread and on all (bit-identical).
 */
class ConvKernelsTest {

    @Test
    void blockedIm2colMatchesDirectConvolution2d() {
        // colRows 288 x width 37: 24 lines per 1 MiB block, 37 lines: two blocks.
        check(geometry(2, 64, 4, 2, new int[] {1, 37, 37}, new int[] {1, 3, 3}, new int[] {1, 1, 1},
                new int[] {0, 1, 1}, new int[] {1, 1, 1}));
        // strided and dilated, asymmetric: several blocks of lines with padding rows at both ends.
        check(geometry(2, 48, 3, 1, new int[] {1, 61, 75}, new int[] {1, 3, 5}, new int[] {1, 2, 1},
                new int[] {0, 3, 2}, new int[] {1, 2, 3}));
    }

    @Test
    void blockedIm2colMatchesDirectConvolution3d() {
        // lines are (depth, height) pairs: blocks cut across depth.
        check(geometry(2, 32, 4, 2, new int[] {6, 20, 22}, new int[] {3, 3, 3}, new int[] {2, 1, 1},
                new int[] {1, 1, 1}, new int[] {1, 1, 2}));
    }

    @Test
    void pointwiseSkipsIm2col() {
        check(geometry(3, 8, 6, 2, new int[] {1, 5, 7}, new int[] {1, 1, 1}, new int[] {1, 1, 1},
                new int[] {0, 0, 0}, new int[] {1, 1, 1}));
    }

    private static ConvGeometry geometry(int batch, int in, int out, int groups, int[] size, int[] k, int[] s,
                                         int[] p, int[] d) {
        int[] o = new int[3];
        for (int i = 0; i < 3; i++) o[i] = (size[i] + 2 * p[i] - d[i] * (k[i] - 1) - 1) / s[i] + 1;
        return new ConvGeometry(batch, in, out, groups, size, o, k, s, p, d);
    }

    private static void check(ConvGeometry g) {
        Random r = new Random(3);
        float[] x = random(r, g.batch() * g.inChannels() * g.inVolume());
        float[] w = random(r, g.outChannels() * g.colRows());
        float[] dy = random(r, g.batch() * g.outChannels() * g.outVolume());
        double[][] ref = direct(x, w, dy, g);
        float[][][] results = new float[2][][];
        int[] threadCounts = {1, Parallel.threads()};
        for (int t = 0; t < 2; t++) {
            int index = t;
            Parallel.withThreads(threadCounts[t], () -> results[index] = new float[][] {
                    ConvKernels.forward(x, w, null, g), ConvKernels.gradInput(dy, w, g), ConvKernels.gradWeight(x, dy, g)});
            assertClose("forward", ref[0], results[t][0]);
            assertClose("gradInput", ref[1], results[t][1]);
            assertClose("gradWeight", ref[2], results[t][2]);
        }
        for (int k = 0; k < 3; k++) assertArrayEquals(results[0][k], results[1][k], "1 vs all threads, result " + k);
    }

    /** y, dx and dw by the definition, in double: for every (n, o, output position, c, kernel offset). */
    static double[][] direct(float[] x, float[] w, float[] dy, ConvGeometry g) {
        int[] in = g.in(), out = g.out(), k = g.kernel(), s = g.stride(), p = g.padBefore(), d = g.dilation();
        double[] y = new double[dy.length], dx = new double[x.length], dw = new double[w.length];
        int ipg = g.inPerGroup(), opg = g.outPerGroup();
        for (int n = 0; n < g.batch(); n++) {
            for (int o = 0; o < g.outChannels(); o++) {
                int grp = o / opg;
                for (int q = 0; q < g.outVolume(); q++) {
                    int od = q / (out[1] * out[2]), oh = q / out[2] % out[1], ow = q % out[2];
                    int yi = (n * g.outChannels() + o) * g.outVolume() + q;
                    for (int c = 0; c < ipg; c++) {
                        for (int kk = 0; kk < g.kernelVolume(); kk++) {
                            int kd = kk / (k[1] * k[2]), kh = kk / k[2] % k[1], kw = kk % k[2];
                            int id = od * s[0] - p[0] + kd * d[0], ih = oh * s[1] - p[1] + kh * d[1];
                            int iw = ow * s[2] - p[2] + kw * d[2];
                            if (id < 0 || id >= in[0] || ih < 0 || ih >= in[1] || iw < 0 || iw >= in[2]) continue;
                            int xi = (((n * g.inChannels() + grp * ipg + c) * in[0] + id) * in[1] + ih) * in[2] + iw;
                            int wi = (o * ipg + c) * g.kernelVolume() + kk;
                            y[yi] += (double) w[wi] * x[xi];
                            dx[xi] += (double) w[wi] * dy[yi];
                            dw[wi] += (double) x[xi] * dy[yi];
                        }
                    }
                }
            }
        }
        return new double[][] {y, dx, dw};
    }

    static void assertClose(String what, double[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-4 * Math.max(1, Math.abs(expected[i])) + 1e-3;
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol,
                    what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]);
        }
    }

    static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return a;
    }
}
