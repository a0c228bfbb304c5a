package io.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code neurite examples}: runs the notes' worked examples and exits 0 only if they all agree. */
class ExamplesCommandTest {

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void runsTheNamedExamplesBesideTheNotes() {
        Run r = run("examples", "perceptron", "hopfield");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("== perceptron: "), r.out());
        assertTrue(r.out().contains("== hopfield: "), r.out());
        assertTrue(r.out().contains("        notes:   w = [0, -1, -1] after a pass with no change"), r.out());
        assertTrue(r.out().contains("[ok] recall X"), r.out());
        assertTrue(r.out().contains("2 of 2 examples agree with the notes"), r.out());
    }

    @Test
    void listsTheExamples() {
        Run r = run("examples", "--list");
        assertEquals(0, r.exit(), r.err());
        for (String name : new String[] {"perceptron", "sin", "gradient-descent", "edge-convolution", "hopfield",
                "lenet5"}) {
            assertTrue(r.out().contains(name + " "), name + " in\n" + r.out());
        }
        assertTrue(r.out().contains("(seeds/004, \"Hopfield networks (idea only)\")"), r.out());
    }

    @Test
    void anUnknownExampleFailsWithTheKnownNames() {
        Run r = run("examples", "xor");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("neurite: examples: unknown example 'xor'; expected one of [perceptron"),
                r.err());
    }

    @Test
    void helpShowsUsageExamples() {
        Run r = run("examples", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("neurite examples perceptron hopfield"), r.out());
        assertTrue(r.out().contains("--embedded-data"), r.out());
    }
}
