package io.neurite.optim.lr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.neurite.optim.Adam;
import io.neurite.optim.SGD;
import io.neurite.tensor.Tensor;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Schedule details beyond the fixtures: the end of a 1cycle, initial lrs, and misuse messages. */
class ScheduleBehaviourTest {

    private static SGD sgd(double lr) {
        return new SGD(List.of(Tensor.zeros(2).requiresGrad(true)), SGD.options(lr).withMomentum(0.9));
    }

    @Test
    void oneCycleHoldsTheFinalLrAfterTheLastStepThenRefusesMore() {
        SGD opt = sgd(0.1);
        OneCycleLR schedule = OneCycleLR.builder(opt, 0.5).totalSteps(10).anneal(OneCycleLR.Anneal.LINEAR).build();
        for (int k = 0; k < 10; k++) schedule.step();
        assertEquals(0.5 / 25 / 1e4, opt.paramGroups().get(0).lr(), 1e-17, "held at maxLr / div / finalDiv");
        assertEquals(0.95, opt.paramGroups().get(0).momentum(), 1e-15);
        var e = assertThrows(IllegalStateException.class, schedule::step);
        assertEquals("OneCycleLR: tried to step 12 times, but the schedule has 10 steps; hint: totalSteps must cover"
                + " every batch of every epoch", e.getMessage());
    }

    @Test
    void theFirstScheduleRecordsTheInitialLr() {
        SGD opt = sgd(0.1);
        new StepLR(opt, 2, 0.5);
        assertEquals(0.1, opt.paramGroups().get(0).initialLr().getAsDouble());
        opt.paramGroups().get(0).setLr(0.3);
        StepLR second = new StepLR(opt, 3);
        assertEquals(0.1, opt.paramGroups().get(0).initialLr().getAsDouble(), "kept, as setdefault");
        assertArrayEquals(new double[] {0.1}, second.baseLrs);
    }

    @Test
    void oneCycleCyclesAdamsBeta1() {
        Adam adam = new Adam(List.of(Tensor.zeros(1).requiresGrad(true)));
        OneCycleLR.builder(adam, 0.01).totalSteps(20).build();
        assertEquals(0.95, adam.paramGroups().get(0).beta1());
        assertEquals(0.999, adam.paramGroups().get(0).options().beta2());
        assertEquals(0.01 / 25, adam.paramGroups().get(0).lr(), 1e-18);
    }

    @Test
    void misuseIsNamed() {
        SGD opt = sgd(0.1);
        assertMessage("StepLR: stepSize must be >= 1, got 0", () -> new StepLR(opt, 0));
        assertMessage("CosineAnnealingLR: tMax must be >= 1, got 0", () -> new CosineAnnealingLR(opt, 0));
        assertMessage("CosineAnnealingWarmRestarts: tMult must be >= 1, got 0",
                () -> new CosineAnnealingWarmRestarts(opt, 5, 0, 0));
        assertMessage("CosineAnnealingWarmRestarts: epoch must be >= 0, got -1.0",
                () -> new CosineAnnealingWarmRestarts(opt, 5).step(-1.0));
        assertMessage("LinearLR: startFactor must be in (0, 1], got 0.0; hint: a zero start would make every later"
                + " lr zero, start from a small factor instead", () -> new LinearLR(opt, 0, 1, 5));
        assertMessage("ConstantLR: factor must be in (0, 1], got 1.5", () -> new ConstantLR(opt, 1.5, 5));
        assertMessage("PolynomialLR: totalIters must be >= 1, got 0", () -> new PolynomialLR(opt, 0, 1));
        IntToDoubleFunction f = e -> 1;
        assertMessage("LambdaLR: expected 1 lr functions (one per parameter group), got 2",
                () -> new LambdaLR(opt, List.of(f, f)));
        Adam adam = new Adam(List.of(Tensor.zeros(1).requiresGrad(true)));
        assertMessage("CyclicLR: cycleMomentum needs an optimizer with momentum (SGD, RMSprop), got Adam; hint: call"
                + " cycleMomentum(false), or use OneCycleLR, which cycles Adam's beta1",
                () -> CyclicLR.builder(adam, 0.001, 0.01).build());
        assertMessage("CyclicLR: expected 1 value for baseLr, got 2",
                () -> CyclicLR.builder(opt, new double[] {0.1, 0.2}, new double[] {1}).build());
        assertMessage("OneCycleLR: totalSteps must be >= 1, got 0; hint: call totalSteps(n) or epochs(epochs,"
                + " stepsPerEpoch)", () -> OneCycleLR.builder(opt, 0.1).build());
        assertMessage("OneCycleLR: pctStart must be in [0, 1], got 1.5",
                () -> OneCycleLR.builder(opt, 0.1).totalSteps(10).pctStart(1.5).build());
        assertMessage("ReduceLROnPlateau: factor must be in [0, 1), got 1.0",
                () -> ReduceLROnPlateau.builder(opt).factor(1.0).build());
        StepLR a = new StepLR(opt, 2);
        assertMessage("SequentialLR: expected one milestone fewer than schedules, got 2 schedules and 2 milestones"
                + " [3, 4]", () -> new SequentialLR(opt, List.of(a, new StepLR(opt, 3)), new int[] {3, 4}));
        SGD other = sgd(0.1);
        assertMessage("SequentialLR: every schedule must belong to the optimizer passed in, but the one at index 1"
                + " belongs to another optimizer",
                () -> new SequentialLR(opt, List.of(a, new StepLR(other, 3)), new int[] {3}));
        assertMessage("ChainedScheduler: every schedule must belong to the same optimizer, but the ones at index 0"
                + " and 1 differ", () -> new ChainedScheduler(List.of(a, new StepLR(other, 3))));
        assertMessage("StepLR.loadStateDict: expected a list of 1 numbers (one per parameter group) under 'baseLrs',"
                + " got [0.1, 0.1]", () -> a.loadStateDict(java.util.Map.of("lastEpoch", 3,
                        "baseLrs", List.of(0.1, 0.1), "lastLr", List.of(0.1))));
    }

    private static void assertMessage(String expected, Runnable misuse) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, misuse::run).getMessage());
    }
}
