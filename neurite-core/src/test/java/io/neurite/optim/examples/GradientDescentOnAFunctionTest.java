package io.neurite.optim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.optim.OptimFixtures;
import io.neurite.optim.examples.GradientDescentOnAFunction.Kind;
import io.neurite.optim.examples.GradientDescentOnAFunction.Outcome;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The notes' gradient-descent example, f(v) = v^4 - 5v^2 - 3v from v = 0: what each learning rate
 * really does. Reference trajectories from torch 1.13 (SGD on a float32 scalar, autograd gradient).
 */
class GradientDescentOnAFunctionTest {

    private static final int STEPS = 1000;

    @Test
    void gradientComesFromAutograd() {
        var v = io.neurite.tensor.Tensor.scalar(1.5f).requiresGrad(true);
        GradientDescentOnAFunction.f(v).backward();
        assertEquals(4 * 1.5 * 1.5 * 1.5 - 10 * 1.5 - 3, v.grad().item(), 1e-5);  // 4v^3 - 10v - 3 = -4.5
    }

    @Test
    void rateOf005ConvergesToTheGlobalMinimum() {
        float[] t = GradientDescentOnAFunction.trajectory(0.05, STEPS);
        float[] torch = {0.0f, 0.15f, 0.374325f, 0.70099747f, 1.1326026f, 1.5583259f, 1.7306476f, 1.7092646f,
            1.7151443f, 1.7136216f, 1.7140228f, 1.7139176f, 1.7139452f};
        OptimFixtures.assertClose("lr 0.05", torch, Arrays.copyOf(t, torch.length), 1e-5, 1e-6);
        Outcome o = Outcome.of(t, 1e-6f);
        assertEquals(Kind.CONVERGES, o.kind());
        assertEquals(1.7139394f, o.last(), 1e-6f);  // the root of 4v^3 - 10v - 3 near 1.71, as torch ends
    }

    @Test
    void rateOf01OvershootsIntoAFourCycleAroundTheMinimum() {
        float[] t = GradientDescentOnAFunction.trajectory(0.1, STEPS);
        float[] torch = {0.0f, 0.3f, 0.88920003f, 1.7971722f, 1.5725216f, 1.8896155f, 1.3803713f, 2.0086648f,
            1.075558f, 1.9534231f, 1.2252492f, 2.0147433f, 1.0581957f};
        OptimFixtures.assertClose("lr 0.1", torch, Arrays.copyOf(t, torch.length), 1e-5, 1e-6);
        Outcome o = Outcome.of(t, 1e-5f);
        assertEquals(Kind.CYCLES, o.kind());
        assertEquals(4, o.period());
        float[] cycle = Arrays.copyOfRange(t, STEPS - 3, STEPS + 1);
        Arrays.sort(cycle);
        OptimFixtures.assertClose("the 4-cycle (torch's last four values, sorted)",
                new float[] {1.0393323f, 1.2854007f, 1.9295855f, 2.0212777f}, cycle, 1e-5, 1e-6);
        for (int k = STEPS / 2; k < STEPS; k++) {
            assertTrue(Math.abs(t[k + 1] - t[k]) > 0.6f, "every step jumps across the minimum, step " + k);
        }
    }

    @Test
    void rateOf02LeavesTheValleyAndBouncesWithoutSettling() {
        float[] t = GradientDescentOnAFunction.trajectory(0.2, STEPS);
        // chaotic: rounding differences grow by about e^0.34 per step, so compare the first steps only
        float[] torch = {0.0f, 0.6f, 2.2272f, -1.5566783f, -1.0522616f, -1.6246876f, -0.84323f, -1.450036f,
            -1.3110262f, -1.5303758f};
        OptimFixtures.assertClose("lr 0.2", torch, Arrays.copyOf(t, torch.length), 1e-4, 1e-5);
        for (int k = 3; k <= STEPS; k++) {
            assertTrue(t[k] > -1.64f && t[k] < -0.80f, "stays in the left valley's band, step " + k + ": " + t[k]);
        }
        Outcome o = Outcome.of(t, 1e-4f);
        assertEquals(Kind.BOUNDED_WITHOUT_PATTERN, o.kind(), "no fixed point and no cycle up to period 16");
        assertTrue(o.max() - o.min() > 0.8f, "keeps bouncing over the whole band");
    }

    @Test
    void describesEachRate() {
        assertEquals("lr = 0.05: converges to v = 1.71394 (f = -11.2003)",
                GradientDescentOnAFunction.describe(0.05, GradientDescentOnAFunction.trajectory(0.05, 200)));
        assertTrue(GradientDescentOnAFunction.describe(0.1, GradientDescentOnAFunction.trajectory(0.1, 200))
                .startsWith("lr = 0.10: never settles: a 4-cycle between 1.0393 and 2.0213"));
        assertTrue(GradientDescentOnAFunction.describe(0.2, GradientDescentOnAFunction.trajectory(0.2, 200))
                .startsWith("lr = 0.20: never settles: bounces without repeating in [-1.63"));
    }
}
