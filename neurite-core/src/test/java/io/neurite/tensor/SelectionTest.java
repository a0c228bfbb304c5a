package io.neurite.tensor;

import static io.neurite.tensor.JoiningTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** maskedFill, where and oneHot against values computed with PyTorch 1.13. */
class SelectionTest {

    private static Tensor t(float[] values, int... shape) {
        return Tensor.of(values, shape);
    }

    private static Tensor arange(int n, int... shape) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return Tensor.of(v, shape);
    }

    private static void assertValues(float[] expected, Tensor actual) {
        assertArrayEquals(expected, actual.toFloatArray(), 1e-6f);
    }

    private static Tensor x23() {
        return t(new float[] {0.5f, -1f, 2f, 3f, 0.25f, -4f}, 2, 3).requiresGrad(true);
    }

    // ---------------------------------------------------------------- maskedFill

    @Test
    void maskedFillWithAComparisonMaskPassesGradientWhereMaskIsZero() {
        Tensor x = x23();
        Tensor y = x.maskedFill(x.lt(0f), -9f);
        assertValues(new float[] {0.5f, -9f, 2f, 3f, 0.25f, -9f}, y);
        y.mul(arange(6, 2, 3)).sum().backward();
        assertValues(new float[] {0f, 0f, 2f, 3f, 4f, 0f}, x.grad());
    }

    @Test
    void maskedFillBroadcastsMaskAndSelfAndAcceptsIntMasksAndIntTensors() {
        Tensor rowMask = Tensor.ofInts(new int[] {1, 0, 1}, 3);
        assertValues(new float[] {0f, -1f, 0f, 0f, 0.25f, 0f}, x23().maskedFill(rowMask, 0f));
        Tensor v = t(new float[] {1, 2, 3}, 3).requiresGrad(true);
        Tensor big = t(new float[] {1, 0, 0, 1, 1, 0}, 2, 3);
        Tensor y = v.maskedFill(big, 7f);
        assertEquals(Shape.of(2, 3), y.shape());
        assertValues(new float[] {7f, 2f, 3f, 7f, 7f, 3f}, y);
        y.mul(arange(6, 2, 3)).sum().backward();
        assertValues(new float[] {0f, 1f, 7f}, v.grad());
        Tensor labels = Tensor.ofInts(new int[] {1, 2, 3}, 3).maskedFill(t(new float[] {0, 1, 0}, 3), -100f);
        assertEquals(DType.INT32, labels.dtype());
        assertArrayEquals(new int[] {1, -100, 3}, labels.toIntArray());
        Tensor transposed = arange(6, 3, 2).t().maskedFill(t(new float[] {1, 0, 0, 0, 0, 1}, 2, 3), -1f);
        assertValues(new float[] {-1f, 2f, 4f, 1f, 3f, -1f}, transposed);
    }

    @Test
    void maskedFillGradCheck() {
        Tensor mask = t(new float[] {0, 1, 1, 0, 0, 1}, 2, 3);
        assertPasses(GradCheck.check(in -> in[0].exp().maskedFill(mask, 0.5f), x23()));
        Tensor row = t(new float[] {1, 0}, 2);
        assertPasses(GradCheck.check(in -> in[0].t().maskedFill(row, 0f).mul(in[0].t()), x23()));
    }

    @Test
    void maskedFillInPlaceWritesBumpsVersionAndRefusesTensorsThatRequireGrad() {
        Tensor x = arange(6, 2, 3);
        int before = x.storage.version();
        assertTrue(x.maskedFillInPlace(t(new float[] {1, 0, 1}, 3), -2f) == x);
        assertValues(new float[] {-2f, 1f, -2f, -2f, 4f, -2f}, x);
        assertEquals(before + 1, x.storage.version());
        Tensor column = arange(6, 2, 3).t().select(0, 1);
        column.maskedFillInPlace(Tensor.ofInts(new int[] {0, 1}, 2), 9f);
        assertValues(new float[] {1f, 9f}, column);
        var e = assertThrows(IllegalStateException.class, () -> x23().maskedFillInPlace(Tensor.ones(3), 0f));
        assertTrue(e.getMessage().contains("maskedFillInPlace"), e.getMessage());
        assertMessage(() -> Tensor.zeros(3).maskedFillInPlace(Tensor.ones(2, 3), 0f), "maskedFillInPlace", "[2, 3]", "[3]");
        try (var scope = Autograd.noGrad()) {
            Tensor leaf = x23();
            leaf.maskedFillInPlace(leaf.gt(1f), 1f);
            assertValues(new float[] {0.5f, -1f, 1f, 1f, 0.25f, -4f}, leaf);
        }
    }

    // ---------------------------------------------------------------- where

    @Test
    void whereBroadcastsAllThreeAndSplitsTheGradient() {
        Tensor c = t(new float[] {1, 0}, 2, 1);
        Tensor a = t(new float[] {1, 2, 3}, 3).requiresGrad(true);
        Tensor b = t(new float[] {10, 20, 30, 40, 50, 60}, 2, 3).requiresGrad(true);
        Tensor y = Tensor.where(c, a, b);
        assertValues(new float[] {1f, 2f, 3f, 40f, 50f, 60f}, y);
        y.mul(arange(6, 2, 3).add(1f)).sum().backward();
        assertValues(new float[] {1f, 2f, 3f}, a.grad());
        assertValues(new float[] {0f, 0f, 0f, 4f, 5f, 6f}, b.grad());
        Tensor c3 = Tensor.ofInts(new int[] {1, 0, 1}, 3, 1, 1);
        assertEquals(Shape.of(3, 2, 2), Tensor.where(c3, Tensor.ones(2, 1), Tensor.zeros(1, 1, 2)).shape());
        Tensor wi = Tensor.where(t(new float[] {0, 1}, 2), Tensor.ofInts(new int[] {1, 2}, 2), Tensor.ofInts(new int[] {-1}, 1));
        assertArrayEquals(new int[] {-1, 2}, wi.toIntArray());
    }

    @Test
    void whereGradCheckWithExpandedAndTransposedInputs() {
        Tensor cond = t(new float[] {1, 0, 0, 1, 1, 0}, 3, 2);
        Tensor a = t(new float[] {0.3f, -0.8f}, 2).requiresGrad(true);
        Tensor b = x23();
        assertPasses(GradCheck.check(in -> Tensor.where(cond, in[0].expand(3, 2).exp(), in[1].t().mul(in[1].t())), a, b));
    }

    @Test
    void whereAndMaskErrors() {
        assertMessage(() -> Tensor.where(t(new float[] {0.5f, 1f}, 2), Tensor.ones(2), Tensor.zeros(2)),
                "where", "only 0 and 1", "0.5", "position [0]");
        assertMessage(() -> Tensor.where(Tensor.ones(2), Tensor.ones(2), Tensor.ofInts(new int[] {1, 2}, 2)),
                "where", "dtype", "int32");
        assertMessage(() -> Tensor.where(Tensor.ones(2), Tensor.ones(3), Tensor.zeros(2)), "where", "[2]", "[3]");
        assertMessage(() -> x23().maskedFill(Tensor.ofInts(new int[] {0, 2, 0, 0, 0, 0}, 2, 3), 0f),
                "maskedFill", "2.0", "position [0, 1]");
        assertMessage(() -> x23().maskedFill(Tensor.ones(2, 2), 0f), "maskedFill", "[2, 3]", "[2, 2]");
    }

    // ---------------------------------------------------------------- oneHot

    @Test
    void oneHotInfersOrTakesTheClassCount() {
        Tensor inferred = Tensor.oneHot(Tensor.ofInts(new int[] {1, 3, 0, 2}, 2, 2), -1);
        assertEquals(Shape.of(2, 2, 4), inferred.shape());
        assertEquals(DType.FLOAT32, inferred.dtype());
        assertValues(new float[] {0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0}, inferred);
        assertValues(new float[] {0, 0, 0, 0, 1, 1, 0, 0, 0, 0}, Tensor.oneHot(Tensor.ofInts(new int[] {4, 0}, 2), 5));
        Tensor strided = Tensor.ofInts(new int[] {2, 9, 0, 9}, 4).slice(0, 0, 4, 2);
        assertValues(new float[] {0, 0, 1, 1, 0, 0}, Tensor.oneHot(strided, 3));
        assertEquals(Shape.of(0, 3), Tensor.oneHot(Tensor.ofInts(new int[0], 0), 3).shape());
    }

    @Test
    void oneHotErrors() {
        assertMessage(() -> Tensor.oneHot(Tensor.ofInts(new int[] {0, 1, 5, 2}, 2, 2), 4),
                "oneHot", "label 5", "position [1, 0]", "numClasses=4");
        assertMessage(() -> Tensor.oneHot(Tensor.ofInts(new int[] {0, -1}, 2), -1), "oneHot", "label -1", "position [1]");
        assertMessage(() -> Tensor.oneHot(Tensor.ones(2), 3), "oneHot", "int32", "float32");
        assertMessage(() -> Tensor.oneHot(Tensor.ofInts(new int[0], 0), -1), "oneHot", "empty");
        assertMessage(() -> Tensor.oneHot(Tensor.ofInts(new int[] {0}, 1), 0), "oneHot", "numClasses", "got 0");
    }

    private static void assertPasses(GradCheck.Result r) {
        assertTrue(r.passed(), r.report());
    }
}
