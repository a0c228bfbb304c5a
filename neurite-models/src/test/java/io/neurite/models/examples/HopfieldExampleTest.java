package io.neurite.models.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.models.Hopfield;
import org.junit.jupiter.api.Test;

/** The notes' Hopfield network (seeds/004) recalls every stored letter from a copy with 4 pixels flipped. */
class HopfieldExampleTest {

    @Test
    void recallsEveryStoredPatternFromItsCorruptedCopy() {
        Printed<HopfieldExample.Values> run = Printed.run(new HopfieldExample());
        HopfieldExample.Values v = run.report().values();
        assertEquals(3, v.stored().length);
        for (int k = 0; k < v.stored().length; k++) {
            int differing = 0;
            for (int i = 0; i < 25; i++) if (v.corrupted()[k][i] != v.stored()[k][i]) differing++;
            assertEquals(4, differing, "letter " + k);
            Hopfield.Recall recall = v.recalls()[k];
            assertTrue(recall.converged(), "letter " + k);
            assertArrayEquals(v.stored()[k], recall.state(), "letter " + k);
        }
        // w_ij = Σ_p x_i^p x_j^p: pixels 0 and 1 agree in T (+1) and differ in L and X (-1 each)
        assertEquals(-1.0, v.weights()[0][1]);
        // pixels 0 and 24 (the corners) differ in T (-1) and are both ink in L and X (+1 each)
        assertEquals(1.0, v.weights()[0][24]);
        assertEquals(0.0, v.weights()[12][12]);
        assertTrue(run.report().agrees(), run.report().checks().toString());
        assertEquals(4, run.report().checks().size());
    }
}
