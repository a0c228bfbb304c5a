package io.neurite.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.data.Batch;
import io.neurite.nn.Linear;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The range test's schedule, smoothing, stopping rule and suggestions against values computed with
 * numpy the way torch-lr-finder does ({@code np.gradient} of the smoothed loss, skipping 10 and 5
 * points). A "loss" that does not depend on the weights makes the recorded curve exactly the given one.
 */
class LRFinderTest {

    /** The losses fed in (rounded to 4 digits): 2.3 - 1.5 sigmoid((i - 15) / 3) + 0.05 sin(i), i < 30. */
    private static final double[] CURVE = {2.29, 2.3281, 2.326, 2.2801, 2.2248, 2.2004, 2.2149, 2.2354, 2.2169,
        2.1418, 2.0345, 1.9371, 1.8698, 1.8121, 1.7234, 1.5825, 1.4117, 1.2608, 1.1659, 1.1204, 1.084, 1.0206,
        0.9322, 0.8551, 0.8259, 0.8451, 0.8755, 0.8748, 0.833, 0.7808};

    /** Batches whose loss is their target, whatever the weights (their gradient is zero). */
    private static List<Batch> batchesOf(double... losses) {
        List<Batch> out = new ArrayList<>();
        for (double l : losses) out.add(new Batch(Tensor.ones(1, 1), Tensor.scalar((float) l)));
        return out;
    }

    private static LRFinder fixedCurveFinder(Linear model, SGD sgd) {
        return LRFinder.of(model, sgd, b -> model.forward(b.inputs()).mul(0).sum().add(b.targets()));
    }

    @Test
    void recordsTheExponentialScheduleAndTheBiasCorrectedSmoothedLoss() {
        Linear model = new Linear(1, 1);
        SGD sgd = new SGD(model.parameters(), 0.5);
        LRFinder.Result r = fixedCurveFinder(model, sgd).range(1e-4, 1).iterations(30).run(batchesOf(CURVE));
        assertEquals(30, r.size());
        assertFalse(r.diverged());
        assertEquals(1e-4, r.lrs().get(0), 1e-18);
        assertEquals(1e-4 * Math.pow(1e4, 1.0 / 29), r.lrs().get(1), 1e-15);
        assertEquals(1.0, r.lrs().get(29), 1e-12);
        for (int i = 0; i < 30; i++) assertEquals(CURVE[i], r.losses().get(i), 1e-6, "loss " + i);
        // numpy: avg = 0.98 avg + 0.02 loss; smoothed = avg / (1 - 0.98^(i+1))
        assertEquals(2.29, r.smoothedLosses().get(0), 1e-6);
        assertEquals(2.3092424242424197, r.smoothedLosses().get(1), 1e-6);
        assertEquals(2.3149415045571997, r.smoothedLosses().get(2), 1e-6);
        assertEquals(1.4777227272729638, r.smoothedLosses().get(29), 1e-6);
        // torch-lr-finder: lrs[10:-5][argmin(np.gradient(smoothed[10:-5]))] = lrs[17]
        assertEquals(0.02212216291070448, r.suggestion(), 1e-12);
        assertEquals(1.0, r.minLossLr(), 1e-12);
        assertEquals(0.1, r.minLossLrDividedBy10(), 1e-12);
        assertEquals(0.5, sgd.paramGroups().get(0).lr(), "the optimizer's lr is restored");
    }

    @Test
    void theLinearScheduleRisesEvenly() {
        Linear model = new Linear(1, 1);
        SGD sgd = new SGD(model.parameters(), 0.5);
        LRFinder.Result r = fixedCurveFinder(model, sgd).range(1e-4, 1).iterations(30).mode(LRFinder.Mode.LINEAR)
                .run(batchesOf(CURVE));
        assertEquals(1e-4, r.lrs().get(0), 1e-15);
        assertEquals(0.03457931034482759, r.lrs().get(1), 1e-15);
        assertEquals(1.0, r.lrs().get(29), 1e-15);
    }

    @Test
    void stopsWhenTheSmoothedLossExceedsFiveTimesTheBest() {
        // 1 five times, then 3, 9, 27, ...: numpy's smoothed loss passes 5 x best at the 8th point
        double[] losses = new double[24];
        Arrays.fill(losses, 0, 5, 1);
        for (int k = 5; k < 24; k++) losses[k] = Math.pow(3, k - 4);
        Linear model = new Linear(1, 1);
        LRFinder.Result r = fixedCurveFinder(model, new SGD(model.parameters(), 0.1)).iterations(24)
                .run(batchesOf(losses));
        assertTrue(r.diverged());
        assertEquals(8, r.size());
        assertTrue(r.smoothedLosses().get(7) > 5 * r.smoothedLosses().get(0), r.smoothedLosses().toString());
    }

    @Test
    void cyclesBatchesShorterThanTheTest() {
        Linear model = new Linear(1, 1);
        LRFinder.Result r = fixedCurveFinder(model, new SGD(model.parameters(), 0.1)).iterations(7)
                .run(batchesOf(1, 2, 3));
        assertEquals(List.of(1.0, 2.0, 3.0, 1.0, 2.0, 3.0, 1.0), r.losses());
    }

    @Test
    void suggestionSkipsTheFirstAndLastPointsUnlessToldOtherwise() {
        List<Double> lrs = List.of(1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0);
        List<Double> smoothed = List.of(9.0, 4.0, 3.5, 3.0, 2.9, 8.0);
        LRFinder.Result r = new LRFinder.Result(lrs, smoothed, smoothed, false);
        // np.gradient(smoothed) = [-5, -2.75, -0.5, -0.3, 2.5, 5.1]: the first point falls fastest
        assertEquals(1e-5, r.suggestion(0, 0));
        // np.gradient(smoothed[2:5]) = [-0.5, -0.3, -0.1]: index 2
        assertEquals(1e-3, r.suggestion(2, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, r::suggestion);
        assertTrue(e.getMessage().contains("LRFinder.Result.suggestion") && e.getMessage().contains("curve of 6"),
                e.getMessage());
        assertEquals(1e-1, r.minLossLr());
    }

    @Test
    void badRangesAndOptionsAreRefusedWithTheirValues() {
        Linear model = new Linear(1, 1);
        LRFinder f = fixedCurveFinder(model, new SGD(model.parameters(), 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.range(1, 1e-3));
        assertTrue(e.getMessage().contains("startLr must be below endLr, got startLr=1.0, endLr=0.001"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.range(0, 1));
        assertTrue(e.getMessage().contains("must be positive and finite, got startLr=0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.range(-1e-3, 1));
        assertTrue(e.getMessage().contains("startLr=-0.001"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.range(1e-3, Double.NaN));
        assertTrue(e.getMessage().contains("endLr=NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.iterations(1));
        assertTrue(e.getMessage().contains("numIterations must be >= 2, got 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.divergeThreshold(0.5));
        assertTrue(e.getMessage().contains("divergeThreshold must be > 1, got 0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.smoothing(1));
        assertTrue(e.getMessage().contains("LRFinder: beta must be in [0, 1), got 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.run(List.of()));
        assertTrue(e.getMessage().contains("LRFinder.run: the batches are empty"), e.getMessage());
    }

    @Test
    void restoresTheWeightsEvenWhenTheLossFails() {
        Linear model = new Linear(2, 1);
        float[] before = model.weight().toFloatArray();
        SGD sgd = new SGD(model.parameters(), 0.1);
        int[] calls = {0};
        LRFinder f = LRFinder.of(model, sgd, b -> {
            if (++calls[0] == 3) throw new IllegalStateException("boom");
            return model.forward(b.inputs()).sum();   // unbounded below: falls by the lr each step
        });
        List<Batch> batches = List.of(new Batch(Tensor.ones(1, 2), Tensor.scalar(0f)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.run(batches));
        assertEquals("boom", e.getMessage());
        assertTrue(Arrays.equals(before, model.weight().toFloatArray()), "weights restored after a failure");
        assertEquals(0.1, sgd.paramGroups().get(0).lr());
    }

    /** Every key, number and tensor element (as its bits) of a state dict, in order. */
    private static String fingerprint(Object v) {
        if (v instanceof Tensor t) {
            StringBuilder sb = new StringBuilder(t.shape().toString());
            for (float x : t.toFloatArray()) sb.append(' ').append(Integer.toHexString(Float.floatToRawIntBits(x)));
            return sb.toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, x) -> sb.append(k).append('=').append(fingerprint(x)).append(", "));
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) return l.stream().map(LRFinderTest::fingerprint).toList().toString();
        return String.valueOf(v);
    }

    @Test
    void restoresLbfgsWithItsHistory() {
        Tensor.manualSeed(3);
        Linear model = new Linear(3, 1);
        LBFGS lbfgs = new LBFGS(model.parameters(), LBFGS.options().withLr(0.5).withMaxIter(4));
        Tensor x = Tensor.randn(8, 3), y = Tensor.randn(8, 1);
        Function<Batch, Tensor> mse = b -> model.forward(b.inputs()).sub(b.targets()).pow(2).mean();
        lbfgs.step(() -> {
            lbfgs.zeroGrad();
            Tensor l = mse.apply(new Batch(x, y));
            l.backward();
            return l;
        });
        String before = fingerprint(lbfgs.stateDict()), weights = fingerprint(model.weight());
        assertTrue(before.contains("lbfgs={"), "LBFGS has a history after one step: " + before);
        LRFinder.Result r = LRFinder.of(model, lbfgs, mse).range(1e-3, 1).iterations(5).run(List.of(new Batch(x, y)));
        assertEquals(5, r.size());
        assertEquals(before, fingerprint(lbfgs.stateDict()));
        assertEquals(weights, fingerprint(model.weight()));
    }

    @Test
    void aNegativeLossDivergesOnlyWhenItRisesByFourTimesItsMagnitude() {
        Linear model = new Linear(1, 1);
        LRFinder f = fixedCurveFinder(model, new SGD(model.parameters(), 0.1)).iterations(10);
        assertFalse(f.run(batchesOf(-1, -2, -3, -3.5, -3.9, -4, -4, -4, -4, -4)).diverged(), "a falling negative loss");
        // best -10, then +200: the smoothed loss rises far above -10 + 4 * 10
        LRFinder.Result r = f.run(batchesOf(-10, -10, -10, 200, 200, 200, 200, 200, 200, 200));
        assertTrue(r.diverged(), r.smoothedLosses().toString());
        assertEquals(4, r.size(), r.smoothedLosses().toString());
    }
}
