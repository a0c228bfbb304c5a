package io.neurite.tensor;

import static io.neurite.tensor.ReductionCase.assertFailsMentioning;
import static io.neurite.tensor.ReductionCase.assertPasses;
import static io.neurite.tensor.ReductionCase.check;
import static io.neurite.tensor.ReductionCase.x;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IndexedReductionsTest {

    /** [[1, 5, 5], [2, 5, 0]]: three tied maxima. */
    private static Tensor ties() {
        return Tensor.of(new float[] {1, 5, 5, 2, 5, 0}, 2, 3);
    }

    @Test
    void maxAndMinOfAllElementsShareTheGradientAmongTies() {
        check(ties(), Tensor::max, new int[] {}, new float[] {5f},
                new float[] {0f, 0.083333336f, 0.083333336f, 0f, 0.083333336f, 0f});
        check(ties(), Tensor::min, new int[] {}, new float[] {0f}, new float[] {0f, 0f, 0f, 0f, 0f, 0.25f});
        check(x(), t -> t.transpose(0, 2).max(), new int[] {}, new float[] {4f}, oneHot(24, 9, 0.25f));
    }

    @Test
    void maxAndMinAlongADimensionReturnValuesAndFirstIndices() {
        checkIndexed(ties(), t -> t.max(1, false), new int[] {2}, new float[] {5f, 5f}, new int[] {1, 1},
                new float[] {0f, 0.25f, 0f, 0f, 0.5f, 0f});
        checkIndexed(ties(), t -> t.min(0, true), new int[] {1, 3}, new float[] {1f, 5f, 0f}, new int[] {0, 0, 1},
                new float[] {0.25f, 0.5f, 0f, 0f, 0f, 0.75f});
        checkIndexed(x(), t -> t.max(1, false), new int[] {2, 4},
                new float[] {0.5f, 4f, 2f, 3.5f, 2.5f, 3.25f, 1.75f, 3f}, new int[] {0, 2, 0, 0, 0, 2, 2, 0},
                new float[] {0.25f, 0f, 0.75f, 1f, 0f, 0f, 0f, 0f, 0f, 0.5f, 0f, 0f, 1.25f, 0f, 0f, 2f, 0f, 0f, 0f, 0f,
                    0f, 1.5f, 1.75f, 0f});
        checkIndexed(x(), t -> t.max(-3, true), new int[] {1, 3, 4},
                new float[] {2.5f, 0.75f, 2f, 3.5f, -0.5f, 1.5f, 2f, 2.25f, 0.25f, 4f, 1.75f, 1f},
                new int[] {1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0},
                new float[] {0f, 0f, 0.75f, 1f, 0f, 1.5f, 1.75f, 0f, 2.25f, 2.5f, 0f, 3f, 0.25f, 0.5f, 0f, 0f, 1.25f,
                    0f, 0f, 2f, 0f, 0f, 2.75f, 0f});
        checkIndexed(x(), t -> t.transpose(1, 2).min(2, false), new int[] {2, 4},
                new float[] {-0.75f, -1.25f, -3f, -2.5f, -2f, 0.75f, -1.5f, -1f}, new int[] {1, 0, 2, 1, 2, 0, 0, 2},
                new float[] {0f, 0.5f, 0f, 0f, 0.25f, 0f, 0f, 1f, 0f, 0f, 0.75f, 0f, 0f, 1.5f, 1.75f, 0f, 0f, 0f, 0f,
                    0f, 1.25f, 0f, 0f, 2f});
    }

    @Test
    void argmaxAndArgminGiveInt32Indices() {
        Tensor x = x();
        Tensor flat = x.argmax();
        assertEquals(DType.INT32, flat.dtype());
        assertEquals(Shape.of(), flat.shape());
        assertEquals(9, flat.toIntArray()[0]);
        assertEquals(10, x.argmin().toIntArray()[0]);
        assertArrayEquals(new int[] {3, 2, 1, 3, 3, 1}, x.argmax(2, false).toIntArray());
        Tensor keep = x.argmin(0, true);
        assertEquals(Shape.of(1, 3, 4), keep.shape());
        assertArrayEquals(new int[] {0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1}, keep.toIntArray());
        assertArrayEquals(new int[] {1, 1}, ties().argmax(1, false).toIntArray());
        assertArrayEquals(new int[] {0, 2}, ties().argmin(-1, false).toIntArray());
        assertEquals(1, ties().argmax().toIntArray()[0]);
        // flat indices count the logical (row-major) order of a view, not its storage
        assertEquals(10, x.transpose(0, 2).argmax().toIntArray()[0]);
    }

    @Test
    void nanIsTheExtremeAsInTorch() {
        Tensor n = Tensor.of(new float[] {1, Float.NaN, 3, 4, 2, Float.NaN}, 2, 3);
        ValuesIndices m = n.max(1, false);
        assertTrue(Float.isNaN(m.values().toFloatArray()[0]) && Float.isNaN(m.values().toFloatArray()[1]));
        assertArrayEquals(new int[] {1, 2}, m.indices().toIntArray());
        assertEquals(1, n.argmin().toIntArray()[0]);
        assertTrue(Float.isNaN(n.max().item()));
        Tensor g = n.detach().requiresGrad(true);
        g.min().backward();
        assertArrayEquals(new float[] {0, 0.5f, 0, 0, 0, 0.5f}, g.grad().toFloatArray());
    }

    @Test
    void gradientsPassGradCheck() {
        Tensor a = Tensor.of(new float[] {0.3f, -1.2f, 2.1f, 0.8f, 1.7f, -0.4f, 1.1f, -2.3f}, 2, 4).requiresGrad(true);
        assertPasses(GradCheck.check(in -> in[0].max(), a));
        assertPasses(GradCheck.check(in -> in[0].min(), a));
        assertPasses(GradCheck.check(in -> in[0].max(1, true).values(), a));
        assertPasses(GradCheck.check(in -> in[0].t().min(1, false).values(), a));
        assertPasses(GradCheck.check(in -> in[0].slice(1, 1, 4, 2).max(0, false).values(), a));
    }

    @Test
    void scalarsAndEmptyTensors() {
        ValuesIndices s = Tensor.scalar(3f).max(0, true);
        assertEquals(3f, s.values().item());
        assertEquals(Shape.of(), s.indices().shape());
        assertEquals(0, Tensor.scalar(3f).argmin(0, false).toIntArray()[0]);
        ValuesIndices empty = Tensor.zeros(0, 3).max(1, false);
        assertEquals(Shape.of(0), empty.values().shape());
        assertEquals(Shape.of(0), empty.indices().shape());
    }

    @Test
    void errorsNameTheOpAndTheShape() {
        Tensor e = Tensor.zeros(0, 3);
        assertFailsMentioning(e::max, "max", "non-empty", "[0, 3]");
        assertFailsMentioning(e::argmin, "argmin", "non-empty", "[0, 3]");
        assertFailsMentioning(() -> e.min(0, false), "min", "dimension 0 of size 0", "[0, 3]");
        assertFailsMentioning(() -> e.argmax(-2, true), "argmax", "size 0", "[0, 3]");
        assertFailsMentioning(() -> x().max(3, false), "max", "dimension 3", "[2, 3, 4]");
        assertFailsMentioning(() -> x().argmin(-4, false), "argmin", "dimension -4", "[2, 3, 4]");
    }

    private static void checkIndexed(Tensor input, java.util.function.Function<Tensor, ValuesIndices> op, int[] shape,
                                     float[] values, int[] indices, float[] grad) {
        ValuesIndices probe = op.apply(input);
        assertEquals(DType.INT32, probe.indices().dtype());
        assertEquals(Shape.of(shape), probe.indices().shape());
        assertArrayEquals(indices, probe.indices().toIntArray());
        check(input, t -> op.apply(t).values(), shape, values, grad);
    }

    private static float[] oneHot(int n, int at, float value) {
        float[] out = new float[n];
        out[at] = value;
        return out;
    }
}
