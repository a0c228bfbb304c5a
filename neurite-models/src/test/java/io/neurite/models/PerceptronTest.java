package io.neurite.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The perceptron model; the notes' table itself is checked by {@code PerceptronExampleTest}. */
class PerceptronTest {

    static final double[][] WINDY_CLOUDY = {{1, 1}, {0, 1}, {1, 0}, {0, 0}};
    static final int[] NICE_DAY = {0, 0, 0, 1};

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
