package io.neurite.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 2x2 max pooling fast path: the Vector API row equals the scalar row, ties, NaNs and infinities included. */
class MaxPool2x2Test {

    @Test
    void handWorkedWindows() {
        // windows (a b / c d): ties take the first, a NaN wins (the last NaN), -inf everywhere keeps a.
        float nan = Float.NaN, inf = Float.NEGATIVE_INFINITY;
        float[] x = {1, 2, 3, 3, nan, 0, inf, inf, 4, 2, 3, 3, 5, nan, inf, inf};
        float[] y = new float[4];
        int[] index = new int[4];
        MaxPool2x2.row(x, 0, 8, y, index, 0, 0, 4);
        assertArrayEquals(new float[] {4, 3, nan, inf}, y);
        assertArrayEquals(new int[] {8, 2, 13, 6}, index);
        float[] yv = new float[4];
        int[] iv = new int[4];
        MaxPool2x2Vector.row(x, 0, 8, yv, iv, 0, 0, 4);
        assertArrayEquals(y, yv);
        assertArrayEquals(index, iv);
    }

    @Test
    void vectorRowEqualsScalarRow() {
        Random r = new Random(4);
        for (int outW : new int[] {1, 5, 8, 14, 19}) {
            int inW = 2 * outW + 1;
            float[] x = new float[2 * inW + 3];
            for (int i = 0; i < x.length; i++) {
                int kind = r.nextInt(10);
                x[i] = kind == 0 ? Float.NaN : kind == 1 ? Float.NEGATIVE_INFINITY : kind < 5 ? 1f : r.nextFloat();
            }
            float[] ys = new float[outW + 2], yv = new float[outW + 2];
            int[] is = new int[outW + 2], iv = new int[outW + 2];
            MaxPool2x2.row(x, 3, inW, ys, is, 1, 40, outW);
            MaxPool2x2Vector.row(x, 3, inW, yv, iv, 1, 40, outW);
            assertArrayEquals(ys, yv, "outW " + outW);
            assertArrayEquals(is, iv, "outW " + outW);
        }
    }
}
