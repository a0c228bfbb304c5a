package io.neurite.models.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.optim.examples.GradientDescentOnAFunction.Kind;
import io.neurite.optim.examples.GradientDescentOnAFunction.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The notes' learning rates on v^4 - 5v^2 - 3v (seeds/000, "Different rates"); the trajectories themselves
 * are checked against torch in neurite-core's {@code GradientDescentOnAFunctionTest}.
 */
class GradientDescentExampleTest {

    @Test
    void eachRateEndsAsTheNotesTeach() {
        Printed<GradientDescentExample.Values> run = Printed.run(new GradientDescentExample());
        GradientDescentExample.Values v = run.report().values();
        assertArrayEquals(new double[] {0.2, 0.1, 0.05}, v.rates());
        Outcome high = v.outcomes()[0], middle = v.outcomes()[1], low = v.outcomes()[2];
        // 0.2: 0 -> 0.6 -> 2.2272 overshoots v* = 1.714 into the left valley, where it never settles
        assertEquals(2.2272f, v.trajectories()[0][2], 1e-4f);
        assertEquals(Kind.BOUNDED_WITHOUT_PATTERN, high.kind());
        assertTrue(high.min() > -1.64f && high.max() < -0.80f, high.toString());
        // 0.1: stays right of 0 in a 4-cycle, since |1 - 0.1 f''(v*)| = 1.53 > 1
        assertEquals(Kind.CYCLES, middle.kind());
        assertEquals(4, middle.period());
        assertEquals(1.0393323f, middle.min(), 1e-5f);
        assertEquals(2.0212777f, middle.max(), 1e-5f);
        // 0.05: converges to the global minimum
        assertEquals(Kind.CONVERGES, low.kind());
        assertEquals(1.7139394f, low.last(), 1e-5f);
        assertEquals(3, run.report().checks().size());
        assertTrue(run.report().agrees(), run.report().checks().toString());
        assertTrue(run.text().contains("lr = 0.20  v_0..v_8:  0.0000  0.6000  2.2272 -1.5567"), run.text());
    }
}
