package io.neurite.models.examples;

import io.neurite.optim.examples.GradientDescentOnAFunction;
import io.neurite.optim.examples.GradientDescentOnAFunction.Kind;
import io.neurite.optim.examples.GradientDescentOnAFunction.Outcome;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Gradient descent on f(v) = v^4 - 5v^2 - 3v from v = 0 (seeds/000, "Different rates"), with
 * {@link GradientDescentOnAFunction}: the notes' rates 0.2 and 0.1 and, beside them, 0.05. The notes'
 * plots are missing from the text; what they teach is "not too high – overshooting optimal" and "if
 * learning rates are optimal, converges to global minimum". The global minimum v* = 1.71394 has
 * f''(v*) = 25.25, so a step settles there only if lr < 2 / 25.25 = 0.0792.
 */
public final class GradientDescentExample implements WorkedExample<GradientDescentExample.Values> {

    static final int STEPS = 1000;
    /** The global minimum, the root of 4v^3 - 10v - 3 near 1.71. */
    static final double V_STAR = 1.71394;

    /** Per rate (0.2, 0.1, 0.05): the trajectory (v_0 .. v_1000) and how its second half behaves. */
    public record Values(double[] rates, float[][] trajectories, Outcome[] outcomes) {}

    @Override
    public String name() {
        return "gradient-descent";
    }

    @Override
    public String title() {
        return "gradient descent on v^4 - 5v^2 - 3v from v = 0 with learning rates 0.2, 0.1 and 0.05";
    }

    @Override
    public String source() {
        return "seeds/000, \"Learning rate\" and \"Different rates\"";
    }

    /** Runs {@value #STEPS} steps at each rate and classifies the second half of each trajectory. */
    public static Values compute() {
        double[] rates = CLAIMS.stream().mapToDouble(Claim::lr).toArray();
        float[][] trajectories = new float[rates.length][];
        Outcome[] outcomes = new Outcome[rates.length];
        for (int i = 0; i < rates.length; i++) {
            trajectories[i] = GradientDescentOnAFunction.trajectory(rates[i], STEPS);
            outcomes[i] = Outcome.of(trajectories[i], 1e-5f);
        }
        return new Values(rates, trajectories, outcomes);
    }

    @Override
    public Report<Values> run(PrintStream out) {
        Values v = compute();
        for (int i = 0; i < v.rates().length; i++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  lr = %.2f  v_0..v_8:", v.rates()[i]));
            for (int k = 0; k <= 8; k++) line.append(String.format(Locale.ROOT, " %7.4f", v.trajectories()[i][k]));
            out.println(line);
        }
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < v.rates().length; i++) {
            checks.add(check(CLAIMS.get(i), v.trajectories()[i], v.outcomes()[i]));
        }
        return new Report<>(name(), v, checks);
    }

    private static Check check(Claim claim, float[] t, Outcome o) {
        String what = String.format(Locale.ROOT, "lr = %.2f", claim.lr());
        String got = GradientDescentOnAFunction.describe(claim.lr(), t).substring(what.length() + 2);
        String explained = String.format(Locale.ROOT, claim.explain(), t[2], got);
        return new Check(what, claim.notes(), explained, claim.holds().test(o));
    }

    /** What the notes teach about one rate, how to print the result, and the test of the outcome. */
    private record Claim(double lr, String notes, String explain, Predicate<Outcome> holds) {}

    private static final List<Claim> CLAIMS = List.of(
            new Claim(0.2, "too high: overshoots the optimum",
                    "jumps over v* = 1.71394 (v_2 = %1$.3f) into the other valley; %2$s", o -> o.max() < 0),
            new Claim(0.1, "lower: stays on the global minimum's side (the notes' plot is not in the text)",
                    "stays in v*'s valley but %2$s, since lr > 2 / f''(v*) = 0.0792", o -> o.min() > 0),
            new Claim(0.05, "an optimal rate converges to the global minimum", "%2$s",
                    o -> o.kind() == Kind.CONVERGES && Math.abs(o.last() - V_STAR) < 1e-4));
}
