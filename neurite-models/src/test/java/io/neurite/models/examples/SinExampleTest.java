package io.neurite.models.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The notes' sin(3x) example (seeds/000): after 1000 full-batch Adam epochs the MSE on [-1, 1] is below
 * 1e-3, and outside [-1, 1] the network does not follow sin(3x) (about 1.5 s).
 */
class SinExampleTest {

    @Test
    void learnsSin3xInsideTheTrainingRangeAndFailsOutsideIt() {
        Printed<SinExample.Values> run = Printed.run(new SinExample());
        SinExample.Values v = run.report().values();
        assertEquals(10, v.lossEvery100().length);
        assertTrue(v.lossEvery100()[0] > 0.1, "initial loss: " + v.lossEvery100()[0]);
        assertTrue(v.finalMse() < 1e-3, "MSE on [-1, 1] after 1000 epochs: " + v.finalMse());
        // sin(3x) has mean square about 1/2 on these ranges: an error above 0.1 is no fit at all
        assertTrue(v.mseLeft() > 0.1, "MSE on [-2, -1]: " + v.mseLeft());
        assertTrue(v.mseRight() > 0.1, "MSE on [1, 2]: " + v.mseRight());
        assertTrue(run.report().agrees(), run.report().checks().toString());
        // the notes' printout: every 100 epochs, their loss beside ours
        assertTrue(run.text().contains("      0  0.6337035298347473"), run.text());
        assertTrue(run.text().contains("    900  2.1308816940290853e-05"), run.text());
    }
}
