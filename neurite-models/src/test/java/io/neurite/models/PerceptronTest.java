package io.neurite.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The notes' worked example (seeds/004, "Rosenblatt Perceptron and Learning V"). */
class PerceptronTest {

    static final double[][] WINDY_CLOUDY = {{1, 1}, {0, 1}, {1, 0}, {0, 0}};
    static final int[] NICE_DAY = {0, 0, 0, 1};

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
        Perceptron p = new Perceptron(new double[] {1, 1, 1}, 1.0);
        Perceptron.Training training = p.train(WINDY_CLOUDY, NICE_DAY, 10);
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
        assertArrayEquals(new double[] {0, -1, -1}, p.weights());
        assertEquals("1\t1\t1\t0\t1\t1\t1\t1\t-1", steps.get(0).toString());
    }

    @Test
    void theLearnedWeightsClassifyEveryPattern() {
        Perceptron p = new Perceptron(new double[] {1, 1, 1}, 1.0);
        p.train(WINDY_CLOUDY, NICE_DAY, 10);
        for (int i = 0; i < WINDY_CLOUDY.length; i++) assertEquals(NICE_DAY[i], p.predict(WINDY_CLOUDY[i]));
    }

    @Test
    void xorIsNotLearnable() {
        Perceptron p = new Perceptron(new double[] {0, 0, 0}, 1.0);
        Perceptron.Training t = p.train(WINDY_CLOUDY, new int[] {0, 1, 1, 0}, 50);
        assertEquals(false, t.converged());
        assertEquals(200, t.steps().size());
    }

    @Test
    void theLearningRateScalesTheUpdate() {
        Perceptron p = new Perceptron(new double[] {1, 1, 1}, 0.5);
        Perceptron.Step s = p.learn(1, new double[] {1, 0}, 0);
        assertEquals(-0.5, s.delta());
        assertArrayEquals(new double[] {0.5, 0.5, 1}, s.weightsAfter());
    }

    @Test
    void misuseIsReported() {
        Perceptron p = new Perceptron(new double[] {1, 1, 1}, 1.0);
        var e = assertThrows(IllegalArgumentException.class, () -> p.predict(new double[] {1, 1, 1}));
        assertTrue(e.getMessage().contains("expected 2 inputs, got 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.learn(1, new double[] {1, 1}, 2));
        assertTrue(e.getMessage().contains("0 or 1, got 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.train(WINDY_CLOUDY, new int[] {0, 1}, 3));
        assertTrue(e.getMessage().contains("4 inputs and 2 targets"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Perceptron(new double[] {1, 1}, 0));
    }
}
