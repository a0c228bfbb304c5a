package io.neurite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Vector API bodies of {@link DirectConv} give the same bits as its scalar fallbacks. */
class DirectConvTest {

    private static final int C = 3, K = 4, WS = 11, PLANE = 9 * WS, ROWS = C * K * K;

    @Test
    void correlateVectorEqualsScalar() {
        assertTrue(VectorSupport.enabled(), "tests run with --add-modules jdk.incubator.vector");
        Random r = new Random(7);
        int positions = 2 * DirectConv.TILE, outC = 8;   // one block of six channels, one pair
        float[] x = random(r, C * PLANE + positions + K * WS), w = random(r, outC * ROWS);
        float[] vector = new float[outC * positions], scalar = new float[outC * positions];
        DirectConvVector.correlate(x, 1, offsets(ROWS), ROWS, w, outC, vector, 0, positions, positions);
        DirectConv.correlateScalar(x, 1, offsets(ROWS), ROWS, w, outC, scalar, 0, positions, positions);
        assertArrayEquals(scalar, vector);
    }

    @Test
    void weightGradVectorEqualsScalar() {
        Random r = new Random(8);
        int positions = 5 * DirectConv.LANES, outC = 8, samples = 3, rowsPadded = 54, xSample = C * PLANE + 60;
        float[] x = random(r, samples * xSample), dy = random(r, samples * outC * positions);
        float[] vector = new float[outC * rowsPadded], scalar = new float[outC * rowsPadded];
        DirectConvVector.weightGrad(x, 0, xSample, offsets(rowsPadded), rowsPadded, dy, 0, outC * positions, positions,
                outC, samples, positions, vector);
        DirectConv.weightGradScalar(x, 0, xSample, offsets(rowsPadded), rowsPadded, dy, 0, outC * positions,
                positions, outC, samples, positions, scalar);
        assertArrayEquals(scalar, vector);
    }

    @Test
    void channelKernelsVectorEqualScalar() {
        Random r = new Random(9);
        int outC = 2 * DirectConv.CHANNEL_BLOCK, positions = 4 * DirectConv.POSITION_TILE, samples = 2;
        int rowsPadded = 54, xSample = C * PLANE + 60;
        int[] base = new int[positions];
        for (int q = 0; q < positions; q++) base[q] = q / 5 * WS + q % 5;
        float[] x = random(r, samples * xSample), wt = random(r, ROWS * outC);
        float[] vector = new float[positions * outC], scalar = new float[positions * outC];
        DirectConvVector.correlateChannels(x, 2, base, positions, offsets(ROWS), ROWS, wt, outC, vector);
        DirectConv.correlateChannelsScalar(x, 2, base, positions, offsets(ROWS), ROWS, wt, outC, scalar);
        assertArrayEquals(scalar, vector);
        float[] dyt = random(r, samples * positions * outC);
        float[] dwVector = new float[rowsPadded * outC], dwScalar = new float[rowsPadded * outC];
        DirectConvVector.weightGradChannels(x, xSample, base, positions, offsets(rowsPadded), rowsPadded, dyt,
                positions * outC, outC, samples, dwVector);
        DirectConv.weightGradChannelsScalar(x, xSample, base, positions, offsets(rowsPadded), rowsPadded, dyt,
                positions * outC, outC, samples, dwScalar);
        assertArrayEquals(dwScalar, dwVector);
    }

    @Test
    void inputGradientColumnsVectorEqualScalar() {
        Random r = new Random(10);
        int outC = 5, cols = 3 * DirectConv.COLUMN_TILE, run = cols - 5, rows = ROWS;
        float[] w = random(r, outC * rows), dy = random(r, outC * cols + 3);
        float[] vector = new float[rows * cols], scalar = new float[rows * cols];
        DirectConvVector.gradColumns(w, rows, outC, dy, 3, cols, vector, cols);
        DirectConv.gradColumnsScalar(w, rows, outC, dy, 3, cols, scalar, cols);
        assertArrayEquals(scalar, vector);
        float[] dstVector = random(r, C * PLANE + run + K * WS), dstScalar = dstVector.clone();
        DirectConvVector.addRuns(vector, cols, offsets(rows), rows, K, run, dstVector);
        DirectConv.addRunsScalar(scalar, cols, offsets(rows), rows, K, run, dstScalar);
        assertArrayEquals(dstScalar, dstVector);
    }

    /** Row r = (c, a, b) of a C x K x K kernel; padding rows past ROWS read at 0. */
    private static int[] offsets(int count) {
        int[] off = new int[count];
        for (int r = 0; r < ROWS; r++) off[r] = r / (K * K) * PLANE + r % (K * K) / K * WS + r % K;
        return off;
    }

    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return a;
    }
}
