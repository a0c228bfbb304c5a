package io.neurite.cli;

import io.neurite.models.examples.Report;
import io.neurite.models.examples.WorkedExample;
import io.neurite.models.examples.WorkedExamples;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurite examples}: the course notes' worked examples, each printed beside what the notes say. */
@Command(name = "examples", mixinStandardHelpOptions = true,
        description = {"Run the course notes' worked examples beside the notes' results.",
                "Prints each result beside what the notes say, with a verdict, and exits",
                "with status 1 if any example disagrees. LeNet-5 trains one epoch on the",
                "full Fashion-MNIST when it is installed (about 10 s on 2 cores), else",
                "three on the embedded subset."},
        footer = {"%nExamples:",
                "  neurite examples                         run all of them",
                "  neurite examples perceptron hopfield     run two",
                "  neurite examples --list                  list the names",
                "  neurite examples lenet5 --embedded-data  LeNet-5 in a few seconds"})
final class ExamplesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Examples to run, in this order (default: all).")
    private List<String> names = new ArrayList<>();

    @Option(names = "--list", description = "List the examples with where they are in the notes, and exit.")
    private boolean list;

    @Option(names = "--embedded-data",
            description = "Train LeNet-5 on the embedded Fashion-MNIST subset even when the full dataset is installed.")
    private boolean embeddedData;

    @Override
    public Integer call() {
        List<WorkedExample<?>> examples = WorkedExamples.select(names, embeddedData);
        PrintWriter writer = spec.commandLine().getOut();
        if (list) {
            for (WorkedExample<?> e : examples) {
                writer.printf("%-17s %s%n%17s (%s)%n", e.name(), e.title(), "", e.source());
            }
            writer.flush();
            return 0;
        }
        PrintStream out = new PrintStream(new LineWriter(writer), true, StandardCharsets.UTF_8);
        List<Report<?>> reports = WorkedExamples.run(examples, out);
        out.flush();
        return reports.stream().allMatch(Report::agrees) ? 0 : 1;
    }

    /** Passes UTF-8 bytes on to a writer a line at a time, so long examples show their progress as it comes. */
    private static final class LineWriter extends OutputStream {
        private final PrintWriter writer;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineWriter(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') flush();
        }

        @Override
        public void flush() {
            writer.write(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
