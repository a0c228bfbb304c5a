package io.neurite.models.examples;

import java.io.PrintStream;

/**
 * One worked example of the course notes ({@code seeds/}), run with Neurite and compared with what the
 * notes say. {@link #run} prints the example's own output (tables, loss lines) and returns the computed
 * values with one {@link Check} per claim of the notes; {@link WorkedExamples} prints the checks and a verdict.
 *
 * @param <V> the computed values, for tests and callers that want more than the printout
 */
public interface WorkedExample<V> {

    /** Short command-line name, such as {@code perceptron}. */
    String name();

    /** One line saying what the example is. */
    String title();

    /** Where in the notes it is, such as {@code seeds/004, "Rosenblatt Perceptron and Learning V"}. */
    String source();

    /** Runs the example, printing its output to {@code out}. */
    Report<V> run(PrintStream out);
}
