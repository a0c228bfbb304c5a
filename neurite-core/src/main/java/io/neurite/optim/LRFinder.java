package io.neurite.optim;

import io.neurite.data.Batch;
import io.neurite.nn.Layer;
import io.neurite.nn.Module;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The learning-rate range test (Smith, "Cyclical Learning Rates for Training Neural Networks",
 * 2017; fast.ai's {@code lr_find}, torch-lr-finder's {@code LRFinder}): train for a few hundred
 * mini-batches while the learning rate rises from {@code startLr} to {@code endLr}, record the
 * loss, and pick a rate where the loss falls fastest. The model and the optimizer are restored
 * afterwards to exactly their state before the test.
 *
 * <pre>{@code
 * var model = new Sequential(new Flatten(), new Linear(784, 64), new ReLU(), new Linear(64, 10));
 * var optimizer = new SGD(model.parameters(), 0.01);
 * var criterion = new CrossEntropyLoss();
 * LRFinder.Result curve = new LRFinder(model, optimizer, criterion::forward)
 *         .range(1e-6, 10).iterations(100)
 *         .run(loader);
 * optimizer.paramGroups().get(0).setLr(curve.suggestion());    // or curve.minLossLrDividedBy10()
 * }</pre>
 *
 * <p>At step {@code i} of {@code n} the rate is {@code start * (end / start)^(i / (n - 1))}
 * (exponential, the default) or {@code start + (end - start) * i / (n - 1)} (linear), the same
 * rate set on every parameter group. Each step evaluates the loss of one batch, calls backward and steps the
 * optimizer (through {@link Optimizer#step(java.util.function.Supplier)}, so LBFGS works too). The
 * smoothed loss is the bias-corrected exponential average {@code avg = beta avg + (1 - beta) loss},
 * {@code smoothed_i = avg / (1 - beta^(i+1))} with {@code beta = 0.98}; the test stops early (after
 * recording that step) when the smoothed loss exceeds {@code divergeThreshold} (5) times the best
 * smoothed loss so far (for a loss that can be negative: exceeds the best by {@code threshold - 1}
 * times its magnitude), or the loss is not finite.
 *
 * <p>When {@code batches} is shorter than the test, it is iterated again ({@code batches.iterator()}
 * once more: a {@link io.neurite.data.DataLoader} serves its next epoch). What is not restored: the
 * epoch counter of such a loader, and the global random generator (dropout draws from it during the
 * test).
 */
public final class LRFinder {

    /** How the learning rate rises from the start to the end of the range. */
    public enum Mode { EXPONENTIAL, LINEAR }

    private final Module model;
    private final Optimizer<?> optimizer;
    private final Function<Batch, Tensor> batchLoss;
    private double startLr = 1e-7;
    private double endLr = 10;
    private int numIterations = 100;
    private Mode mode = Mode.EXPONENTIAL;
    private double beta = 0.98;
    private double divergeThreshold = 5;

    /**
     * A range test of {@code model} trained by {@code optimizer} (over the model's parameters) with
     * {@code criterion(model.forward(inputs), targets)} as the loss, e.g. {@code new CrossEntropyLoss()::forward}.
     */
    public LRFinder(Layer model, Optimizer<?> optimizer, BiFunction<Tensor, Tensor, Tensor> criterion) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(criterion, "criterion");
        this.model = model;
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.batchLoss = b -> criterion.apply(model.forward(b.inputs()), b.targets());
    }

    /**
     * A range test of any {@code model} whose loss on a batch is {@code batchLoss} (a scalar with a
     * gradient); {@code model} is only saved, restored and put in training mode.
     */
    public static LRFinder of(Module model, Optimizer<?> optimizer, Function<Batch, Tensor> batchLoss) {
        return new LRFinder(model, optimizer, batchLoss);
    }

    private LRFinder(Module model, Optimizer<?> optimizer, Function<Batch, Tensor> batchLoss) {
        this.model = Objects.requireNonNull(model, "model");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.batchLoss = Objects.requireNonNull(batchLoss, "batchLoss");
    }

    /** The learning rates of the first and the last step (default 1e-7 and 10); {@code 0 < start < end}. */
    public LRFinder range(double startLr, double endLr) {
        if (!(startLr > 0) || !(endLr > 0) || Double.isInfinite(endLr)) {
            throw new IllegalArgumentException("LRFinder: the learning rates must be positive and finite, got startLr="
                    + startLr + ", endLr=" + endLr + "; hint: a typical range is 1e-7 to 10");
        }
        if (!(startLr < endLr)) {
            throw new IllegalArgumentException("LRFinder: startLr must be below endLr, got startLr=" + startLr
                    + ", endLr=" + endLr + "; hint: the test raises the learning rate, e.g. range(1e-7, 10)");
        }
        this.startLr = startLr;
        this.endLr = endLr;
        return this;
    }

    /** The number of mini-batches (steps) of the test, at least 2 (default 100). */
    public LRFinder iterations(int numIterations) {
        if (numIterations < 2) {
            throw new IllegalArgumentException("LRFinder: numIterations must be >= 2, got " + numIterations
                    + "; hint: the test needs a few hundred batches at most, 100 is the default");
        }
        this.numIterations = numIterations;
        return this;
    }

    /** Exponential (default) or linear increase of the learning rate. */
    public LRFinder mode(Mode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** The smoothing factor of the loss average, in [0, 1) (default 0.98, as fast.ai). */
    public LRFinder smoothing(double beta) {
        Check.unitOpen("LRFinder", "beta", beta);
        this.beta = beta;
        return this;
    }

    /** Stop when the smoothed loss exceeds this multiple of the best one (default 5); must be > 1. */
    public LRFinder divergeThreshold(double divergeThreshold) {
        if (!(divergeThreshold > 1)) {
            throw new IllegalArgumentException("LRFinder: divergeThreshold must be > 1, got " + divergeThreshold
                    + "; hint: 5 stops when the smoothed loss is five times the best");
        }
        this.divergeThreshold = divergeThreshold;
        return this;
    }

    /** The learning rate of step {@code i} of the test. */
    double lrAt(int i) {
        double r = (double) i / (numIterations - 1);
        return mode == Mode.EXPONENTIAL ? startLr * Math.pow(endLr / startLr, r) : startLr + (endLr - startLr) * r;
    }

    /**
     * Runs the test over {@code batches} (cycled if shorter than the test) and restores the model's
     * parameters and buffers, its training mode, the gradients, and the optimizer's state and
     * hyper-parameters to what they were before, also when the test fails.
     */
    public Result run(Iterable<Batch> batches) {
        Objects.requireNonNull(batches, "batches");
        Map<String, Tensor> savedModel = copyOfModelState();
        Map<String, Object> savedOptimizer = deepCopy(optimizer.stateDict());
        List<Module> modules = model.modules();
        boolean[] training = new boolean[modules.size()];
        for (int k = 0; k < training.length; k++) training[k] = modules.get(k).isTraining();
        List<Tensor> params = model.parameters();
        List<Tensor> grads = new ArrayList<>(params.size());
        for (Tensor p : params) grads.add(p.grad());
        try {
            model.train();
            return record(batches);
        } finally {
            model.loadStateDict(savedModel, true);
            optimizer.loadStateDict(savedOptimizer);
            for (int k = 0; k < training.length; k++) modules.get(k).train(training[k]);
            for (int k = 0; k < params.size(); k++) params.get(k).setGrad(grads.get(k));
        }
    }

    private Result record(Iterable<Batch> batches) {
        List<Double> lrs = new ArrayList<>(), losses = new ArrayList<>(), smoothed = new ArrayList<>();
        Iterator<Batch> it = batches.iterator();
        double avg = 0, best = Double.POSITIVE_INFINITY;
        boolean diverged = false;
        try {
            for (int i = 0; i < numIterations && !diverged; i++) {
                if (!it.hasNext()) {
                    close(it);
                    it = batches.iterator();
                    if (!it.hasNext()) {
                        throw new IllegalArgumentException("LRFinder.run: "
                                + (i == 0 ? "the batches are empty" : "a new iteration of the batches was empty at step " + (i + 1))
                                + "; hint: pass a DataLoader or a non-empty list of batches");
                    }
                }
                Batch batch = it.next();
                double lr = lrAt(i);
                for (ParamGroup<?> g : optimizer.paramGroups()) g.setLr(lr);
                Tensor loss = optimizer.step(() -> {
                    optimizer.zeroGrad();
                    Tensor l = batchLoss.apply(batch);
                    l.backward();
                    return l;
                });
                double value = loss.item();
                avg = beta * avg + (1 - beta) * value;
                double s = avg / (1 - Math.pow(beta, i + 1));
                lrs.add(lr);
                losses.add(value);
                smoothed.add(s);
                best = Math.min(best, s);
                // s > threshold * best, written so that it also makes sense for a negative best
                diverged = !Double.isFinite(s) || s - best > (divergeThreshold - 1) * Math.abs(best);
            }
        } finally {
            close(it);
        }
        return new Result(lrs, losses, smoothed, diverged);
    }

    private static void close(Iterator<?> it) {
        if (it instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("LRFinder: closing the batch iterator failed", e);
            }
        }
    }

    private Map<String, Tensor> copyOfModelState() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (var scope = Autograd.noGrad()) {
            model.stateDict().forEach((k, v) -> out.put(k, v.clone()));
        }
        return out;
    }

    /** A copy of an optimizer state dict owning all its tensors (nested maps and lists copied too). */
    private static Map<String, Object> deepCopy(Map<String, Object> state) {
        try (var scope = Autograd.noGrad()) {
            Map<String, Object> out = new LinkedHashMap<>();
            state.forEach((k, v) -> out.put(k, deepCopyValue(v)));
            return out;
        }
    }

    private static Object deepCopyValue(Object v) {
        if (v instanceof Tensor t) return t.detach().clone();
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, deepCopyValue(x)));
            return out;
        }
        if (v instanceof List<?> l) return new ArrayList<>(l.stream().map(LRFinder::deepCopyValue).toList());
        return v; // numbers, strings, booleans: immutable
    }

    /**
     * The curve of a range test: the learning rate, the loss and the smoothed loss of each step
     * (lists of equal length, at most the number of iterations), and whether it stopped on divergence.
     */
    public record Result(List<Double> lrs, List<Double> losses, List<Double> smoothedLosses, boolean diverged) {

        /** Points skipped at the start and at the end by {@link #suggestion()}, as torch-lr-finder. */
        public static final int SKIP_START = 10, SKIP_END = 5;

        public Result {
            lrs = List.copyOf(lrs);
            losses = List.copyOf(losses);
            smoothedLosses = List.copyOf(smoothedLosses);
            if (lrs.size() != losses.size() || lrs.size() != smoothedLosses.size()) {
                throw new IllegalArgumentException("LRFinder.Result: lrs, losses and smoothedLosses must have the same"
                        + " length, got " + lrs.size() + ", " + losses.size() + " and " + smoothedLosses.size());
            }
        }

        /** The number of steps recorded. */
        public int size() {
            return lrs.size();
        }

        /**
         * The learning rate where the smoothed loss falls fastest, skipping the first 10 and the last 5
         * points: {@link #suggestion(int, int)} with {@link #SKIP_START} and {@link #SKIP_END}.
         */
        public double suggestion() {
            return suggestion(SKIP_START, SKIP_END);
        }

        /**
         * The learning rate at the most negative gradient of the smoothed loss over the points
         * {@code [skipStart, size - skipEnd)}, the gradient taken as numpy's {@code np.gradient}
         * along the step index (central differences, one-sided at the ends), which for the
         * exponential schedule is proportional to {@code d loss / d log(lr)}.
         */
        public double suggestion(int skipStart, int skipEnd) {
            if (skipStart < 0 || skipEnd < 0) {
                throw new IllegalArgumentException("LRFinder.Result.suggestion: skips must be >= 0, got skipStart="
                        + skipStart + ", skipEnd=" + skipEnd);
            }
            int from = skipStart, to = size() - skipEnd, n = to - from;
            if (n < 2) {
                throw new IllegalStateException("LRFinder.Result.suggestion: " + Math.max(n, 0) + " point(s) remain"
                        + " after skipping " + skipStart + " at the start and " + skipEnd + " at the end of a curve of "
                        + size() + " (diverged=" + diverged + "); hint: run more iterations, lower endLr, or pass"
                        + " smaller skips to suggestion(skipStart, skipEnd)");
            }
            int steepest = from;
            double minGrad = Double.POSITIVE_INFINITY;
            for (int i = from; i < to; i++) {
                double grad = i == from ? smoothedLosses.get(i + 1) - smoothedLosses.get(i)
                        : i == to - 1 ? smoothedLosses.get(i) - smoothedLosses.get(i - 1)
                        : (smoothedLosses.get(i + 1) - smoothedLosses.get(i - 1)) / 2;
                if (grad < minGrad) {
                    minGrad = grad;
                    steepest = i;
                }
            }
            return lrs.get(steepest);
        }

        /** The learning rate of the lowest smoothed loss over the whole curve. */
        public double minLossLr() {
            if (size() == 0) throw new IllegalStateException("LRFinder.Result.minLossLr: the curve is empty");
            int best = 0;
            for (int i = 1; i < size(); i++) if (smoothedLosses.get(i) < smoothedLosses.get(best)) best = i;
            return lrs.get(best);
        }

        /** fast.ai's "min/10" rule: a tenth of {@link #minLossLr()}, safely before the loss climbs. */
        public double minLossLrDividedBy10() {
            return minLossLr() / 10;
        }
    }
}
