package io.neurite.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code neurite bench}: the benchmarks, one subcommand each. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Neurite's kernels and training steps on this machine.",
        subcommands = {BenchGemmCommand.class, BenchTrainCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
