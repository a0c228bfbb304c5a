package io.neurite.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code neurite} command: one subcommand per job; errors as one sentence unless --verbose. */
@Command(name = "neurite",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Neurite: deep learning on the JVM.",
        subcommands = {DemoCommand.class, TrainCommand.class, EvalCommand.class, PredictCommand.class,
                ModelsCommand.class, SummaryCommand.class, BenchCommand.class, PlotCommand.class,
                ExamplesCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Option(names = "--verbose", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (main.verbose) {
                e.printStackTrace(commandLine.getErr());
            } else {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                commandLine.getErr().println("neurite: " + message + " (run with --verbose for details)");
            }
            return 1;
        });
        return cli;
    }
}
