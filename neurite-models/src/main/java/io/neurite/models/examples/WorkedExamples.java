package io.neurite.models.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The notes' worked examples in the order the issue lists them, and a runner that prints each beside what
 * the notes say, with a verdict.
 *
 * <pre>{@code
 * List<Report<?>> reports = WorkedExamples.run(WorkedExamples.select(List.of("perceptron"), false), System.out);
 * }</pre>
 */
public final class WorkedExamples {

    private WorkedExamples() {}

    /** All examples; {@code embeddedData} makes LeNet-5 use the embedded Fashion-MNIST subset (fast). */
    public static List<WorkedExample<?>> all(boolean embeddedData) {
        return List.of(new PerceptronExample(), new SinExample(), new GradientDescentExample(),
                new EdgeConvolutionExample(), new HopfieldExample(), new LeNet5Example(embeddedData));
    }

    /** The examples named, in the order given; all of them for an empty list. */
    public static List<WorkedExample<?>> select(List<String> names, boolean embeddedData) {
        List<WorkedExample<?>> all = all(embeddedData);
        if (names.isEmpty()) return all;
        List<WorkedExample<?>> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(all.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("examples: unknown example '" + name + "'; expected one of "
                            + all.stream().map(WorkedExample::name).toList())));
        }
        return chosen;
    }

    /** Runs the examples in order, printing each one's output, checks and verdict, then a summary line. */
    public static List<Report<?>> run(List<WorkedExample<?>> examples, PrintStream out) {
        List<Report<?>> reports = new ArrayList<>();
        for (WorkedExample<?> example : examples) {
            out.println("== " + example.name() + ": " + example.title());
            out.println("   notes: " + example.source());
            long start = System.nanoTime();
            Report<?> report = example.run(out);
            double seconds = (System.nanoTime() - start) / 1e9;
            print(report, out);
            out.printf(Locale.ROOT, "   verdict: %s (%.1f s)%n%n", report.agrees() ? "agrees with the notes"
                    : "DISAGREES with the notes", seconds);
            reports.add(report);
        }
        long agreeing = reports.stream().filter(Report::agrees).count();
        out.println(agreeing + " of " + reports.size() + " examples agree with the notes"
                + (agreeing == reports.size() ? "" : "; disagreeing: "
                + reports.stream().filter(r -> !r.agrees()).map(Report::name).toList()));
        out.flush();
        return reports;
    }

    /** Each check as three lines: what, the notes' value, Neurite's value, marked ok or DIFFERS. */
    static void print(Report<?> report, PrintStream out) {
        for (Check c : report.checks()) {
            out.println("   [" + (c.agrees() ? "ok" : "DIFFERS") + "] " + c.what());
            out.println("        notes:   " + c.notes());
            out.println("        neurite: " + c.neurite());
        }
    }
}
