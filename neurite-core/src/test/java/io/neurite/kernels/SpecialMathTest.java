package io.neurite.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpecialMathTest {

    /** Phi(x) rounded to float, from Python's math.erfc in double: 0.5 * erfc(-x / sqrt 2). */
    private static final float[][] NDTR = {
        {-14f, 8.407790785948902e-45f}, {-13f, 6.117163856434197e-39f}, {-12f, 1.776482184398498e-33f},
        {-10f, 7.619852819271277e-24f}, {-8f, 6.220960424517508e-16f}, {-6f, 9.865877004244794e-10f},
        {-3.5f, 0.00023262908507604152f}, {-1f, 0.15865525603294373f}, {-0.75f, 0.22662734985351562f},
        {-0.25f, 0.40129366517066956f}, {0f, 0.5f}, {0.5f, 0.6914624571800232f},
        {0.7071067690849304f, 0.7602499127388f}, {0.75f, 0.7733726501464844f}, {1f, 0.8413447737693787f},
        {1.375f, 0.9154343008995056f}, {1.4142135381698608f, 0.9213504195213318f}, {2f, 0.9772498607635498f},
        {3f, 0.998650074005127f}, {5f, 0.9999997019767761f}, {8f, 1f},
    };

    @Test
    void ndtrIsAccurateInBothTails() {
        for (float[] c : NDTR) {
            float got = SpecialMath.ndtr(c[0]);
            float tolerance = c[1] < 1e-37f ? 2e-45f : 4 * Math.ulp(c[1]);   // denormals: absolute
            assertEquals(c[1], got, tolerance, "ndtr(" + c[0] + ")");
        }
    }

    @Test
    void ndtrOnADenseGridIsWithinAFewUlp() {
        double worst = 0;
        for (float x = -7f; x <= 7f; x += 0.001953125f) {
            double exact = 0.5 * (1 + SpecialMath.erf(x / Math.sqrt(2)));
            if (x < -5) continue;  // the double reference loses relative accuracy beyond
            worst = Math.max(worst, Math.abs(SpecialMath.ndtr(x) - exact) / Math.ulp((float) exact));
        }
        assertTrue(worst <= 4.5, "worst error " + worst + " ulp");
    }

    @Test
    void ndtrHandlesSpecialValues() {
        assertEquals(0f, SpecialMath.ndtr(Float.NEGATIVE_INFINITY));
        assertEquals(1f, SpecialMath.ndtr(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(SpecialMath.ndtr(Float.NaN)));
        assertEquals(0f, SpecialMath.normalPdf(Float.POSITIVE_INFINITY));
        assertEquals(0.3989422804014327, SpecialMath.normalPdf(0f), 1e-7);
        assertEquals(0.24197072451914337, SpecialMath.normalPdf(-1f), 1e-7);
    }

    @Test
    void expm1KeepsRelativeAccuracyNearZero() {
        float[] xs = {-1e-7f, -1e-4f, -0.01f, -0.49f, -0.51f, -1f, -5f, -20f, -100f, 1e-6f, 0.3f, 0.6f, 2f};
        for (float x : xs) {
            double exact = Math.expm1(x);
            assertEquals(exact, SpecialMath.expm1(x), 4 * Math.ulp((float) exact), "expm1(" + x + ")");
        }
        assertEquals(0f, SpecialMath.expm1(0f));
    }

    @Test
    void doubleErfMatchesPython() {
        double[][] cases = {{0.1, 0.1124629160182849}, {0.5, 0.5204998778130465}, {1.0, 0.8427007929497149},
            {2.0, 0.9953222650189527}, {2.9, 0.9999589021219005}, {3.0, 0.9999779095030014},
            {3.5, 0.9999992569016276}, {5.0, 0.9999999999984626}};
        for (double[] c : cases) {
            assertEquals(c[1], SpecialMath.erf(c[0]), 2e-15, "erf(" + c[0] + ")");
            assertEquals(-c[1], SpecialMath.erf(-c[0]), 2e-15, "erf(" + -c[0] + ")");
        }
        assertEquals(0.0, SpecialMath.erf(0.0));
        assertEquals(1.0, SpecialMath.erf(30.0));
    }

    @Test
    void erfinvMatchesPyTorchAndInvertsErf() {
        double[][] cases = {{0.0, 0.0}, {0.1, 0.08885599049425769}, {0.5, 0.4769362762044699},
            {0.9, 1.1630871536766743}, {0.99, 1.8213863677184483}, {0.999999, 3.458910737283175},
            {-0.7, -0.7328690779592169}};
        for (double[] c : cases) assertEquals(c[1], SpecialMath.erfinv(c[0]), 1e-10, "erfinv(" + c[0] + ")");
        for (double y = -0.999; y < 1; y += 0.0123) assertEquals(y, SpecialMath.erf(SpecialMath.erfinv(y)), 1e-14);
        assertEquals(Double.POSITIVE_INFINITY, SpecialMath.erfinv(1));
        assertEquals(Double.NEGATIVE_INFINITY, SpecialMath.erfinv(-1));
        assertTrue(Double.isNaN(SpecialMath.erfinv(1.5)));
    }
}
