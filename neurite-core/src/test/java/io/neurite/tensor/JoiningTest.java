package io.neurite.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** cat, stack, split and chunk against values computed with PyTorch 1.13. */
class JoiningTest {

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

    // ---------------------------------------------------------------- cat

    @Test
    void catAlongDim0MixesContiguousAndTransposedInputsAndRoutesGradients() {
        Tensor a = t(new float[] {0.5f, -1f, 2f, 3f, 0.25f, -4f}, 2, 3).requiresGrad(true);
        Tensor b = t(new float[] {1.5f, 2.5f, -0.5f}, 1, 3).requiresGrad(true);
        Tensor c = t(new float[] {7, 8, 9, 10, 11, 12, 13, 14, 15}, 3, 3).t();
        Tensor y = Tensor.cat(List.of(a, b, c), 0);
        assertEquals(Shape.of(6, 3), y.shape());
        assertValues(new float[] {0.5f, -1f, 2f, 3f, 0.25f, -4f, 1.5f, 2.5f, -0.5f,
                7f, 10f, 13f, 8f, 11f, 14f, 9f, 12f, 15f}, y);
        Tensor w = arange(18, 6, 3).mul(0.5f).sub(1f);
        y.mul(w).sum().backward();
        assertValues(new float[] {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f}, a.grad());
        assertValues(new float[] {2f, 2.5f, 3f}, b.grad());
    }

    @Test
    void catAlongNegativeDimWithSlicedAndTransposedInputs() {
        Tensor a = t(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor b = t(new float[] {5, 6, 7, 8, 9, 10}, 2, 3).slice(1, 0, 3, 2);
        Tensor y = Tensor.cat(-1, a, b, a.t());
        assertEquals(Shape.of(2, 6), y.shape());
        assertValues(new float[] {1f, 2f, 5f, 7f, 1f, 3f, 3f, 4f, 8f, 10f, 2f, 4f}, y);
        Tensor expanded = t(new float[] {9, 8}, 2, 1).expand(2, 2);
        assertValues(new float[] {1f, 2f, 9f, 9f, 3f, 4f, 8f, 8f}, Tensor.cat(1, a, expanded));
    }

    @Test
    void catOfIntTensorsStaysInt() {
        Tensor y = Tensor.cat(0, Tensor.ofInts(new int[] {1, 2}, 2), Tensor.ofInts(new int[] {3, 4, 5, 6}, 2, 2).select(1, 1));
        assertEquals(DType.INT32, y.dtype());
        assertArrayEquals(new int[] {1, 2, 4, 6}, y.toIntArray());
    }

    @Test
    void catSkipsLegacyEmptyOneDimensionalTensorsAndHandlesEmptyDims() {
        Tensor empty = Tensor.zeros(0).requiresGrad(true);
        Tensor a = Tensor.ones(2, 3).requiresGrad(true);
        Tensor y = Tensor.cat(0, empty, a);
        assertEquals(Shape.of(2, 3), y.shape());
        y.sum().backward();
        assertEquals(Shape.of(0), empty.grad().shape());
        assertValues(new float[] {1, 1, 1, 1, 1, 1}, a.grad());
        assertEquals(Shape.of(0), Tensor.cat(0, Tensor.zeros(0), Tensor.zeros(0)).shape());
        assertEquals(Shape.of(2, 3), Tensor.cat(0, Tensor.zeros(0, 3), Tensor.ones(2, 3)).shape());
    }

    @Test
    void catGradCheckWithAnInputThatNeedsNoGrad() {
        Tensor a = t(new float[] {0.3f, -1.2f, 0.8f, 2.1f}, 2, 2).requiresGrad(true);
        Tensor b = t(new float[] {1.1f, -0.4f}, 2, 1).requiresGrad(true);
        Tensor fixed = t(new float[] {5, 6}, 2, 1);
        GradCheck.Result r = GradCheck.check(in -> Tensor.cat(1, in[0].tanh(), fixed, in[1].mul(in[1])), a, b);
        assertTrue(r.passed(), r.report());
    }

    @Test
    void catErrorsNameTheOpTheShapesAndTheDim() {
        assertMessage(() -> Tensor.cat(List.of(), 0), "cat", "non-empty list");
        assertMessage(() -> Tensor.cat(1, Tensor.ones(2, 3), Tensor.ones(3, 4)),
                "cat", "dimension 1", "[[2, 3], [3, 4]]", "position 1");
        assertMessage(() -> Tensor.cat(0, Tensor.ones(2, 3), Tensor.ones(3)), "cat", "[[2, 3], [3]]");
        assertMessage(() -> Tensor.cat(0, Tensor.scalar(1f), Tensor.scalar(2f)), "cat", "zero-dimensional", "position 0");
        assertMessage(() -> Tensor.cat(0, Tensor.ones(2), Tensor.ofInts(new int[] {1}, 1)), "cat", "int32", "float32");
        assertMessage(() -> Tensor.cat(2, Tensor.ones(2, 3), Tensor.ones(2, 3)), "cat", "dimension 2", "[2, 3]");
        assertTrue(assertThrows(ShapeException.class, () -> Tensor.cat(0, Tensor.ones(2, 3), Tensor.ones(2, 4)))
                .shapes().contains(Shape.of(2, 4)));
    }

    // ---------------------------------------------------------------- stack

    @Test
    void stackAddsANewDimensionAnywhere() {
        Tensor p = t(new float[] {1, 2, 3}, 3), q = t(new float[] {4, 5, 6}, 3);
        assertValues(new float[] {1, 2, 3, 4, 5, 6}, Tensor.stack(List.of(p, q), 0));
        Tensor last = Tensor.stack(List.of(p, q), -1);
        assertEquals(Shape.of(3, 2), last.shape());
        assertValues(new float[] {1, 4, 2, 5, 3, 6}, last);
        Tensor m = arange(6, 2, 3);
        Tensor flipped = Tensor.cat(0, m.select(0, 1).unsqueeze(0), m.select(0, 0).unsqueeze(0));
        Tensor mid = Tensor.stack(1, m, flipped);
        assertEquals(Shape.of(2, 2, 3), mid.shape());
        assertValues(new float[] {0, 1, 2, 3, 4, 5, 3, 4, 5, 0, 1, 2}, mid);
        Tensor ints = Tensor.stack(0, Tensor.ofInts(new int[] {1, 2}, 2), Tensor.ofInts(new int[] {3, 4}, 2));
        assertArrayEquals(new int[] {1, 2, 3, 4}, ints.toIntArray());
    }

    @Test
    void stackGradientsAndGradCheck() {
        Tensor p = t(new float[] {1, 2, 3}, 3).requiresGrad(true), q = t(new float[] {4, 5, 6}, 3).requiresGrad(true);
        Tensor.stack(List.of(p, q), -1).mul(t(new float[] {1, 2, 3, 4, 5, 6}, 3, 2)).sum().backward();
        assertValues(new float[] {1, 3, 5}, p.grad());
        assertValues(new float[] {2, 4, 6}, q.grad());
        Tensor a = t(new float[] {0.2f, -0.7f, 1.3f, 0.4f}, 2, 2).requiresGrad(true);
        GradCheck.Result r = GradCheck.check(in -> Tensor.stack(1, in[0].sin(), in[0].t(), in[0].exp()), a);
        assertTrue(r.passed(), r.report());
    }

    @Test
    void stackErrors() {
        assertMessage(() -> Tensor.stack(List.of(), 0), "stack", "non-empty list");
        assertMessage(() -> Tensor.stack(0, Tensor.ones(2, 3), Tensor.ones(3, 2)), "stack", "[[2, 3], [3, 2]]");
        assertMessage(() -> Tensor.stack(3, Tensor.ones(2, 3), Tensor.ones(2, 3)), "stack", "dimension 3");
    }

    // ---------------------------------------------------------------- split and chunk

    @Test
    void splitBySizeAndBySizesReturnsViews() {
        Tensor x = arange(10, 2, 5);
        List<Tensor> parts = x.split(2, 1);
        assertEquals(3, parts.size());
        assertValues(new float[] {0, 1, 5, 6}, parts.get(0));
        assertValues(new float[] {2, 3, 7, 8}, parts.get(1));
        assertValues(new float[] {4, 9}, parts.get(2));
        assertEquals(Shape.of(2, 1), parts.get(2).shape());
        assertFalse(parts.get(0).isContiguous());
        List<Tensor> bySizes = x.split(new int[] {1, 4}, -1);
        assertValues(new float[] {0, 5}, bySizes.get(0));
        assertValues(new float[] {1, 2, 3, 4, 6, 7, 8, 9}, bySizes.get(1));
        x.copyInPlace(x.mul(0f));
        assertValues(new float[] {0, 0, 0, 0}, parts.get(0));
        assertEquals(List.of(Shape.of(0)), shapes(Tensor.zeros(0).split(2, 0)));
        assertEquals(List.of(Shape.of(2, 0), Shape.of(2, 5)), shapes(arange(10, 2, 5).split(new int[] {0, 5}, 1)));
    }

    @Test
    void chunkUsesCeilingSizesAndMayReturnFewerChunks() {
        Tensor x = arange(10, 2, 5);
        assertEquals(List.of(Shape.of(2, 2), Shape.of(2, 2), Shape.of(2, 1)), shapes(x.chunk(3, 1)));
        assertEquals(List.of(Shape.of(2), Shape.of(2), Shape.of(2)), shapes(arange(6, 6).chunk(4, 0)));
        assertEquals(List.of(Shape.of(2), Shape.of(2), Shape.of(1)), shapes(arange(5, 5).chunk(4, 0)));
        assertEquals(List.of(Shape.of(0), Shape.of(0), Shape.of(0)), shapes(Tensor.zeros(0).chunk(3, 0)));
        Tensor xt = arange(12, 3, 4).t();
        List<Tensor> rows = xt.chunk(2, 0);
        assertValues(new float[] {0, 4, 8, 1, 5, 9}, rows.get(0));
        assertValues(new float[] {2, 6, 10, 3, 7, 11}, rows.get(1));
        List<Tensor> cols = xt.chunk(2, -1);
        assertValues(new float[] {0, 4, 1, 5, 2, 6, 3, 7}, cols.get(0));
        assertValues(new float[] {8, 9, 10, 11}, cols.get(1));
        List<Tensor> ints = Tensor.ofInts(new int[] {1, 2, 3, 4, 5}, 5).chunk(2, 0);
        assertArrayEquals(new int[] {4, 5}, ints.get(1).toIntArray());
        assertEquals(DType.INT32, ints.get(0).dtype());
    }

    @Test
    void splitAndChunkGradients() {
        Tensor x = t(new float[] {0.5f, -1f, 2f, 0.3f, 1.7f, -0.2f}, 2, 3).requiresGrad(true);
        List<Tensor> parts = x.split(new int[] {1, 2}, 1);
        parts.get(1).mul(3f).sum().backward();
        assertValues(new float[] {0, 3, 3, 0, 3, 3}, x.grad());
        GradCheck.Result r = GradCheck.check(in -> {
            List<Tensor> c = in[0].chunk(2, 1);
            return Tensor.cat(1, c.get(1).exp(), c.get(0).mul(c.get(0)));
        }, x);
        assertTrue(r.passed(), r.report());
        GradCheck.Result s = GradCheck.check(in -> in[0].split(1, 0).get(1).sin(), x);
        assertTrue(s.passed(), s.report());
    }

    @Test
    void splitAndChunkErrors() {
        Tensor x = Tensor.ones(2, 5);
        assertMessage(() -> x.split(new int[] {2, 2}, 1), "split", "[2, 2]", "sum to 4", "size 5");
        assertMessage(() -> x.split(0, 1), "split", "splitSize", "got 0");
        assertMessage(() -> x.split(-1, 1), "split", "got -1");
        assertMessage(() -> x.split(2, 2), "split", "dimension 2", "[2, 5]");
        assertMessage(() -> x.chunk(0, 0), "chunk", "positive", "got 0");
        assertMessage(() -> Tensor.scalar(1f).chunk(2, 0), "chunk", "zero-dimensional");
    }

    // ---------------------------------------------------------------- helpers

    private static List<Shape> shapes(List<Tensor> ts) {
        return ts.stream().map(Tensor::shape).toList();
    }

    static void assertMessage(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "missing '" + f + "' in: " + e.getMessage());
    }

    @Test
    void noGradScopeRecordsNothing() {
        Tensor a = Tensor.ones(2).requiresGrad(true);
        try (var scope = Autograd.noGrad()) {
            assertNull(Tensor.cat(0, a, a).gradFn());
        }
        assertEquals("cat", Tensor.cat(0, a, a).gradFn().op());
    }
}
