package io.neurite.models.examples;

import io.neurite.models.Perceptron;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Rosenblatt perceptron learning "nice day" from windy and cloudy (seeds/004): w = [1, 1, 1], σ = 1,
 * δ = σ (y - h(x)), w_i ← w_i + δ x_i, the four patterns in order until a pass changes nothing. The notes'
 * table lists, per step, the pattern, its inputs and target, the weights before the step, h(x) and δ.
 */
public final class PerceptronExample implements WorkedExample<Perceptron.Training> {

    static final double[][] WINDY_CLOUDY = {{1, 1}, {0, 1}, {1, 0}, {0, 0}};
    static final int[] NICE_DAY = {0, 0, 0, 1};

    /** The notes' table: pattern, windy, cloudy, nice day, w_0, w_windy, w_cloudy, h(x), δ_w. */
    static final int[][] NOTES_TABLE = {
            {1, 1, 1, 0, 1, 1, 1, 1, -1},
            {2, 0, 1, 0, 0, 0, 0, 1, -1},
            {3, 1, 0, 0, -1, 0, -1, 0, 0},
            {4, 0, 0, 1, -1, 0, -1, 0, 1},
            {1, 1, 1, 0, 0, 0, -1, 0, 0},
            {2, 0, 1, 0, 0, 0, -1, 0, 0},
            {3, 1, 0, 0, 0, 0, -1, 1, -1},
            {4, 0, 0, 1, -1, -1, -1, 0, 1},
            {1, 1, 1, 0, 0, -1, -1, 0, 0},
            {2, 0, 1, 0, 0, -1, -1, 0, 0},
            {3, 1, 0, 0, 0, -1, -1, 0, 0},
            {4, 0, 0, 1, 0, -1, -1, 1, 0},
    };
    static final double[] NOTES_FINAL_WEIGHTS = {0, -1, -1};

    @Override
    public String name() {
        return "perceptron";
    }

    @Override
    public String title() {
        return "Rosenblatt perceptron: windy/cloudy -> nice day, w = [1, 1, 1], learning rate 1";
    }

    @Override
    public String source() {
        return "seeds/004, \"A toy example\" and \"Rosenblatt Perceptron and Learning V\"";
    }

    /** Trains from the notes' start until a pass over the four patterns changes nothing. */
    public static Perceptron.Training train() {
        return new Perceptron(new double[] {1, 1, 1}, 1.0).train(WINDY_CLOUDY, NICE_DAY, 10);
    }

    /** A step as a row of the notes' table. */
    static int[] row(Perceptron.Step s) {
        double[] x = s.input(), w = s.weightsBefore();
        return new int[] {s.pattern(), (int) x[0], (int) x[1], s.target(), (int) w[0], (int) w[1], (int) w[2],
                s.output(), (int) s.delta()};
    }

    @Override
    public Report<Perceptron.Training> run(PrintStream out) {
        Perceptron.Training training = train();
        List<Perceptron.Step> steps = training.steps();
        out.println("  pattern  windy  cloudy  nice day |  w_0  w_windy  w_cloudy | h(x)  d_w | notes' row");
        int same = 0;
        for (int r = 0; r < steps.size(); r++) {
            int[] got = row(steps.get(r));
            boolean match = r < NOTES_TABLE.length && Arrays.equals(got, NOTES_TABLE[r]);
            if (match) same++;
            out.printf("  %7d  %5d  %6d  %8d | %4d  %7d  %8d | %4d  %3d | %s%n", got[0], got[1], got[2], got[3],
                    got[4], got[5], got[6], got[7], got[8],
                    match ? "same" : r < NOTES_TABLE.length ? "differs: " + Arrays.toString(NOTES_TABLE[r]) : "extra");
        }
        double[] w = training.finalWeights();
        int passes = steps.size() / WINDY_CLOUDY.length;
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("the table, row by row", NOTES_TABLE.length + " rows",
                steps.size() + " rows, " + same + " the same as the notes'",
                steps.size() == NOTES_TABLE.length && same == NOTES_TABLE.length));
        checks.add(new Check("final weights", "w = " + format(NOTES_FINAL_WEIGHTS) + " after a pass with no change",
                "w = " + format(w) + (training.converged() ? " after pass " + passes + ", which changed nothing"
                        : ", still changing after " + passes + " passes"),
                training.converged() && Arrays.equals(w, NOTES_FINAL_WEIGHTS)));
        return new Report<>(name(), training, checks);
    }

    private static String format(double[] w) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < w.length; i++) {
            s.append(i == 0 ? "" : ", ").append(w[i] == Math.rint(w[i]) ? Long.toString((long) w[i]) : w[i]);
        }
        return s.append(']').toString();
    }
}
