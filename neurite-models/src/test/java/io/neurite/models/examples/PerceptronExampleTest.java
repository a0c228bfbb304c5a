package io.neurite.models.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.models.Perceptron;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notes' perceptron table (seeds/004, "Rosenblatt Perceptron and Learning V"), row by row. */
class PerceptronExampleTest {

    /** The notes' table: pattern, windy, cloudy, nice day, w_0, w_windy, w_cloudy (before), h(x), δ. */
    static final double[][] NOTES_TABLE = {
            {1, 1, 1, 0, 1, 1, 1, 1, -1},
            {2, 0, 1, 0, 0, 0, 0, 1, -1},
            {3, 1, 0, 0, -1, 0, -1, 0, 0},
            {4, 0, 0, 1, -1, 0, -1, 0, 1},
            {1, 1, 1, 0, 0, 0, -1, 0, 0},
            {2, 0, 1, 0, 0, 0, -1, 0, 0},
            {3, 1, 0, 0, 0, 0, -1, 1, -1},
            {4, 0, 0, 1, -1, -1, -1, 0, 1},
            {1, 1, 1, 0, 0, -1, -1, 0, 0},
            {2, 0, 1, 0, 0, -1, -1, 0, 0},
            {3, 1, 0, 0, 0, -1, -1, 0, 0},
            {4, 0, 0, 1, 0, -1, -1, 1, 0},
    };

    @Test
    void reproducesTheNotesTableRowByRow() {
        Perceptron.Training training = PerceptronExample.train();
        List<Perceptron.Step> steps = training.steps();
        assertEquals(NOTES_TABLE.length, steps.size(), training.toString());
        for (int r = 0; r < NOTES_TABLE.length; r++) {
            double[] row = NOTES_TABLE[r];
            Perceptron.Step s = steps.get(r);
            String where = "row " + (r + 1) + ": " + s;
            assertEquals((int) row[0], s.pattern(), where);
            assertArrayEquals(new double[] {row[1], row[2]}, s.input(), where);
            assertEquals((int) row[3], s.target(), where);
            assertArrayEquals(new double[] {row[4], row[5], row[6]}, s.weightsBefore(), where);
            assertEquals((int) row[7], s.output(), where);
            assertEquals(row[8], s.delta(), where);
            double[] after = r + 1 < NOTES_TABLE.length
                    ? new double[] {NOTES_TABLE[r + 1][4], NOTES_TABLE[r + 1][5], NOTES_TABLE[r + 1][6]}
                    : new double[] {0, -1, -1};
            assertArrayEquals(after, s.weightsAfter(), where);
        }
        assertTrue(training.converged());
        assertArrayEquals(new double[] {0, -1, -1}, training.finalWeights());
        assertEquals("1\t1\t1\t0\t1\t1\t1\t1\t-1", steps.get(0).toString());
    }

    @Test
    void printsTheTableAndAgreesWithTheNotes() {
        Printed<Perceptron.Training> run = Printed.run(new PerceptronExample());
        Report<Perceptron.Training> report = run.report();
        String out = run.text();
        assertTrue(report.agrees(), report.checks().toString());
        assertEquals(2, report.checks().size());
        assertEquals(12, out.lines().filter(l -> l.endsWith("| same")).count(), out);
        assertTrue(out.contains("      3      1       0         0 |    0        0        -1 |    1   -1 | same"), out);
        assertEquals("w = [0, -1, -1] after pass 3, which changed nothing", report.checks().get(1).neurite());
    }
}
