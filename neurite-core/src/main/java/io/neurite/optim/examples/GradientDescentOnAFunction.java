package io.neurite.optim.examples;

import io.neurite.optim.SGD;
import io.neurite.tensor.Tensor;
import java.util.List;
import java.util.Locale;

/**
 * The course notes' one-variable example: minimize {@code f(v) = v^4 - 5v^2 - 3v} from
 * {@code v = 0} by gradient descent, the gradient {@code f'(v) = 4v^3 - 10v - 3} coming from
 * autograd, and see what the learning rate does.
 *
 * <p>What really happens. f has a global minimum at {@code v* = 1.71394} ({@code f = -11.200},
 * {@code f''(v*) = 25.25}), a local maximum at -0.31217, and a worse local minimum at -1.40177
 * ({@code f = -1.758}, {@code f'' = 13.58}). Near a minimum a step maps the error {@code e} to
 * {@code (1 - lr f'') e}, so it can settle only if {@code lr < 2 / f''}: 0.0792 at v*, 0.147 at
 * the other minimum.
 * <ul>
 *   <li>lr = 0.05 converges to v* = 1.71394, overshooting once (1.7306 at step 6) and then
 *       oscillating in to it, since {@code 1 - 0.05 * 25.25 = -0.26}.</li>
 *   <li>lr = 0.1 reaches the right valley but cannot settle ({@code |1 - 0.1 * 25.25| = 1.53 > 1}):
 *       it ends in a stable 4-cycle around v*, 1.0393 → 1.9296 → 1.2854 → 2.0213, forever.</li>
 *   <li>lr = 0.2 overshoots out of that valley at once (0 → 0.6 → 2.227 → -1.557) into the worse
 *       one, where it cannot settle either (0.2 > 0.147): it bounces chaotically in [-1.64, -0.80]
 *       without ever repeating, bounded but never converging (positive Lyapunov exponent, about
 *       0.34 per step).</li>
 * </ul>
 * Run it: {@code java -cp neurite-core.jar io.neurite.optim.examples.GradientDescentOnAFunction}.
 */
public final class GradientDescentOnAFunction {

    /** The learning rates of the notes, and one that converges. */
    public static final double[] RATES = {0.2, 0.1, 0.05};

    private GradientDescentOnAFunction() {}

    /** {@code f(v) = v^4 - 5v^2 - 3v} with tensor operations, so that autograd differentiates it. */
    public static Tensor f(Tensor v) {
        return v.pow(4).sub(v.pow(2).mul(5)).sub(v.mul(3));
    }

    /** The value of v at the start (index 0) and after each of {@code steps} SGD steps at {@code lr}. */
    public static float[] trajectory(double lr, int steps) {
        Tensor v = Tensor.scalar(0f).requiresGrad(true);
        SGD sgd = new SGD(List.of(v), lr);
        float[] out = new float[steps + 1];
        out[0] = v.item();
        for (int k = 1; k <= steps; k++) {
            sgd.zeroGrad();
            f(v).backward();
            sgd.step();
            out[k] = v.item();
        }
        return out;
    }

    /** How a trajectory ends. */
    public enum Kind { CONVERGES, CYCLES, BOUNDED_WITHOUT_PATTERN, DIVERGES }

    /**
     * The end of a trajectory: its kind, the period of a cycle (1 for a fixed point, 0 without a
     * pattern), and the range of its second half.
     */
    public record Outcome(Kind kind, int period, float min, float max, float last) {

        /** Classifies the second half of {@code trajectory}, allowing {@code tolerance} between repeats. */
        public static Outcome of(float[] trajectory, float tolerance) {
            float last = trajectory[trajectory.length - 1];
            float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
            for (int k = trajectory.length / 2; k < trajectory.length; k++) {
                min = Math.min(min, trajectory[k]);
                max = Math.max(max, trajectory[k]);
            }
            if (!Float.isFinite(last) || Math.abs(last) > 1e6f) return new Outcome(Kind.DIVERGES, 0, min, max, last);
            for (int period = 1; period <= 16; period++) {
                if (repeatsWith(trajectory, period, tolerance)) {
                    return new Outcome(period == 1 ? Kind.CONVERGES : Kind.CYCLES, period, min, max, last);
                }
            }
            return new Outcome(Kind.BOUNDED_WITHOUT_PATTERN, 0, min, max, last);
        }

        private static boolean repeatsWith(float[] t, int period, float tolerance) {
            for (int k = t.length / 2; k + period < t.length; k++) {
                if (Math.abs(t[k + period] - t[k]) > tolerance) return false;
            }
            return true;
        }
    }

    /** One line saying what the trajectory does. */
    public static String describe(double lr, float[] trajectory) {
        Outcome o = Outcome.of(trajectory, 1e-5f);
        String head = String.format(Locale.ROOT, "lr = %.2f: ", lr);
        return head + switch (o.kind()) {
            case CONVERGES -> String.format(Locale.ROOT, "converges to v = %.5f (f = %.4f)", o.last(),
                    f(Tensor.scalar(o.last())).item());
            case CYCLES -> String.format(Locale.ROOT, "never settles: a %d-cycle between %.4f and %.4f",
                    o.period(), o.min(), o.max());
            case BOUNDED_WITHOUT_PATTERN -> String.format(Locale.ROOT,
                    "never settles: bounces without repeating in [%.4f, %.4f]", o.min(), o.max());
            case DIVERGES -> "diverges";
        };
    }

    public static void main(String[] args) {
        int steps = 1000;
        for (double lr : RATES) {
            float[] t = trajectory(lr, steps);
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "lr = %.2f, v over 30 steps:", lr));
            for (int k = 0; k <= 30; k++) {
                sb.append(k % 10 == 0 ? "\n  " : " ").append(String.format(Locale.ROOT, "%8.5f", t[k]));
            }
            System.out.println(sb);
            System.out.println("  " + describe(lr, t) + " (judged over steps " + steps / 2 + " to " + steps + ")");
            System.out.println();
        }
        System.out.println("The minimum v* = 1.71394 has f''(v*) = 25.25: gradient descent settles there only if"
                + " lr < 2 / 25.25 = 0.0792.");
    }
}
