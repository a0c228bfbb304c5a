package io.neurite.models.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry of the notes' examples and the runner's printout. */
class WorkedExamplesTest {

    @Test
    void listsTheExamplesInTheIssuesOrder() {
        assertEquals(List.of("perceptron", "sin", "gradient-descent", "edge-convolution", "hopfield", "lenet5"),
                WorkedExamples.all(true).stream().map(WorkedExample::name).toList());
        assertEquals(List.of("hopfield", "perceptron"), WorkedExamples.select(List.of("hopfield", "perceptron"), true)
                .stream().map(WorkedExample::name).toList());
        assertEquals(6, WorkedExamples.select(List.of(), true).size());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> WorkedExamples.select(List.of("xor"), true));
        assertTrue(e.getMessage().startsWith("examples: unknown example 'xor'; expected one of [perceptron, sin,"),
                e.getMessage());
    }

    @Test
    void printsChecksVerdictsAndASummary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Report<?>> reports = WorkedExamples.run(WorkedExamples.select(List.of("perceptron", "edge-convolution"),
                true), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, reports.size());
        assertTrue(out.startsWith("== perceptron: Rosenblatt perceptron"), out);
        assertTrue(out.contains("""
                   [ok] final weights
                        notes:   w = [0, -1, -1] after a pass with no change
                        neurite: w = [0, -1, -1] after pass 3, which changed nothing
                """), out);
        assertEquals(2, out.lines().filter(l -> l.startsWith("   verdict: agrees with the notes")).count(), out);
        assertTrue(out.endsWith("2 of 2 examples agree with the notes" + System.lineSeparator()), out);
    }

    @Test
    void aReportNeedsAtLeastOneCheck() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Report<>("x", 1, List.of()));
        assertTrue(e.getMessage().contains("Report(x): expected at least one check"), e.getMessage());
        Report<Integer> mixed = new Report<>("x", 1,
                List.of(new Check("a", "1", "1", true), new Check("b", "1", "2", false)));
        assertEquals(false, mixed.agrees());
    }
}
