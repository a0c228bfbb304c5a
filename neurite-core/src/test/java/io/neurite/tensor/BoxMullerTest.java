package io.neurite.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoxMullerTest {

    @Test
    void sinAndCosOfTwoPiUMatchStrictMath() {
        double[] edges = {0, 0x1p-53, 0.125, 0.125 + 0x1p-53, 0.25, 0.375, 0.5, 0.5 + 0x1p-53, 0.625, 0.75, 0.875,
                1 - 0x1p-53};
        for (double u : edges) assertClose(u);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) assertClose(r.nextDouble());
    }

    @Test
    void radiusIsSqrtOfMinusTwoLog() {
        assertEquals(0.0, BoxMuller.radius(1.0), 0.0);
        assertEquals(Math.sqrt(-2 * Math.log(0x1p-53)), BoxMuller.radius(0x1p-53), 1e-14);
    }

    private static void assertClose(double u) {
        double[] cosSin = new double[2];
        BoxMuller.cosSin2Pi(u, cosSin);
        assertEquals(StrictMath.cos(2 * Math.PI * u), cosSin[0], 1e-13, "cos at u=" + u);
        assertEquals(StrictMath.sin(2 * Math.PI * u), cosSin[1], 1e-13, "sin at u=" + u);
    }
}
