package io.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code neurite examples}: runs the notes' worked examples and exits 0 only if they all agree. */
class ExamplesCommandTest {

    @Test
    void runsTheNamedExamplesBesideTheNotes() {
        CliRun r = CliRun.of("examples", "perceptron", "hopfield");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("== perceptron: "), r.out());
        assertTrue(r.out().contains("== hopfield: "), r.out());
        assertTrue(r.out().contains("        notes:   w = [0, -1, -1] after a pass with no change"), r.out());
        assertTrue(r.out().contains("[ok] recall X"), r.out());
        assertTrue(r.out().contains("2 of 2 examples agree with the notes"), r.out());
    }

    @Test
    void listsTheExamples() {
        CliRun r = CliRun.of("examples", "--list");
        assertEquals(0, r.exit(), r.err());
        for (String name : new String[] {"perceptron", "sin", "gradient-descent", "edge-convolution", "hopfield",
                "lenet5"}) {
            assertTrue(r.out().contains(name + " "), name + " in\n" + r.out());
        }
        assertTrue(r.out().contains("(seeds/004, \"Hopfield networks (idea only)\")"), r.out());
    }

    @Test
    void anUnknownExampleFailsWithTheKnownNames() {
        CliRun r = CliRun.of("examples", "xor");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("neurite: examples: unknown example 'xor'; expected one of [perceptron"),
                r.err());
    }

    @Test
    void helpShowsUsageExamples() {
        CliRun r = CliRun.of("examples", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("neurite examples perceptron hopfield"), r.out());
        assertTrue(r.out().contains("--embedded-data"), r.out());
    }
}
