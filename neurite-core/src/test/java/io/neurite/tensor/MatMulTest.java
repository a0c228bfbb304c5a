package io.neurite.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MatMulTest {

    private static final float[] A = {1.54f, -0.29f, -2.18f, 0.57f, -1.08f, -1.40f};
    private static final float[] B = {0.40f, 0.84f, -0.72f, -0.40f, -0.60f, 0.18f, -0.86f, 1.10f, -1.07f, 0.12f,
        -0.57f, 0.37f};
    private static final float[] V = {-0.89f, -1.51f, 0.37f};

    @Test
    void matchesTorchForVectorAndMatrixCases() {
        Tensor a = Tensor.of(A, 2, 3), b = Tensor.of(B, 3, 4), v = Tensor.of(V, 3);
        assertClose(new float[] {3.1226f, 0.9798f, 0.3832f, -1.7416f, 2.3740f, 0.1164f, 1.3164f, -1.9340f},
                a.matmul(b));
        assertClose(new float[] {-1.7393f, 0.6055f}, a.matmul(v));
        assertClose(new float[] {0.1541f, -0.9750f, 1.7285f, -1.1681f}, v.matmul(b));
        Tensor dot = v.matmul(v);
        assertEquals(0, dot.dim());
        assertEquals(3.2091f, dot.item(), 1e-4);
        assertEquals(Shape.of(4), v.matmul(b).shape());
    }

    @Test
    void broadcastBatchesAndStridedOperandsMatchNaiveProducts() {
        Random random = new Random(7);
        int[][][] cases = {
            {{2, 1, 2, 3}, {5, 3, 2}}, {{4, 3, 5}, {5, 2}}, {{3}, {2, 3, 4}}, {{2, 3, 4}, {4}},
            {{1, 7, 9}, {3, 9, 65}}, {{70, 33}, {33, 129}},
        };
        for (int[][] c : cases) {
            Tensor a = randn(random, c[0]), b = randn(random, c[1]);
            assertClose(naive(a, b).toFloatArray(), a.matmul(b));
        }
        Tensor m = randn(random, 6, 5);
        Tensor n = randn(random, 4, 6);
        // Transposed and sliced-with-step operands go to GEMM without copies.
        assertClose(naive(m.t(), n.t()).toFloatArray(), m.t().matmul(n.t()));
        Tensor stepped = randn(random, 5, 12).slice(1, 0, 12, 2);
        assertClose(naive(m, stepped).toFloatArray(), m.matmul(stepped));
        Tensor expanded = randn(random, 1, 5).expand(6, 5);
        assertClose(naive(expanded, m.t()).toFloatArray(), expanded.matmul(m.t()));
    }

    @Test
    void gradientsAreChecked() {
        Random random = new Random(3);
        Tensor a = randn(random, 2, 1, 3, 4).requiresGrad(true), b = randn(random, 5, 4, 2).requiresGrad(true);
        assertPasses(GradCheck.check(in -> in[0].matmul(in[1]), a, b));
        Tensor v = randn(random, 4).requiresGrad(true), w = randn(random, 3, 4).requiresGrad(true);
        assertPasses(GradCheck.check(in -> in[1].matmul(in[0]), v, w));
        assertPasses(GradCheck.check(in -> in[0].matmul(in[0]), v));
        Tensor x = randn(random, 3, 2, 4).requiresGrad(true), y = randn(random, 3, 4, 2).requiresGrad(true);
        assertPasses(GradCheck.check(in -> in[0].bmm(in[1]), x, y));
        Tensor p = randn(random, 3).requiresGrad(true);
        assertPasses(GradCheck.check(in -> in[0].outer(in[1]), p, v));
        assertPasses(GradCheck.check(in -> in[0].matmul(in[1].t()), w, w.detach().clone().requiresGrad(true)));
    }

    @Test
    void shapeErrorsNameTheOpAndBothShapes() {
        var e = assertThrows(ShapeException.class, () -> Tensor.zeros(4, 116).matmul(Tensor.zeros(117, 16)));
        assertTrue(e.getMessage().startsWith("matmul: shapes [4, 116] and [117, 16] cannot be multiplied (116 != 117)"),
                e.getMessage());
        var bmm = assertThrows(ShapeException.class, () -> Tensor.zeros(2, 3, 4).bmm(Tensor.zeros(3, 4, 5)));
        assertTrue(bmm.getMessage().contains("[2, 3, 4] and [3, 4, 5]"), bmm.getMessage());
        var batch = assertThrows(ShapeException.class, () -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(3, 4, 5)));
        assertTrue(batch.getMessage().contains("cannot be broadcast"), batch.getMessage());
    }

    @Test
    void resultsAreIdenticalRunAfterRun() {
        Random random = new Random(11);
        Tensor a = randn(random, 300, 200), b = randn(random, 200, 250);
        assertArrayEquals(a.matmul(b).toFloatArray(), a.matmul(b).toFloatArray());
    }

    static Tensor randn(Random random, int... shape) {
        float[] data = new float[Shape.of(shape).numel()];
        for (int i = 0; i < data.length; i++) data[i] = (float) random.nextGaussian();
        return Tensor.of(data, shape);
    }

    /** Double-precision matmul by definition, with 1-D promotion and batch broadcasting. */
    private static Tensor naive(Tensor a, Tensor b) {
        Tensor a2 = a.dim() == 1 ? a.unsqueeze(0) : a, b2 = b.dim() == 1 ? b.unsqueeze(1) : b;
        int m = a2.size(-2), k = a2.size(-1), n = b2.size(-1);
        Shape batch = Shape.broadcast("naive", Shape.of(java.util.Arrays.copyOf(a2.shape().dims(), a2.dim() - 2)),
                Shape.of(java.util.Arrays.copyOf(b2.shape().dims(), b2.dim() - 2)));
        int[] aDims = java.util.Arrays.copyOf(batch.dims(), batch.rank() + 2);
        aDims[batch.rank()] = m;
        aDims[batch.rank() + 1] = k;
        int[] bDims = java.util.Arrays.copyOf(batch.dims(), batch.rank() + 2);
        bDims[batch.rank()] = k;
        bDims[batch.rank() + 1] = n;
        float[] x = a2.expand(aDims).toFloatArray(), y = b2.expand(bDims).toFloatArray();
        float[] out = new float[batch.numel() * m * n];
        for (int t = 0; t < batch.numel(); t++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += (double) x[t * m * k + i * k + p] * y[t * k * n + p * n + j];
                    out[t * m * n + i * n + j] = (float) s;
                }
            }
        }
        return Tensor.of(out, out.length);
    }

    private static void assertClose(float[] expected, Tensor actual) {
        float[] got = actual.toFloatArray();
        assertEquals(expected.length, got.length, "element count");
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i], got[i], 1e-4 + 1e-4 * Math.abs(expected[i]), "element " + i);
        }
    }

    private static void assertPasses(GradCheck.Result r) {
        assertTrue(r.passed(), r.report());
    }
}
