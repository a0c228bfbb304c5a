package io.neurite.tensor;

import static io.neurite.tensor.ReductionCase.assertClose;
import static io.neurite.tensor.ReductionCase.assertFailsMentioning;
import static io.neurite.tensor.ReductionCase.assertPasses;
import static io.neurite.tensor.ReductionCase.check;
import static io.neurite.tensor.ReductionCase.x;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ReductionsTest {

    @Test
    void sumAndMeanMatchTorch() {
        check(x(), t -> t.sum(new int[] {0, 1}, true), new int[] {1, 1, 4}, new float[] {0f, 9.5f, 1.25f, 6.25f},
                new float[] {0.25f, 0.5f, 0.75f, 1f, 0.25f, 0.5f, 0.75f, 1f, 0.25f, 0.5f, 0.75f, 1f, 0.25f, 0.5f, 0.75f,
                    1f, 0.25f, 0.5f, 0.75f, 1f, 0.25f, 0.5f, 0.75f, 1f});
        check(x(), t -> t.mean(0), new int[] {3, 4},
                new float[] {1.5f, -0.25f, 0.25f, 3.25f, -0.625f, 1.375f, 1f, -0.125f, -0.875f, 3.625f, -0.625f, 0f},
                new float[] {0.125f, 0.25f, 0.375f, 0.5f, 0.625f, 0.75f, 0.875f, 1f, 1.125f, 1.25f, 1.375f, 1.5f,
                    0.125f, 0.25f, 0.375f, 0.5f, 0.625f, 0.75f, 0.875f, 1f, 1.125f, 1.25f, 1.375f, 1.5f});
    }

    @Test
    void prodMatchesTorchOverAllOneAndSeveralDims() {
        check(x(), Tensor::prod, new int[] {}, new float[] {0f},
                new float[] {0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 2491.0908f, 0f, 0f,
                    0f, 0f, 0f});
        check(x(), t -> t.prod(1, true), new int[] {2, 1, 4},
                new float[] {-0.09375f, -7.5f, -12f, -8.75f, 2.5f, 3.046875f, -0f, -6.75f},
                new float[] {-0.046875f, 3f, -4.5f, -2.5f, 0.03125f, -2.5f, -4.5f, 3.5f, -0.09375f, -0.9375f, 3f, -8.75f,
                    1.25f, 6.09375f, 0f, -4.5f, -6.25f, 3.65625f, -4.59375f, -6f, -1.5625f, 1.40625f, -0f, 13.5f});
        check(x(), t -> t.prod(-1, false), new int[] {2, 3},
                new float[] {-4.375f, 5.625f, -3f, -8.4375f, -0f, 11.375f},
                new float[] {-2.1875f, 0.875f, -0.546875f, -0.3125f, -3.75f, 1.875f, 1.40625f, -1.125f, -9f, -0.5625f,
                    0.75f, -2.25f, -3.375f, -11.25f, 5.625f, -2.8125f, 0f, -0f, -1.7578125f, -0f, -8.53125f, 5.25f,
                    9.75f, -17.0625f});
        check(x(), t -> t.prod(new int[] {0, -1}, false), new int[] {3}, new float[] {36.914062f, -0f, -34.125f},
                new float[] {18.457031f, -7.3828125f, 4.6142578f, 2.6367188f, 0f, -0f, -0f, 0f, -102.375f, -6.3984375f,
                    8.53125f, -25.59375f, 3.6914062f, 12.304688f, -6.1523438f, 3.0761719f, 0f, -0f, -3.9550781f, -0f,
                    12.796875f, -7.875f, -14.625f, 25.59375f});
        // a transposed (non-contiguous) input
        check(x(), t -> t.transpose(0, 2).prod(1, false), new int[] {4, 2},
                new float[] {-0.09375f, 2.5f, -7.5f, 3.046875f, -12f, -0f, -8.75f, -6.75f},
                new float[] {-0.046875f, 4.5f, -7.5f, -4.375f, 0.03125f, -3.75f, -7.5f, 6.125f, -0.09375f, -1.40625f,
                    5f, -15.3125f, 0.5f, 4.0625f, 0f, -4.5f, -2.5f, 2.4375f, -3.9375f, -6f, -0.625f, 0.9375f, -0f, 13.5f});
    }

    @Test
    void prodGradientWithNoneOneAndSeveralZeros() {
        Tensor z = Tensor.of(new float[] {2, 0, 3, 0, 0, 4, 1, 2, 3, 0, 5, -1}, 4, 3);
        check(z, t -> t.prod(1, false), new int[] {4}, new float[] {0f, 0f, 6f, -0f},
                new float[] {0f, 1.5f, 0f, 0f, 0f, 0f, 4.5f, 2.25f, 1.5f, -5f, -0f, 0f});
        check(Tensor.of(new float[] {2, 0, 3, -1.5f}, 4), Tensor::prod, new int[] {}, new float[] {-0f},
                new float[] {-0f, -2.25f, -0f, 0f});
        check(Tensor.of(new float[] {2, 0, 3, 0}, 4), Tensor::prod, new int[] {}, new float[] {0f},
                new float[] {0f, 0f, 0f, 0f});
        // a product is linear in each input, so central differences are exact even at zeros
        assertPasses(GradCheck.check(in -> in[0].prod(1, true), z.detach().requiresGrad(true)));
        Tensor y = Tensor.of(new float[] {0.9f, -1.1f, 1.3f, 0.7f, 1.2f, -0.8f}, 2, 3).requiresGrad(true);
        assertPasses(GradCheck.check(in -> in[0].prod(), y));
        assertPasses(GradCheck.check(in -> in[0].t().prod(0, false), y));
        assertPasses(GradCheck.check(in -> in[0].slice(1, 0, 3, 2).prod(new int[] {0, 1}, true), y));
    }

    @Test
    void reductionsOfViewsReadTheViewedElements() {
        Tensor x = x();
        // slice with a step, along the reduced dimension
        assertClose(new float[] {2.5f, 1.25f, -2.75f, 1f, -0.5f, -0.25f},
                x.slice(2, 0, 4, 2).sum(-1).toFloatArray(), "sliced sum");
        // an expanded vector: every row the same
        Tensor v = Tensor.of(new float[] {1.5f, -2f, 0.5f}, 3);
        assertClose(new float[] {6f, -8f, 2f}, v.expand(4, 3).sum(0).toFloatArray(), "expanded sum");
        assertClose(new float[] {5.0625f, 16f, 0.0625f}, v.expand(4, 3).prod(0, false).toFloatArray(), "expanded prod");
        // a contiguous view that starts past the storage's beginning takes the leading-rows path
        Tensor tail = x.narrow(0, 1, 1).reshape(3, 4);
        assertTrue(ReducedLayout.of("sum", tail, new int[] {0}, false).reducesLeadingBlocks());
        assertClose(new float[] {0f, 5.25f, 0.25f, 4.25f}, tail.sum(0).toFloatArray(), "offset view sum");
    }

    @Test
    void leadingDimensionSumsAddRowsAndEqualTheGeneralPathBitForBit() {
        Random random = new Random(11);
        int[][] shapes = {{37, 1000}, {9, 3}, {3, 2500}, {64, 2}, {5, 1, 7}, {4, 6, 9}, {2, 3, 1, 5}, {17, 33, 2}};
        for (int[] shape : shapes) {
            float[] data = new float[Shape.of(shape).numel()];
            for (int i = 0; i < data.length; i++) data[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(6)));
            Tensor fast = Tensor.of(data, shape);
            Tensor general = reversed(reversed(fast).contiguous());
            int[][] dimSets = shape.length == 2 ? new int[][] {{0}} : new int[][] {{0}, {0, 1}};
            for (int[] dims : dimSets) {
                for (boolean keepdim : new boolean[] {false, true}) {
                    assertTrue(ReducedLayout.of("sum", fast, dims, keepdim).reducesLeadingBlocks());
                    assertFalse(ReducedLayout.of("sum", general, dims, keepdim).reducesLeadingBlocks());
                    Tensor s = fast.sum(dims, keepdim), g = general.sum(dims, keepdim);
                    assertEquals(g.shape(), s.shape());
                    assertArrayEquals(g.toFloatArray(), s.toFloatArray(), java.util.Arrays.toString(shape));
                    assertArrayEquals(general.mean(dims, keepdim).toFloatArray(), fast.mean(dims, keepdim).toFloatArray());
                }
            }
        }
    }

    @Test
    void biasGradientTakesTheLeadingRowsPath() {
        Tensor bias = Tensor.of(new float[] {0.5f, -1f, 2f}, 3).requiresGrad(true);
        Tensor in = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 4, 3);
        in.add(bias).mul(in).sum().backward();
        assertArrayEquals(new float[] {22f, 26f, 30f}, bias.grad().toFloatArray());
    }

    @Test
    void emptyReductionsFollowTorch() {
        Tensor e = Tensor.zeros(0, 3);
        assertEquals(0f, e.sum().item());
        assertArrayEquals(new float[] {0f, 0f, 0f}, e.sum(0).toFloatArray());
        assertEquals(1f, e.prod().item());
        assertArrayEquals(new float[] {1f, 1f, 1f}, e.prod(0, false).toFloatArray());
        assertEquals(Shape.of(0, 1), e.prod(1, true).shape());
        assertTrue(Float.isNaN(e.mean().item()));
        Tensor g = Tensor.zeros(0, 3).requiresGrad(true);
        g.prod(0, false).sum().backward();
        assertEquals(Shape.of(0, 3), g.grad().shape());
    }

    @Test
    void scalarsReduceOverDimensionZero() {
        Tensor s = Tensor.scalar(3f);
        assertEquals(3f, s.prod(0, false).item());
        assertEquals(Shape.of(), s.prod(0, true).shape());
        assertEquals(3f, s.sum(-1).item());
    }

    @Test
    void errorsNameTheOpAndTheShape() {
        Tensor x = Tensor.zeros(2, 3);
        assertFailsMentioning(() -> x.prod(2, false), "prod", "dimension 2", "[2, 3]");
        assertFailsMentioning(() -> x.sum(-3), "sum", "dimension -3", "[2, 3]");
        assertFailsMentioning(() -> x.prod(new int[] {1, -1}, false), "prod", "more than once", "[2, 3]");
        assertFailsMentioning(() -> Tensor.ofInts(new int[] {1, 2}, 2).prod(), "prod", "int32", "toFloat()");
    }

    /** The same values seen through reversed strides (not contiguous). */
    private static Tensor reversed(Tensor t) {
        int[] order = new int[t.dim()];
        for (int i = 0; i < order.length; i++) order[i] = order.length - 1 - i;
        return t.permute(order);
    }
}
