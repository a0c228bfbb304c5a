package io.neurite.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.testing.Fixtures;
import io.neurite.testing.Fixtures.FixtureCase;
import org.junit.jupiter.api.Test;

/** Reference values from torch 1.13 (torch.arange, torch.linspace, torch.eye on float32). */
class FactoriesTest {

    @Test
    void arangeMatchesTorchIncludingAccumulatedFloatSteps() {
        // torch.arange(0, 1, 0.1): 10 elements, 1.0 excluded although 10 * 0.1 rounds near it.
        assertValues(Tensor.arange(0, 1, 0.1), new float[] {0.0f, 0.10000000149011612f, 0.20000000298023224f,
                0.30000001192092896f, 0.4000000059604645f, 0.5f, 0.6000000238418579f, 0.699999988079071f,
                0.800000011920929f, 0.8999999761581421f}, 10);
        // 0.3 / 0.1 = 2.9999999999999996 in double: 3 elements, as in Python.
        assertValues(Tensor.arange(0, 0.3, 0.1), new float[] {0.0f, 0.10000000149011612f, 0.20000000298023224f}, 3);
        assertValues(Tensor.arange(1, 2.5, 0.5), new float[] {1.0f, 1.5f, 2.0f}, 3);
        assertValues(Tensor.arange(10, 0, -1.5), new float[] {10.0f, 8.5f, 7.0f, 5.5f, 4.0f, 2.5f, 1.0f}, 7);
        assertValues(Tensor.arange(-1, 1, 0.3), new float[] {-1.0f, -0.699999988079071f, -0.4000000059604645f,
                -0.10000000149011612f, 0.20000000298023224f, 0.5f, 0.800000011920929f}, 7);
        assertValues(Tensor.arange(0.5, 3.2, 0.7), new float[] {0.5f, 1.2000000476837158f, 1.899999976158142f,
                2.5999999046325684f}, 4);
        assertValues(Tensor.arange(5), new float[] {0, 1, 2, 3, 4}, 5);
        assertEquals(100, Tensor.arange(0, 1, 0.01).numel());
        assertEquals(Shape.of(0), Tensor.arange(2, 2, 1).shape());
        assertEquals(Shape.of(0), Tensor.arange(0).shape());
    }

    @Test
    void sharedFixturesForArangeLinspaceAndEye() {
        for (FixtureCase c : Fixtures.cases("arange")) {
            Tensor out = Tensor.arange(c.argDouble("start"), c.argDouble("end"), c.argDouble("step", 1));
            c.assertOutput(out.shape().dims(), out.toFloatArray());
        }
        for (FixtureCase c : Fixtures.cases("linspace")) {
            Tensor out = Tensor.linspace(c.argDouble("start"), c.argDouble("end"), c.argInt("steps"));
            c.assertOutput(out.shape().dims(), out.toFloatArray());
        }
        for (FixtureCase c : Fixtures.cases("eye")) {
            Tensor out = c.has("m") ? Tensor.eye(c.argInt("n"), c.argInt("m")) : Tensor.eye(c.argInt("n"));
            c.assertOutput(out.shape().dims(), out.toFloatArray());
        }
    }

    @Test
    void arangeIntIsInt32() {
        Tensor t = Tensor.arangeInt(0, 10, 3);
        assertEquals(DType.INT32, t.dtype());
        assertArrayEquals(new int[] {0, 3, 6, 9}, t.toIntArray());
        assertArrayEquals(new int[] {10, 7, 4, 1}, Tensor.arangeInt(10, 0, -3).toIntArray());
        assertArrayEquals(new int[] {-5, -3, -1, 1, 3}, Tensor.arangeInt(-5, 5, 2).toIntArray());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, Tensor.arangeInt(7).toIntArray());
        assertEquals(Shape.of(0), Tensor.arangeInt(3, 3, 1).shape());
        // ceil((2^32 - 1) / (2^31 - 1)) = 3 elements spanning the whole int32 range.
        assertArrayEquals(new int[] {Integer.MIN_VALUE, -1, Integer.MAX_VALUE - 1},
                Tensor.arangeInt(Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE).toIntArray());
    }

    @Test
    void arangeRejectsZeroStepAndWrongSign() {
        assertMessage(() -> Tensor.arange(0, 1, 0), "arange: step must be nonzero");
        assertMessage(() -> Tensor.arange(0, -1, 1), "arange: the step 1.0 goes away from end=-1.0",
                "negative step");
        assertMessage(() -> Tensor.arange(0, 1, -0.1), "arange: the step -0.1 goes away from end=1.0",
                "positive step");
        assertMessage(() -> Tensor.arange(-1), "arange: the step 1.0 goes away from end=-1.0");
        assertMessage(() -> Tensor.arange(0, Double.POSITIVE_INFINITY, 1), "arange: expected finite");
        assertMessage(() -> Tensor.arangeInt(0, 5, 0), "arangeInt: step must be nonzero");
        assertMessage(() -> Tensor.arangeInt(5, 0, 1), "arangeInt: the step 1.0 goes away from end=0.0");
        assertMessage(() -> Tensor.arange(0, 1e10, 1), "more than a tensor can hold");
    }

    @Test
    void linspaceUsesTorchSymmetricFormula() {
        assertValues(Tensor.linspace(0, 1, 5), new float[] {0.0f, 0.25f, 0.5f, 0.75f, 1.0f}, 5);
        // The middle value is end - 3 * step with one rounding (a fused multiply-add), as torch: not 0.
        assertValues(Tensor.linspace(-1, 1, 7), new float[] {-1.0f, -0.6666666269302368f, -0.3333333134651184f,
                -2.9802322387695312e-08f, 0.3333333134651184f, 0.6666666269302368f, 1.0f}, 7);
        assertValues(Tensor.linspace(0, 1, 1), new float[] {0.0f}, 1);
        assertValues(Tensor.linspace(0, 1, 0), new float[] {}, 0);
        assertValues(Tensor.linspace(3, 3, 4), new float[] {3.0f, 3.0f, 3.0f, 3.0f}, 4);
        assertValues(Tensor.linspace(-2.5, 7.3, 15), new float[] {-2.5f, -1.7999999523162842f, -1.100000023841858f,
                -0.40000003576278687f, 0.2999999523162842f, 0.9999999403953552f, 1.6999999284744263f,
                2.4000003337860107f, 3.1000003814697266f, 3.8000001907348633f, 4.5f, 5.200000286102295f,
                5.900000095367432f, 6.600000381469727f, 7.300000190734863f}, 15);
        assertValues(Tensor.linspace(5, -5, 10), new float[] {5.0f, 3.8888888359069824f, 2.777777671813965f,
                1.6666665077209473f, 0.5555553436279297f, -0.5555553436279297f, -1.6666665077209473f,
                -2.777777671813965f, -3.8888888359069824f, -5.0f}, 10);
        assertValues(Tensor.linspace(0.1, 0.9, 13), new float[] {0.10000000149011612f, 0.1666666567325592f,
                0.23333331942558289f, 0.29999998211860657f, 0.36666664481163025f, 0.43333330750465393f, 0.5f,
                0.5666666626930237f, 0.6333333253860474f, 0.699999988079071f, 0.7666666507720947f,
                0.8333333134651184f, 0.8999999761581421f}, 13);
    }

    @Test
    void linspaceLongMatchesTorchWithinThreeUlps() {
        // From 16 steps on, torch's AVX2 kernel adds k * step to a rounded base: last-bit differences.
        float[] torch = {-2.5f, -2.1937499046325684f, -1.8875000476837158f, -1.5812499523162842f,
                -1.274999976158142f, -0.96875f, -0.6624999046325684f, -0.3562500476837158f, -0.04999995231628418f,
                0.2562500536441803f, 0.5625000596046448f, 0.8687500953674316f, 1.1750000715255737f,
                1.4812500476837158f, 1.7875001430511475f, 2.09375f, 2.4000000953674316f, 2.7062501907348633f,
                3.012500047683716f, 3.3187501430511475f, 3.625f, 3.9312500953674316f, 4.237500190734863f,
                4.543749809265137f, 4.850000381469727f, 5.156250476837158f, 5.46250057220459f, 5.768750190734863f,
                6.075000286102295f, 6.381250381469727f, 6.687500476837158f, 6.99375057220459f, 7.300000190734863f};
        float[] ours = Tensor.linspace(-2.5, 7.3, 33).toFloatArray();
        assertEquals(torch.length, ours.length);
        for (int i = 0; i < ours.length; i++) {
            assertTrue(Math.abs(ours[i] - torch[i]) <= 3 * Math.ulp(torch[i]), "element " + i + ": " + ours[i]
                    + " vs torch " + torch[i]);
        }
    }

    @Test
    void linspaceRejectsNegativeSteps() {
        assertMessage(() -> Tensor.linspace(0, 1, -1), "linspace: number of steps must be non-negative, got -1");
    }

    @Test
    void eyeSquareAndRectangular() {
        assertValues(Tensor.eye(3), new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3, 3);
        assertValues(Tensor.eye(2, 3), new float[] {1, 0, 0, 0, 1, 0}, 2, 3);
        assertValues(Tensor.eye(3, 2), new float[] {1, 0, 0, 1, 0, 0}, 3, 2);
        assertEquals(Shape.of(0, 3), Tensor.eye(0, 3).shape());
        assertMessage(() -> Tensor.eye(-1), "eye: sizes must be non-negative, got n=-1, m=-1");
    }

    @Test
    void randomCreationShapesRangesAndErrors() {
        Generator g = new Generator(3);
        Tensor u = Tensor.rand(g, 4, 5);
        assertEquals(Shape.of(4, 5), u.shape());
        assertEquals(DType.FLOAT32, u.dtype());
        for (float v : u.toFloatArray()) assertTrue(v >= 0 && v < 1, "rand value " + v);
        assertEquals(Shape.of(2, 0), Tensor.randn(g, 2, 0).shape());
        assertEquals(Shape.of(), Tensor.randn(g).shape());
        Tensor ints = Tensor.randint(g, -3, 4, 50);
        assertEquals(DType.INT32, ints.dtype());
        for (int v : ints.toIntArray()) assertTrue(v >= -3 && v < 4, "randint value " + v);

        Tensor like = Tensor.randintLike(Tensor.zeros(2, 3), 0, 10);
        assertEquals(DType.FLOAT32, like.dtype());
        for (float v : like.toFloatArray()) assertEquals(Math.rint(v), v, 0f);
        assertEquals(DType.INT32, Tensor.randintLike(Tensor.ofInts(new int[] {1, 2}, 2), 0, 10).dtype());
        assertEquals(Shape.of(3, 1), Tensor.randLike(Tensor.zeros(3, 1)).shape());
        assertEquals(Shape.of(3, 1), Tensor.randnLike(Tensor.zeros(3, 1)).shape());

        assertMessage(() -> Tensor.randint(g, 5, 5, 3), "randint: expected low < high, got low=5, high=5");
        assertMessage(() -> Tensor.rand(g, 2, -1), "rand: sizes must be non-negative, got [2, -1]");
        NullPointerException npe = assertThrows(NullPointerException.class, () -> Tensor.randn((Generator) null, 2));
        assertTrue(npe.getMessage().startsWith("randn: the generator is null"), npe.getMessage());
    }

    @Test
    void randintCoversTheWholeInt32Range() {
        Tensor t = Tensor.randint(new Generator(9), Integer.MIN_VALUE, Integer.MAX_VALUE, 1000);
        boolean negative = false, positive = false;
        for (int v : t.toIntArray()) {
            negative |= v < -1_000_000_000;
            positive |= v > 1_000_000_000;
            assertTrue(v != Integer.MAX_VALUE);
        }
        assertTrue(negative && positive);
    }

    @Test
    void inPlaceFillsBumpVersionAndFillNonContiguousViewsInRowMajorOrder() {
        Tensor t = Tensor.zeros(3, 4);
        int before = t.storage.version();
        t.uniformInPlace(-2f, 5f, new Generator(1));
        assertEquals(before + 1, t.storage.version());
        for (float v : t.toFloatArray()) assertTrue(v >= -2f && v < 5f, "uniform value " + v);
        // Rounding u * (to - from) + from would give `to` itself for about half the draws here.
        for (float v : Tensor.zeros(100).uniformInPlace(0f, Float.MIN_VALUE).toFloatArray()) assertEquals(0f, v);
        for (float v : Tensor.zeros(3).uniformInPlace(7f, 7f).toFloatArray()) assertEquals(7f, v);
        // A transposed view receives the same sequence, laid out in its own row-major order.
        Tensor base = Tensor.zeros(4, 3);
        base.t().normalInPlace(1f, 2f, new Generator(8));
        Tensor contiguous = Tensor.zeros(3, 4).normalInPlace(1f, 2f, new Generator(8));
        assertArrayEquals(contiguous.toFloatArray(), base.t().toFloatArray());
        // Only the viewed part of the storage changes.
        Tensor row = Tensor.zeros(2, 3);
        row.select(0, 1).uniformInPlace(1f, 2f, new Generator(2));
        float[] values = row.toFloatArray();
        for (int i = 0; i < 3; i++) assertEquals(0f, values[i]);
        for (int i = 3; i < 6; i++) assertTrue(values[i] >= 1f && values[i] < 2f);
    }

    @Test
    void inPlaceFillsRefuseGradTensorsAndBadArguments() {
        Tensor w = Tensor.zeros(2, 2).requiresGrad(true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.normalInPlace(0f, 1f));
        assertTrue(e.getMessage().contains("normalInPlace: cannot change in place a tensor that requires grad"),
                e.getMessage());
        try (var scope = Autograd.noGrad()) {
            w.normalInPlace(0f, 1f, new Generator(0));
        }
        assertMessage(() -> Tensor.zeros(2).normalInPlace(0f, -1f),
                "normalInPlace: expected a finite mean and a finite std >= 0, got mean=0.0, std=-1.0");
        assertMessage(() -> Tensor.zeros(2).uniformInPlace(2f, 1f),
                "uniformInPlace: expected finite bounds with from <= to, got from=2.0, to=1.0");
        assertMessage(() -> Tensor.ofInts(new int[] {1}, 1).uniformInPlace(0f, 1f),
                "uniformInPlace: expected a float32 tensor, got int32");
    }

    private static void assertValues(Tensor t, float[] expected, int... shape) {
        assertEquals(Shape.of(shape), t.shape());
        assertEquals(DType.FLOAT32, t.dtype());
        assertArrayEquals(expected, t.toFloatArray());
    }

    private static void assertMessage(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String part : parts) assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
