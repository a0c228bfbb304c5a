package io.neurite.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected results from torch.allclose in torch 1.13. */
class AllCloseTest {

    private static Tensor t(float... values) {
        return Tensor.of(values, values.length);
    }

    @Test
    void defaultTolerancesMatchTorch() {
        assertTrue(t(1, 2, 3).allClose(t(1 + 1e-6f, 2, 3)));
        assertFalse(t(1, 2, 3).allClose(t(1.0001f, 2, 3)));
        assertTrue(t(0).allClose(t(1e-9f)));
        assertFalse(t(0).allClose(t(1e-7f)));
        assertTrue(t(1e-9f).allClose(t(0)));
        assertFalse(t(2e-8f).allClose(t(0)));
        assertTrue(t(100.0009f).allClose(t(100)));
        assertFalse(t(100.0011f).allClose(t(100)));
    }

    @Test
    void relativeToleranceScalesWithOtherOnly() {
        // |a - b| <= atol + rtol * |b|: 0.5 <= 0.0485 * 10.5 holds, 0.5 <= 0.0485 * 10 does not.
        assertTrue(t(10).allClose(t(10.5f), 0.0485, 0));
        assertFalse(t(10.5f).allClose(t(10), 0.0485, 0));
        // In float32 |1 - 1.1| is 0.100000024 > 0.1f, as torch.
        assertFalse(t(1).allClose(t(1.1f), 0, 0.1));
        assertTrue(t(1).allClose(t(1.1f), 0, 0.10001));
    }

    @Test
    void nanIsNeverCloseInfinityOnlyToItself() {
        assertFalse(t(Float.NaN).allClose(t(Float.NaN)));
        assertTrue(t(Float.POSITIVE_INFINITY).allClose(t(Float.POSITIVE_INFINITY)));
        assertFalse(t(Float.POSITIVE_INFINITY).allClose(t(Float.NEGATIVE_INFINITY)));
        assertFalse(t(Float.POSITIVE_INFINITY).allClose(t(3e38f), 1, 1));
        assertFalse(t(1, Float.NaN).allClose(t(1, 2), 1, 10));
    }

    @Test
    void broadcastsAndReadsViewsAndIntTensors() {
        assertTrue(Tensor.ones(2, 3).allClose(Tensor.ones(3)));
        assertTrue(Tensor.ones(3).allClose(Tensor.ones(2, 3)));
        assertFalse(Tensor.ones(2, 3).allClose(t(1, 1, 1.5f)));
        assertTrue(Tensor.ones(4, 1).expand(4, 3).allClose(Tensor.scalar(1)));
        Tensor x = Tensor.arange(6).reshape(2, 3);
        assertTrue(x.t().allClose(Tensor.of(new float[] {0, 3, 1, 4, 2, 5}, 3, 2)));
        assertFalse(x.t().allClose(x.reshape(3, 2)));
        assertTrue(Tensor.arange(12).slice(0, 1, 12, 4).allClose(t(1, 5, 9)));
        assertTrue(Tensor.ofInts(new int[] {1, 2}, 2).allClose(t(1, 2)));
        assertTrue(Tensor.zeros(0, 3).allClose(Tensor.ones(3)));
    }

    @Test
    void rejectsIncompatibleShapesAndNegativeTolerances() {
        ShapeException e = assertThrows(ShapeException.class, () -> Tensor.ones(2, 3).allClose(Tensor.ones(2)));
        assertTrue(e.getMessage().startsWith("allClose: shapes [2, 3] and [2] cannot be broadcast"), e.getMessage());
        assertEquals(2, e.shapes().size());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> t(1).allClose(t(1), -1, 0));
        assertEquals("allClose: rtol and atol must be non-negative, got rtol=-1.0, atol=0.0", bad.getMessage());
    }
}
