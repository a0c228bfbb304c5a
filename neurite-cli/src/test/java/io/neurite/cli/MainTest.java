package io.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void versionNamesTheReleaseAndTheKernels() {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().matches("(?s)neurite \\d+\\.\\d+\\.\\d+.*"), r.out());
        assertTrue(r.out().contains("kernels: Vector API"), r.out());
    }

    @Test
    void unknownSubcommandFailsWithNonZeroExit() {
        CliRun r = CliRun.of("no-such-command");
        assertTrue(r.exit() != 0);
        assertTrue(r.err().contains("no-such-command"), r.err());
    }

    @Test
    void modelsListsTheZooWithParameterCounts() {
        CliRun r = CliRun.of("models");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("lenet5") && r.out().contains("61,706"), r.out());
        assertTrue(r.out().contains("sin") && r.out().contains("8,577"), r.out());
    }

    @Test
    void summaryPrintsTheLayerTableAndRefusesUnknownModels() {
        CliRun r = CliRun.of("summary", "lenet5");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("61,706") || r.out().contains("61706"), r.out());
        CliRun bad = CliRun.of("summary", "resnet999");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("neurite: ModelZoo: unknown model 'resnet999'"), bad.err());
    }

    @Test
    void helpListsBench() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("bench"), r.out());
    }
}
