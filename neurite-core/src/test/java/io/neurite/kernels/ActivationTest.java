package io.neurite.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bulk kernels (vectorized and parallel when available) give exactly the bits of the scalar
 * formulas, element by element, over ordinary values, the edge points and special values.
 */
class ActivationTest {

    private static final float[] SPECIAL = {0f, -0f, 3f, -3f, 6f, 1f, -1f, 20f, 21f, 0.5f, -0.5f, Float.NaN,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, 1e-30f,
        -88f, 88f, -104f, 104f, 1e4f, -1e4f};

    private static float[] inputs(int n) {
        Random r = new Random(7);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double scale = i % 3 == 0 ? 30 : 3;
            x[i] = i < SPECIAL.length * 3 ? SPECIAL[i % SPECIAL.length] : (float) (r.nextGaussian() * scale);
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void bulkEqualsScalarBitForBit(Activation f) {
        int n = 40_003;  // several parallel chunks and a vector tail
        float[] x = inputs(n), g = inputs(n);
        float a = f == Activation.HARDTANH ? -0.5f : f == Activation.ELU ? 1.7f : 0.3f;
        float b = f == Activation.HARDTANH ? 2f : f == Activation.SOFTPLUS ? 4f : 1.05f;
        float c = f == Activation.ELU ? 0.8f : 0f;
        float[] y = new float[n], dx = new float[n];
        f.forward(x, y, n, a, b, c);
        f.backward(x, g, dx, n, a, b, c);
        for (int i = 0; i < n; i++) {
            assertEquals(Float.floatToIntBits(f.apply(x[i], a, b, c)), Float.floatToIntBits(y[i]),
                    () -> f + " forward differs from the scalar formula");
            assertEquals(Float.floatToIntBits(f.grad(x[i], g[i], a, b, c)), Float.floatToIntBits(dx[i]),
                    () -> f + " backward differs from the scalar formula");
        }
    }

    @Test
    void edgeConventionsFollowPyTorch() {
        assertEquals(0f, Activation.RELU.grad(0f, 1f, 0, 0, 0));
        assertEquals(0.01f, Activation.LEAKY_RELU.grad(0f, 1f, 0.01f, 0, 0));
        assertEquals(0f, Activation.HARDTANH.grad(-1f, 1f, -1f, 1f, 0));
        assertEquals(0f, Activation.HARDTANH.grad(1f, 1f, -1f, 1f, 0));
        assertEquals(1f, Activation.HARDTANH.grad(0.999f, 1f, -1f, 1f, 0));
        assertEquals(0f, Activation.HARDSIGMOID.grad(3f, 1f, 0, 0, 0));
        assertEquals(0f, Activation.HARDSIGMOID.grad(-3f, 1f, 0, 0, 0));
        assertEquals(-0.5f, Activation.HARDSWISH.grad(-3f, 1f, 0, 0, 0));
        assertEquals(1.5f, Activation.HARDSWISH.grad(3f, 1f, 0, 0, 0));
        assertEquals(1f, Activation.HARDSWISH.grad(3.0001f, 1f, 0, 0, 0));
        assertEquals(0f, Activation.THRESHOLD.grad(0.5f, 1f, 0.5f, 9f, 0));
        assertEquals(9f, Activation.THRESHOLD.apply(0.5f, 0.5f, 9f, 0));
        assertEquals(1f, Activation.ELU.grad(0f, 1f, 1f, 1f, 1f));
        assertEquals(30f, Activation.SOFTPLUS.apply(30f, 1f, 20f, 0));   // linear above the threshold
        assertEquals(1f, Activation.SOFTPLUS.grad(30f, 1f, 1f, 20f, 0));
        assertEquals(-0f, Activation.GELU_TANH.apply(-30f, 0, 0, 0));
        assertEquals(0f, Activation.GELU_TANH.grad(-30f, 1f, 0, 0, 0), 0f);
        assertEquals(100f, Activation.MISH.apply(100f, 0, 0, 0));
        assertEquals(1f, Activation.MISH.grad(100f, 1f, 0, 0, 0));
    }
}
