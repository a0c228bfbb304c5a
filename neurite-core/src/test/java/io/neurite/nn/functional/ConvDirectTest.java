package io.neurite.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.kernels.Parallel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The direct convolution ({@link ConvDirect}, wide planes; {@link ConvDirectChannels}, channel-vectorized)
 * against the definition, on LeNet-5's layers and on odd sizes (odd channel counts, rectangular kernels,
 * padding, 1-D, a batch that is not a multiple of the weight-gradient group), and bit-identical on 1 and
 * 2 threads.
 */
class ConvDirectTest {

    @Test
    void lenetFirstLayerWidePath() {
        check(geometry(5, 1, 6, new int[] {1, 28, 28}, new int[] {1, 5, 5}, new int[] {0, 2, 2}), false);
    }

    @Test
    void lenetSecondLayerChannelPath() {
        check(geometry(7, 6, 16, new int[] {1, 14, 14}, new int[] {1, 5, 5}, new int[] {0, 0, 0}), true);
    }

    @Test
    void oddChannelsRectangularKernelAndPadding() {
        check(geometry(3, 3, 5, new int[] {1, 9, 7}, new int[] {1, 3, 2}, new int[] {0, 1, 1}), false);
        check(geometry(6, 8, 32, new int[] {1, 8, 11}, new int[] {1, 3, 3}, new int[] {0, 1, 2}), true);
        check(geometry(2, 8, 16, new int[] {1, 3, 3}, new int[] {1, 3, 3}, new int[] {0, 2, 2}), true);
        check(geometry(3, 2, 16, new int[] {1, 9, 9}, new int[] {1, 3, 3}, new int[] {0, 1, 1}), false);
    }

    @Test
    void oneDimensional() {
        check(geometry(4, 3, 7, new int[] {1, 1, 50}, new int[] {1, 1, 6}, new int[] {0, 0, 3}), false);
    }

    @Test
    void largeTinyOrStridedConvolutionsKeepIm2col() {
        assertFalse(ConvDirect.applies(geometry(2, 1, 32, new int[] {1, 8, 8}, new int[] {1, 3, 3},
                new int[] {0, 1, 1})));
        assertFalse(ConvDirect.applies(geometry(2, 64, 64, new int[] {1, 8, 8}, new int[] {1, 3, 3},
                new int[] {0, 1, 1})));
        int[] size = {1, 9, 9}, k = {1, 3, 3}, out = {1, 4, 4};
        assertFalse(ConvDirect.applies(new ConvGeometry(2, 3, 4, 1, size, out, k, new int[] {1, 2, 2},
                new int[] {0, 0, 0}, new int[] {1, 1, 1})));
    }

    private static ConvGeometry geometry(int batch, int in, int out, int[] size, int[] k, int[] p) {
        int[] o = new int[3];
        for (int i = 0; i < 3; i++) o[i] = size[i] + 2 * p[i] - k[i] + 1;
        return new ConvGeometry(batch, in, out, 1, size, o, k, new int[] {1, 1, 1}, p, new int[] {1, 1, 1});
    }

    private static void check(ConvGeometry g, boolean channelPath) {
        assertTrue(ConvDirect.applies(g), "direct path expected for " + g);
        assertEquals(channelPath, ConvDirectChannels.applies(g));
        Random r = new Random(5);
        float[] x = ConvKernelsTest.random(r, g.batch() * g.inChannels() * g.inVolume());
        float[] w = ConvKernelsTest.random(r, g.outChannels() * g.colRows());
        float[] bias = ConvKernelsTest.random(r, g.outChannels());
        float[] dy = ConvKernelsTest.random(r, g.batch() * g.outChannels() * g.outVolume());
        double[][] ref = ConvKernelsTest.direct(x, w, dy, g);
        float[][][] results = new float[2][][];
        for (int t = 0; t < 2; t++) {
            int index = t;
            Parallel.withThreads(t + 1, () -> results[index] = new float[][] {ConvKernels.forward(x, w, null, g),
                    ConvKernels.gradInput(dy, w, g), ConvKernels.gradWeight(x, dy, g),
                    ConvKernels.forward(x, w, bias, g)});
        }
        ConvKernelsTest.assertClose("forward", ref[0], results[0][0]);
        ConvKernelsTest.assertClose("gradInput", ref[1], results[0][1]);
        ConvKernelsTest.assertClose("gradWeight", ref[2], results[0][2]);
        for (int i = 0; i < ref[0].length; i++) {
            int o = i / g.outVolume() % g.outChannels();
            assertEquals(results[0][0][i] + bias[o], results[0][3][i], 1e-5f, "forward with bias at " + i);
        }
        for (int k = 0; k < 4; k++) assertArrayEquals(results[0][k], results[1][k], "1 vs 2 threads, result " + k);
    }
}
