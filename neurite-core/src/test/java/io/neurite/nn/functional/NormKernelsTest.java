package io.neurite.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kernels compute exactly (bit for bit) the documented order of operations, whichever body runs
 * (Vector API or scalar fallback): 32 lane partial sums added in lane order then the tail, and
 * elementwise {@code (x - m) a + b}, {@code a g + b (x - m) + c}, {@code u v + w} without fused
 * multiply-add.
 */
class NormKernelsTest {

    private final Random random = new Random(7);

    private float[] values(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (random.nextGaussian() * 3 + 1);
        return v;
    }

    /** The reference order: lane l sums elements l, l + 32, ... of the whole blocks; then the tail. */
    private static float laneSum(float[] terms) {
        float[] acc = new float[32];
        int blocks = terms.length - terms.length % 32;
        for (int i = 0; i < blocks; i++) acc[i % 32] += terms[i];
        float s = 0f;
        for (float a : acc) s += a;
        for (int i = blocks; i < terms.length; i++) s += terms[i];
        return s;
    }

    @Test
    void reductionsFollowTheLaneOrder() {
        for (int n : new int[] {0, 1, 7, 31, 32, 33, 64, 100, 257}) {
            int off = 3;
            float[] x = values(n + off), g = values(n + off);
            float m = 0.7f;
            float[] plain = new float[n], squares = new float[n], products = new float[n];
            for (int i = 0; i < n; i++) {
                plain[i] = x[off + i];
                float d = x[off + i] - m;
                squares[i] = d * d;
                products[i] = g[off + i] * d;
            }
            assertEquals(laneSum(plain), io.neurite.kernels.Elementwise.sum(x, off, n), 0f, "sum n=" + n);
            assertEquals(laneSum(squares), NormKernels.sumSquares(x, off, n, m), 0f, "sumSquares n=" + n);
            float[] pair = new float[2];
            NormKernels.sums(g, off, x, off, n, m, pair);
            float[] gs = new float[n];
            System.arraycopy(g, off, gs, 0, n);
            assertEquals(laneSum(gs), pair[0], 0f, "sums[0] n=" + n);
            assertEquals(laneSum(products), pair[1], 0f, "sums[1] n=" + n);
        }
    }

    @Test
    void elementwiseLoopsAreExact() {
        for (int n : new int[] {0, 5, 8, 19, 64}) {
            float[] x = values(n + 2), g = values(n + 1), w = values(n + 4), out = new float[n + 5];
            float[] expected = new float[n + 5];
            NormKernels.affine(x, 2, n, 0.3f, 1.7f, -0.2f, out, 5);
            for (int i = 0; i < n; i++) expected[5 + i] = (x[2 + i] - 0.3f) * 1.7f + -0.2f;
            assertArrayEquals(expected, out, 0f, "affine n=" + n);
            NormKernels.combine(g, 1, x, 2, n, 0.9f, 0.3f, -1.1f, 0.05f, out, 5);
            for (int i = 0; i < n; i++) expected[5 + i] = 0.9f * g[1 + i] + -1.1f * (x[2 + i] - 0.3f) + 0.05f;
            assertArrayEquals(expected, out, 0f, "combine n=" + n);
            NormKernels.mulAdd(x, 2, g, 1, w, 4, n, out, 5);
            for (int i = 0; i < n; i++) expected[5 + i] = x[2 + i] * g[1 + i] + w[4 + i];
            assertArrayEquals(expected, out, 0f, "mulAdd n=" + n);
            NormKernels.mul(x, 2, g, 1, n, out, 5);
            for (int i = 0; i < n; i++) expected[5 + i] = x[2 + i] * g[1 + i];
            assertArrayEquals(expected, out, 0f, "mul n=" + n);
            NormKernels.sub(x, 2, g, 1, n, out, 5);
            for (int i = 0; i < n; i++) expected[5 + i] = x[2 + i] - g[1 + i];
            assertArrayEquals(expected, out, 0f, "sub n=" + n);
            NormKernels.addInto(out, 5, g, 1, n);
            for (int i = 0; i < n; i++) expected[5 + i] += g[1 + i];
            assertArrayEquals(expected, out, 0f, "addInto n=" + n);
            NormKernels.addProductInto(out, 5, g, 1, w, 4, n);
            for (int i = 0; i < n; i++) expected[5 + i] += g[1 + i] * w[4 + i];
            assertArrayEquals(expected, out, 0f, "addProductInto n=" + n);
        }
    }
}
