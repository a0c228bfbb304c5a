package io.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

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
    void versionNamesTheReleaseAndTheKernels() {
        Run r = run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().matches("(?s)neurite \\d+\\.\\d+\\.\\d+.*"), r.out());
        assertTrue(r.out().contains("kernels: Vector API"), r.out());
    }

    @Test
    void unknownSubcommandFailsWithNonZeroExit() {
        Run r = run("no-such-command");
        assertTrue(r.exit() != 0);
        assertTrue(r.err().contains("no-such-command"), r.err());
    }

    @Test
    void modelsListsTheZooWithParameterCounts() {
        Run r = run("models");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("lenet5") && r.out().contains("61,706"), r.out());
        assertTrue(r.out().contains("sin") && r.out().contains("8,577"), r.out());
    }

    @Test
    void summaryPrintsTheLayerTableAndRefusesUnknownModels() {
        Run r = run("summary", "lenet5");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("61,706") || r.out().contains("61706"), r.out());
        Run bad = run("summary", "resnet999");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("neurite: ModelZoo: unknown model 'resnet999'"), bad.err());
    }

    @Test
    void helpListsBench() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("bench"), r.out());
    }
}
