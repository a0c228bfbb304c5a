package io.neurite.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each row kernel against a double-precision reference, for rows shorter than, equal to and longer than
 * one vector (with a tail), placed at an offset and ending at the array's end.
 */
class RowKernelsTest {

    private static final int[] LENGTHS = {0, 1, 5, 8, 9, 16, 23, 37};

    private static float[] data(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (3 * r.nextGaussian());
        return x;
    }

    @Test
    void reductionsMatchTheirDefinitions() {
        Random r = new Random(7);
        for (int n : LENGTHS) {
            int off = 3;
            float[] x = data(r, off + n), a = data(r, off + n), b = data(r, n);
            double max = Double.NEGATIVE_INFINITY, sumExp = 0, weighted = 0;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, x[off + i]);
                sumExp += Math.exp(x[off + i] - 0.5);
                weighted += ((x[off + i] - 0.5) - 0.25) * a[off + i] * b[i];
            }
            assertEquals((float) max, RowKernels.max(x, off, n), "max of " + n);
            assertEquals(sumExp, RowKernels.sumExp(x, off, n, 0.5f), 1e-5 * sumExp, "sumExp of " + n);
            float[] stored = new float[n + 2];
            assertEquals(RowKernels.sumExp(x, off, n, 0.5f), RowKernels.sumExpStore(x, off, n, 0.5f, stored, 2),
                    "sumExpStore returns the same sum, " + n);
            for (int i = 0; i < n; i++) assertEquals(Math.exp(x[off + i] - 0.5), stored[2 + i], 3e-6 * stored[2 + i]);
            assertEquals(weighted, RowKernels.weightedSum(x, off, n, 0.5f, 0.25f, a, off, b, 0), 1e-4 * (1 + Math.abs(weighted)),
                    "weightedSum of " + n);
        }
    }

    @Test
    void elementwiseKernelsMatchTheirDefinitions() {
        Random r = new Random(8);
        for (int n : LENGTHS) {
            float[] x = data(r, n), w = data(r, n), y = data(r, n), g = data(r, n);
            float[] out = new float[n];
            RowKernels.scale(x, 0, n, 1.5f, out, 0);
            for (int i = 0; i < n; i++) assertEquals(x[i] * 1.5f, out[i]);
            RowKernels.shiftScale(x, 0, n, 0.5f, 0.25f, -2f, w, 0, out, 0);
            for (int i = 0; i < n; i++) assertEquals(((x[i] - 0.5f) - 0.25f) * -2f * w[i], out[i]);
            float[] acc = x.clone();
            RowKernels.addScaled(acc, 0, n, 0.5f, w, 0, null, 0);
            for (int i = 0; i < n; i++) assertEquals(x[i] + 0.5f * w[i], acc[i]);
            RowKernels.softmaxGrad(y, g, 0, n, 0.75f, out);
            for (int i = 0; i < n; i++) assertEquals(y[i] * (g[i] - 0.75f), out[i]);
            RowKernels.logSoftmaxGrad(y, g, 0, n, 0.75f, out);
            for (int i = 0; i < n; i++) assertEquals(g[i] - Math.exp(y[i]) * 0.75, out[i], 3e-6 * (1 + Math.abs(out[i])));
        }
    }

    @Test
    void anEmptyRowHasMaxMinusInfinityAndSumZero() {
        assertEquals(Float.NEGATIVE_INFINITY, RowKernels.max(new float[0], 0, 0));
        assertEquals(0f, RowKernels.sumExp(new float[0], 0, 0, 0f));
        assertEquals(Float.NaN, RowKernels.max(new float[] {1f, Float.NaN, 2f}, 0, 3));
    }
}
