package io.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.data.Batch;
import io.neurite.data.DataLoader;
import io.neurite.data.Sample;
import io.neurite.nn.Layer;
import io.neurite.nn.loss.CrossEntropyLoss;
import io.neurite.optim.Adam;
import io.neurite.optim.LRFinder;
import io.neurite.optim.Optimizer;
import io.neurite.optim.SGD;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The learning-rate range test on the MLP of {@link FashionMnistOptimizersTest} over the embedded
 * Fashion-MNIST: it suggests a sensible rate for SGD and for Adam, stops early when the rate gets
 * far too high, and leaves the weights and the optimizer state bit for bit as they were.
 *
 * <p>For scale: the same test written by hand in PyTorch 1.13 (torch-lr-finder's rule, 5 warm-up
 * steps, seeds 0-2) suggests 0.069-0.11 (steepest) and 0.050-0.056 (min/10) for SGD with momentum
 * over 1e-5..1, 0.0043-0.0076 and 0.008-0.011 for Adam over 1e-6..1, and stops after 60-84 of 100
 * steps over 1e-4..1e3. Neurite gives 0.077 / 0.050, 0.0057 / 0.012, and 85 steps.
 */
class FashionMnistLRFinderTest {

    private final CrossEntropyLoss criterion = new CrossEntropyLoss();

    /** A few ordinary steps, so that the optimizer has state (momentum buffers, Adam's moments) to restore. */
    private void warmUp(Layer model, Optimizer<?> opt, Iterator<Batch> batches, int steps) {
        for (int k = 0; k < steps; k++) {
            Batch b = batches.next();
            opt.zeroGrad();
            criterion.forward(model.forward(b.inputs()), b.targets()).backward();
            opt.step();
        }
    }

    private static List<float[]> weights(Layer model) {
        List<float[]> out = new ArrayList<>();
        for (Tensor p : model.parameters()) out.add(p.toFloatArray());
        return out;
    }

    private static void assertSameWeights(List<float[]> expected, Layer model) {
        List<float[]> actual = weights(model);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i);
    }

    /** Equal maps, lists and numbers, and tensors with bit-identical values. */
    private static void assertSameState(Object expected, Object actual, String where) {
        if (expected instanceof Tensor e) {
            Tensor a = assertInstance(Tensor.class, actual, where);
            assertEquals(e.shape(), a.shape(), where);
            assertArrayEquals(e.toFloatArray(), a.toFloatArray(), where);
        } else if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = assertInstance(Map.class, actual, where);
            assertEquals(e.keySet(), a.keySet(), where);
            for (var k : e.keySet()) assertSameState(e.get(k), a.get(k), where + "." + k);
        } else if (expected instanceof List<?> e) {
            List<?> a = assertInstance(List.class, actual, where);
            assertEquals(e.size(), a.size(), where);
            for (int i = 0; i < e.size(); i++) assertSameState(e.get(i), a.get(i), where + "[" + i + "]");
        } else {
            assertEquals(expected, actual, where);
        }
    }

    private static <T> T assertInstance(Class<T> type, Object value, String where) {
        assertTrue(type.isInstance(value), where + ": expected a " + type.getSimpleName() + ", got " + value);
        return type.cast(value);
    }

    private LRFinder.Result rangeTest(Layer model, Optimizer<?> opt, double startLr, double endLr) {
        DataLoader<Sample, Batch> loader = FashionMnistOptimizersTest.loader();
        try (var firstEpoch = loader.iterator()) {
            warmUp(model, opt, firstEpoch, 5);
        }
        List<float[]> before = weights(model);
        Map<String, Object> optimizerBefore = opt.stateDict();
        boolean training = model.isTraining();
        List<Tensor> grads = model.parameters().stream().map(Tensor::grad).toList();
        assertFalse(((Map<?, ?>) optimizerBefore.get("state")).isEmpty(), "the warm-up gave the optimizer state");
        LRFinder.Result r = new LRFinder(model, opt, criterion::forward).range(startLr, endLr).iterations(100)
                .run(loader);
        assertSameWeights(before, model);
        assertSameState(optimizerBefore, opt.stateDict(), "optimizer");
        assertEquals(training, model.isTraining(), "the training mode is restored");
        for (int i = 0; i < grads.size(); i++) {
            assertArrayEquals(grads.get(i).toFloatArray(), model.parameters().get(i).grad().toFloatArray(),
                    "the gradient of parameter " + i + " (left by the warm-up's last step) is restored");
        }
        return r;
    }

    @Test
    void sgdWithMomentumGetsASensibleSuggestionAndIsRestored() {
        Tensor.manualSeed(21);
        Layer model = FashionMnistOptimizersTest.mlp();
        SGD sgd = new SGD(model.parameters(), SGD.options(0.01).withMomentum(0.9));
        LRFinder.Result r = rangeTest(model, sgd, 1e-5, 1);
        System.out.printf("SGD: %d points, suggestion %.3g, min loss lr %.3g%n", r.size(), r.suggestion(),
                r.minLossLr());
        assertEquals(100, r.size(), "the range 1e-5..1 stays below divergence for SGD with momentum");
        assertFalse(r.diverged());
        assertEquals(1e-5, r.lrs().get(0), 1e-18);
        assertEquals(1.0, r.lrs().get(99), 1e-12);
        assertTrue(r.suggestion() > 1e-4 && r.suggestion() < 1, "suggestion " + r.suggestion());
        assertTrue(r.minLossLrDividedBy10() > 1e-4 && r.minLossLrDividedBy10() < 1, "min/10 " + r.minLossLrDividedBy10());
        assertEquals(0.01, sgd.paramGroups().get(0).lr(), "the learning rate is restored");
        assertTrue(r.smoothedLosses().stream().mapToDouble(Double::doubleValue).min().orElseThrow()
                < r.smoothedLosses().get(0) - 0.5, "the loss falls somewhere in the range: " + r.smoothedLosses());
    }

    @Test
    void adamGetsASensibleSuggestionAndIsRestored() {
        Tensor.manualSeed(22);
        Layer model = FashionMnistOptimizersTest.mlp();
        Adam adam = new Adam(model.parameters(), 1e-3);
        model.eval();   // restored as found: the test trains in training mode, then puts eval mode back
        LRFinder.Result r = rangeTest(model, adam, 1e-6, 1);
        assertFalse(model.isTraining());
        System.out.printf("Adam: %d points, suggestion %.3g, min loss lr %.3g%n", r.size(), r.suggestion(),
                r.minLossLr());
        assertTrue(r.suggestion() > 1e-4 && r.suggestion() < 1, "suggestion " + r.suggestion());
        assertTrue(r.minLossLrDividedBy10() > 1e-4 && r.minLossLrDividedBy10() < 1, "min/10 " + r.minLossLrDividedBy10());
        assertEquals(1e-3, adam.paramGroups().get(0).lr(), "the learning rate is restored");
    }

    @Test
    void aFarTooHighEndStopsTheTestEarly() {
        Tensor.manualSeed(23);
        Layer model = FashionMnistOptimizersTest.mlp();
        SGD sgd = new SGD(model.parameters(), SGD.options(0.01).withMomentum(0.9));
        LRFinder.Result r = rangeTest(model, sgd, 1e-4, 1e3);
        System.out.printf("SGD to 1e3: %d points, last lr %.3g%n", r.size(), r.lrs().get(r.size() - 1));
        assertTrue(r.diverged(), "diverged");
        assertTrue(r.size() < 100, "stopped after " + r.size() + " of 100 steps");
        double last = r.smoothedLosses().get(r.size() - 1);
        double best = r.smoothedLosses().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertTrue(!Double.isFinite(last) || last > 5 * best, "last smoothed loss " + last + ", best " + best);
        for (int i = 0; i < r.size() - 1; i++) {
            double s = r.smoothedLosses().get(i);
            assertTrue(s <= 5 * best, "no earlier point had diverged: " + i + " " + s);
        }
    }

    @Test
    void trainingAfterTheTestContinuesExactlyAsWithoutIt() {
        List<Batch> batches = new ArrayList<>();
        FashionMnistOptimizersTest.loader().forEach(batches::add);
        float[] with = continueAfter(true, batches), without = continueAfter(false, batches);
        assertArrayEquals(without, with);
    }

    private float[] continueAfter(boolean runFinder, List<Batch> batches) {
        Tensor.manualSeed(24);
        Layer model = FashionMnistOptimizersTest.mlp();
        Adam adam = new Adam(model.parameters(), 1e-3);
        warmUp(model, adam, batches.subList(0, 5).iterator(), 5);
        if (runFinder) new LRFinder(model, adam, criterion::forward).iterations(30).run(batches);
        warmUp(model, adam, batches.subList(5, 10).iterator(), 5);
        return model.parameters().get(0).toFloatArray();
    }
}
