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
    void helpListsBench() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("bench"), r.out());
    }
}
