package io.neurite.tensor;

import static io.neurite.tensor.JoiningTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** gather, scatter, scatterAdd and indexSelect against values computed with PyTorch 1.13. */
class IndexingTest {

    private static Tensor t(float[] values, int... shape) {
        return Tensor.of(values, shape);
    }

    private static Tensor ints(int[] values, int... shape) {
        return Tensor.ofInts(values, shape);
    }

    private static Tensor arange(int n, int... shape) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return Tensor.of(v, shape);
    }

    private static void assertValues(float[] expected, Tensor actual) {
        assertArrayEquals(expected, actual.toFloatArray(), 1e-6f);
    }

    private static void assertPasses(GradCheck.Result r) {
        assertTrue(r.passed(), r.report());
    }

    private static Tensor x23() {
        return t(new float[] {0.5f, -1f, 2f, 3f, 0.25f, -4f}, 2, 3).requiresGrad(true);
    }

    // ---------------------------------------------------------------- gather

    @Test
    void gatherAlongLastDimWithRepeatsAccumulatesGradient() {
        Tensor x = x23();
        Tensor idx = ints(new int[] {2, 0, 2, 1, 1, 1, 0, 0}, 2, 4);
        Tensor y = x.gather(1, idx);
        assertEquals(Shape.of(2, 4), y.shape());
        assertValues(new float[] {2f, 0.5f, 2f, -1f, 0.25f, 0.25f, 3f, 3f}, y);
        y.mul(t(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 4)).sum().backward();
        assertValues(new float[] {2f, 4f, 4f, 15f, 11f, 0f}, x.grad());
    }

    @Test
    void gatherNegativeDimNonContiguousAndIntInputs() {
        assertValues(new float[] {3f, -1f, -4f}, x23().gather(-2, ints(new int[] {1, 0, 1}, 1, 3)));
        Tensor xt = arange(12, 3, 4).t();
        Tensor it = ints(new int[] {0, 2, 1, 0, 2, 2, 0, 1}, 2, 4).t();
        assertValues(new float[] {0f, 8f, 9f, 9f, 6f, 2f, 3f, 7f}, xt.gather(1, it));
        Tensor gi = ints(new int[] {10, 20, 30, 40, 50, 60}, 2, 3).gather(1, ints(new int[] {2, 0}, 2, 1));
        assertEquals(DType.INT32, gi.dtype());
        assertArrayEquals(new int[] {30, 40}, gi.toIntArray());
        Tensor expanded = t(new float[] {1, 2, 3}, 3).expand(2, 3);
        assertValues(new float[] {3f, 1f, 2f, 2f}, expanded.gather(1, ints(new int[] {2, 0, 1, 1}, 2, 2)));
        assertValues(new float[] {3f, 1f, 3f, 1f}, expanded.indexSelect(1, ints(new int[] {2, 0}, 2)));
        assertEquals(5f, Tensor.scalar(5f).gather(0, Tensor.ofInts(new int[] {0})).item());
        assertEquals(Shape.of(2, 0), x23().gather(1, Tensor.ofInts(new int[0], 2, 0)).shape());
    }

    @Test
    void gatherGradCheck() {
        Tensor idx = ints(new int[] {1, 1, 0, 0, 1, 0, 1, 0, 0}, 3, 3);
        assertPasses(GradCheck.check(in -> in[0].t().gather(1, idx).exp(), x23()));
    }

    // ---------------------------------------------------------------- scatter

    @Test
    void scatterWritesSourceAndMasksTheSelfGradient() {
        Tensor self = Tensor.zeros(3, 4).requiresGrad(true);
        Tensor src = t(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 4).requiresGrad(true);
        Tensor idx = ints(new int[] {0, 1, 2, 0, 2, 0, 1, 1}, 2, 4);
        Tensor y = self.scatter(0, idx, src);
        assertValues(new float[] {1f, 6f, 0f, 4f, 0f, 2f, 7f, 8f, 5f, 0f, 3f, 0f}, y);
        y.mul(arange(12, 3, 4).add(1f)).sum().backward();
        assertValues(new float[] {0f, 0f, 3f, 0f, 5f, 0f, 0f, 0f, 0f, 10f, 0f, 12f}, self.grad());
        assertValues(new float[] {1f, 6f, 11f, 4f, 9f, 2f, 7f, 8f}, src.grad());
    }

    @Test
    void scatterValueAndIntTensors() {
        Tensor idx = ints(new int[] {2, 0}, 2, 1);
        assertValues(new float[] {0f, 1f, -1.5f, -1.5f, 4f, 5f}, arange(6, 2, 3).scatter(1, idx, -1.5f));
        Tensor si = ints(new int[] {1, 2, 3, 4, 5, 6}, 2, 3).scatter(-1, idx, ints(new int[] {70, 80}, 2, 1));
        assertArrayEquals(new int[] {1, 2, 70, 80, 5, 6}, si.toIntArray());
        Tensor x = x23();
        x.scatter(1, idx, 9f).sum().backward();
        assertValues(new float[] {1, 1, 0, 0, 1, 1}, x.grad());
    }

    @Test
    void scatterGradCheckWithASourceLargerThanTheIndex() {
        Tensor self = t(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, 3, 2).requiresGrad(true);
        Tensor src = t(new float[] {1.5f, -0.5f, 0.7f, 2f, 1.1f, -1.3f}, 2, 3).requiresGrad(true);
        Tensor idx = ints(new int[] {2, 0, 1, 1}, 2, 2);
        assertPasses(GradCheck.check(in -> in[0].scatter(0, idx, in[1].mul(in[1])), self, src));
        Tensor y = self.scatter(0, idx, src);
        self.setGrad(null);
        src.setGrad(null);
        y.sum().backward();
        assertValues(new float[] {1, 1, 0, 1, 1, 0, 0, 0, 1}, Tensor.cat(0, src.grad().flatten(), self.grad().select(1, 1)));
    }

    // ---------------------------------------------------------------- scatterAdd

    @Test
    void scatterAddSumsDuplicatesAndPassesGradients() {
        Tensor self = Tensor.ones(2, 5).requiresGrad(true);
        Tensor src = t(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).requiresGrad(true);
        Tensor idx = ints(new int[] {0, 4, 0, 3, 3, 1}, 2, 3);
        Tensor y = self.scatterAdd(1, idx, src);
        assertValues(new float[] {5f, 1f, 1f, 1f, 3f, 1f, 7f, 1f, 10f, 1f}, y);
        y.mul(arange(10, 2, 5)).sum().backward();
        assertValues(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, self.grad());
        assertValues(new float[] {0f, 4f, 0f, 8f, 8f, 6f}, src.grad());
        Tensor yi = ints(new int[4], 4).scatterAdd(0, ints(new int[] {1, 1, 3}, 3), ints(new int[] {5, 6, 7}, 3));
        assertArrayEquals(new int[] {0, 11, 0, 7}, yi.toIntArray());
    }

    @Test
    void scatterAddGradCheckOnTransposedSource() {
        Tensor self = t(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, 2, 3).requiresGrad(true);
        Tensor src = t(new float[] {1.5f, -0.5f, 0.7f, 2f, 1.1f, -1.3f}, 3, 2).requiresGrad(true);
        Tensor idx = ints(new int[] {2, 2, 0, 1, 0, 0}, 2, 3);
        assertPasses(GradCheck.check(in -> in[0].scatterAdd(1, idx, in[1].t().tanh()).mul(in[0]), self, src));
    }

    // ---------------------------------------------------------------- indexSelect

    @Test
    void indexSelectRowsWithRepeatsAndItsGradient() {
        Tensor x = t(new float[] {0.5f, -1f, 2f, 3f, 0.25f, -4f, 1f, 2f, 3f}, 3, 3).requiresGrad(true);
        Tensor y = x.indexSelect(0, ints(new int[] {2, 0, 2}, 3));
        assertValues(new float[] {1f, 2f, 3f, 0.5f, -1f, 2f, 1f, 2f, 3f}, y);
        y.mul(arange(9, 3, 3)).sum().backward();
        assertValues(new float[] {3f, 4f, 5f, 0f, 0f, 0f, 6f, 8f, 10f}, x.grad());
        assertValues(new float[] {-1f, -1f, 0.25f, 0.25f, 2f, 2f}, x.indexSelect(-1, ints(new int[] {1, 1}, 2)));
        assertValues(new float[] {0.5f, 1f, -1f, 2f, 2f, 3f}, x.t().indexSelect(1, ints(new int[] {0, 2}, 2)));
        assertEquals(Shape.of(3, 1), x.indexSelect(1, Tensor.ofInts(new int[] {2})).shape());
        Tensor yi = ints(new int[] {1, 2, 3, 4, 5, 6}, 3, 2).slice(0, 0, 3, 2).indexSelect(0, ints(new int[] {1, 0}, 2));
        assertArrayEquals(new int[] {5, 6, 1, 2}, yi.toIntArray());
    }

    @Test
    void indexSelectGradCheck() {
        Tensor idx = ints(new int[] {1, 0, 1, 1}, 4);
        assertPasses(GradCheck.check(in -> in[0].indexSelect(0, idx).sin(), x23()));
        assertPasses(GradCheck.check(in -> in[0].t().indexSelect(-1, idx).mul(2f), x23()));
    }

    // ---------------------------------------------------------------- errors and autograd bookkeeping

    @Test
    void indexOutOfRangeNamesOpValueSizeAndPosition() {
        Tensor x = Tensor.ones(2, 3);
        assertMessage(() -> x.gather(1, ints(new int[] {0, 1, 2, 5}, 2, 2)),
                "gather", "index 5", "dimension 1 of size 3", "position [1, 1]", "[2, 3]");
        assertMessage(() -> x.gather(1, ints(new int[] {-1}, 1, 1)), "gather", "index -1", "position [0, 0]");
        assertMessage(() -> x.scatter(0, ints(new int[] {0, 2}, 1, 2), 1f),
                "scatter", "index 2", "dimension 0 of size 2", "position [0, 1]");
        assertMessage(() -> x.scatterAdd(0, ints(new int[] {3}, 1, 1), Tensor.ones(1, 1)), "scatterAdd", "index 3");
        assertMessage(() -> x.indexSelect(1, ints(new int[] {0, 3}, 2)),
                "indexSelect", "index 3", "dimension 1 of size 3", "position [1]");
    }

    @Test
    void shapeAndDtypeErrors() {
        Tensor x = Tensor.ones(2, 3);
        assertMessage(() -> x.gather(1, Tensor.zeros(2, 1)), "gather", "int32", "float32", "toInt()");
        assertMessage(() -> x.gather(1, ints(new int[] {0, 1}, 2)), "gather", "dimensions", "[2]", "[2, 3]");
        assertMessage(() -> x.gather(1, ints(new int[] {0, 0, 0}, 3, 1)),
                "gather", "[3, 1]", "[2, 3]", "dimension 0 (3 > 2)");
        assertMessage(() -> x.scatter(1, ints(new int[] {0, 1}, 1, 2), Tensor.ones(1, 1)), "scatter", "src", "[1, 1]", "[1, 2]");
        assertMessage(() -> x.scatter(1, ints(new int[] {0}, 1, 1), ints(new int[] {1}, 1, 1)), "scatter", "dtype", "int32");
        assertMessage(() -> x.indexSelect(0, ints(new int[] {0, 1}, 1, 2)), "indexSelect", "1-dimensional", "[1, 2]");
        assertMessage(() -> x.indexSelect(2, ints(new int[] {0}, 1)), "indexSelect", "dimension 2");
        assertThrows(ShapeException.class, () -> x.gather(0, ints(new int[] {0}, 1)));
    }

    @Test
    void indexChangedInPlaceAfterUseFailsBackwardAndNoGradRecordsNothing() {
        Tensor x = x23();
        Tensor idx = ints(new int[] {0, 1}, 2, 1);
        Tensor y = x.gather(1, idx);
        idx.copyInPlace(ints(new int[] {2, 2}, 2, 1));
        var e = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertTrue(e.getMessage().contains("gather"), e.getMessage());
        try (var scope = Autograd.noGrad()) {
            assertNull(x.indexSelect(0, ints(new int[] {1}, 1)).gradFn());
        }
        assertEquals("scatterAdd", x.scatterAdd(1, idx, x.narrow(1, 0, 1)).gradFn().op());
    }
}
