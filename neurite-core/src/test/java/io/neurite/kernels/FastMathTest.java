package io.neurite.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class FastMathTest {

    private static float[] sweep() {
        int n = 200_003;
        float[] x = new float[n + 12];
        for (int i = 0; i < n; i++) x[i] = -110f + 210f * i / n;
        float[] specials = {0f, -0f, 1e-8f, -1e-8f, 0.625f, -0.625f, 88.72f, 88.73f, -87.5f, -103.9f,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        System.arraycopy(specials, 0, x, n, specials.length);
        return x;
    }

    private static void assertWithinUlps(String name, DoubleUnaryOperator exact, UnaryOp op, float maxUlps) {
        for (float x : sweep()) {
            float want = (float) exact.applyAsDouble(x);
            float got = op.apply(x);
            if (Float.isInfinite(want) || want == 0f || Math.abs(want) < Float.MIN_NORMAL) {
                assertTrue(Math.abs(got - want) <= Float.MIN_NORMAL || got == want, name + "(" + x + ") = " + got);
                continue;
            }
            float ulps = Math.abs(got - want) / Math.ulp(want);
            assertTrue(ulps <= maxUlps, name + "(" + x + "): got " + got + ", want " + want + " (" + ulps + " ulp)");
        }
    }

    @Test
    void expSigmoidTanhAreAccurate() {
        assertWithinUlps("exp", Math::exp, UnaryOp.EXP, 2);
        assertWithinUlps("sigmoid", x -> 1 / (1 + Math.exp(-x)), UnaryOp.SIGMOID, 3);
        assertWithinUlps("tanh", Math::tanh, UnaryOp.TANH, 3);
        assertTrue(Float.isNaN(FastMath.exp(Float.NaN)));
        assertTrue(Float.isNaN(FastMath.tanh(Float.NaN)));
        assertEquals(-0f, FastMath.tanh(-0f));
        assertEquals(1f, FastMath.exp(0f));
    }

    @Test
    void vectorLanesEqualTheScalarBits() {
        float[] x = sweep();
        for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.SIGMOID, UnaryOp.TANH}) {
            float[] vector = new float[x.length];
            ElementwiseVector.unary(op, x.length, x, 0, vector, 0);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Float.floatToRawIntBits(op.apply(x[i])), Float.floatToRawIntBits(vector[i]),
                        op + "(" + x[i] + ")");
            }
        }
    }
}
