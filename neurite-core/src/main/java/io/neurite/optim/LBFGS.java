package io.neurite.optim;

import static io.neurite.optim.FlatVectors.dot;
import static io.neurite.optim.FlatVectors.maxAbs;
import static io.neurite.optim.FlatVectors.sumAbs;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Limited-memory BFGS for small full-batch problems, as {@code torch.optim.LBFGS} (after minFunc;
 * Nocedal and Wright, Numerical Optimization, algorithm 7.4): each {@link #step(Supplier)} runs up
 * to {@code maxIter} quasi-Newton iterations, re-evaluating the loss through the closure, with a
 * fixed step {@code lr} or a strong-Wolfe line search.
 *
 * <pre>{@code
 * var lbfgs = new LBFGS(List.of(w), LBFGS.options().withLineSearch(LBFGS.LineSearch.STRONG_WOLFE));
 * lbfgs.step(() -> {
 *     lbfgs.zeroGrad();
 *     Tensor loss = x.matmul(w).sub(y).pow(2).sum();
 *     loss.backward();
 *     return loss;
 * });
 * }</pre>
 *
 * One parameter group only; it keeps {@code historySize + 1} vectors of the total parameter size.
 */
public final class LBFGS extends Optimizer<LBFGS.Options> {

    /** The line search of each iteration. */
    public enum LineSearch { NONE, STRONG_WOLFE }

    /** LBFGS's hyper-parameters; {@link #options()} gives PyTorch's defaults. */
    public record Options(double lr, int maxIter, int maxEval, double toleranceGrad, double toleranceChange,
                          int historySize, LineSearch lineSearch) implements OptimizerOptions<Options> {

        public Options {
            Check.nonNegative("LBFGS", "lr", lr);
            Check.positiveInt("LBFGS", "maxIter", maxIter);
            Check.positiveInt("LBFGS", "maxEval", maxEval);
            Check.nonNegative("LBFGS", "toleranceGrad", toleranceGrad);
            Check.nonNegative("LBFGS", "toleranceChange", toleranceChange);
            Check.positiveInt("LBFGS", "historySize", historySize);
            if (lineSearch == null) {
                throw new IllegalArgumentException("LBFGS: lineSearch must be NONE or STRONG_WOLFE, got null");
            }
        }

        @Override
        public Options withLr(double lr) {
            return new Options(lr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize, lineSearch);
        }

        /** Sets maxIter, and maxEval to PyTorch's default for it, {@code maxIter * 5 / 4}. */
        public Options withMaxIter(int maxIter) {
            return new Options(lr, maxIter, maxIter * 5 / 4, toleranceGrad, toleranceChange, historySize, lineSearch);
        }

        public Options withMaxEval(int maxEval) {
            return new Options(lr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize, lineSearch);
        }

        public Options withToleranceGrad(double toleranceGrad) {
            return new Options(lr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize, lineSearch);
        }

        public Options withToleranceChange(double toleranceChange) {
            return new Options(lr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize, lineSearch);
        }

        public Options withHistorySize(int historySize) {
            return new Options(lr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize, lineSearch);
        }

        public Options withLineSearch(LineSearch lineSearch) {
            return new Options(lr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize, lineSearch);
        }
    }

    /** lr = 1, maxIter = 20, maxEval = 25, toleranceGrad = 1e-7, toleranceChange = 1e-9, history 100, no search. */
    public static Options options() {
        return new Options(1, 20, 25, 1e-7, 1e-9, 100, LineSearch.NONE);
    }

    private final List<Tensor> params;
    private final int numel;
    private LBFGSHistory history = new LBFGSHistory();

    public LBFGS(List<Tensor> params) {
        this(params, options());
    }

    public LBFGS(List<Tensor> params, Options options) {
        super(params, options);
        this.params = paramGroups().get(0).params();
        int n = 0;
        for (Tensor p : this.params) n += p.numel();
        this.numel = n;
    }

    @Override
    protected void checkGroup(Options options) {
        if (!paramGroups().isEmpty()) {
            throw new IllegalArgumentException("LBFGS: supports one parameter group only (no per-parameter"
                    + " options); hint: put every parameter in the group given to the constructor");
        }
    }

    /** Always fails: LBFGS re-evaluates the loss several times per step. */
    @Override
    public void step() {
        throw new IllegalStateException("LBFGS: step() needs a closure that recomputes the loss; call"
                + " step(() -> { zeroGrad(); Tensor loss = ...; loss.backward(); return loss; })");
    }

    /** Never called: {@link #step(Supplier)} updates all parameters as one flat vector. */
    @Override
    protected void update(Options options, float[] param, float[] grad, ParamState state) {
        throw new IllegalStateException("LBFGS: update runs through step(closure)");
    }

    /**
     * Runs up to {@code maxIter} iterations; {@code closure} clears the gradients, computes the loss,
     * calls backward and returns the loss. Returns the loss of the first evaluation.
     */
    @Override
    public Tensor step(Supplier<Tensor> closure) {
        Options o = paramGroups().get(0).options();
        try (var scope = Autograd.noGrad()) {
            Tensor origLoss = evaluate(closure);
            double loss = origLoss.item();
            int currentEvals = 1;
            history.funcEvals++;
            float[] flatGrad = gatherFlatGrad();
            boolean optimal = maxAbs(flatGrad) <= o.toleranceGrad();
            if (optimal) return origLoss;

            int iter = 0;
            while (iter < o.maxIter()) {
                iter++;
                history.nIter++;
                if (history.nIter == 1) {
                    history.restart(flatGrad);
                } else {
                    history.updateDirection(flatGrad, o.historySize());
                }
                history.prevFlatGrad = flatGrad.clone();
                history.prevLoss = loss;
                if (history.nIter == 1) {
                    float inverse = 1f / sumAbs(flatGrad);  // the first step is at most lr / |g|_1
                    history.t = inverse < 1f ? inverse * (float) o.lr() : o.lr();
                } else {
                    history.t = o.lr();
                }
                double gtd = dot(flatGrad, history.d);
                if (gtd > -o.toleranceChange()) break;  // not a descent direction

                int lsEvals = 0;
                if (o.lineSearch() == LineSearch.STRONG_WOLFE) {
                    float[][] start = cloneParams();
                    StrongWolfe.Result r = StrongWolfe.search(step -> directionalEvaluate(closure, start, step),
                            history.t, history.d, loss, flatGrad, gtd, o.toleranceChange());
                    loss = r.loss();
                    flatGrad = r.grad();
                    history.t = r.t();
                    lsEvals = r.evaluations();
                    addToParams(history.t, history.d);
                    optimal = maxAbs(flatGrad) <= o.toleranceGrad();
                } else {
                    addToParams(history.t, history.d);
                    if (iter != o.maxIter()) {
                        loss = evaluate(closure).item();
                        flatGrad = gatherFlatGrad();
                        optimal = maxAbs(flatGrad) <= o.toleranceGrad();
                        lsEvals = 1;
                    }
                }
                currentEvals += lsEvals;
                history.funcEvals += lsEvals;
                if (iter == o.maxIter() || currentEvals >= o.maxEval() || optimal) break;
                if (maxAbs(history.d) * Math.abs((float) history.t) <= o.toleranceChange()) break;  // tiny step
                if (Math.abs(loss - history.prevLoss) < o.toleranceChange()) break;                // stalled
            }
            return origLoss;
        }
    }

    private Tensor evaluate(Supplier<Tensor> closure) {
        try (var scope = Autograd.enableGrad()) {
            Tensor loss = closure.get();
            if (loss == null || loss.numel() != 1) {
                throw new IllegalArgumentException("LBFGS: the closure must return the loss as a one-element"
                        + " tensor, got " + (loss == null ? "null" : "shape " + loss.shape()));
            }
            return loss;
        }
    }

    private StrongWolfe.Evaluation directionalEvaluate(Supplier<Tensor> closure, float[][] start, double step) {
        addToParams(step, history.d);
        double loss = evaluate(closure).item();
        float[] grad = gatherFlatGrad();
        setParams(start);
        return new StrongWolfe.Evaluation(loss, grad);
    }

    /** All gradients as one vector (zeros for a parameter without gradient). */
    private float[] gatherFlatGrad() {
        float[] flat = new float[numel];
        int offset = 0;
        for (Tensor p : params) {
            if (p.grad() != null) System.arraycopy(p.grad().contiguousData(), 0, flat, offset, p.numel());
            offset += p.numel();
        }
        return flat;
    }

    /** {@code params += step * update}, the update laid out as {@link #gatherFlatGrad()}. */
    private void addToParams(double step, float[] update) {
        float alpha = (float) step;
        int offset = 0;
        for (Tensor p : params) {
            float[] data = ParamData.open(p);
            for (int i = 0; i < data.length; i++) data[i] = data[i] + alpha * update[offset + i];
            ParamData.commit(p, data);
            offset += p.numel();
        }
    }

    private float[][] cloneParams() {
        float[][] out = new float[params.size()][];
        for (int i = 0; i < out.length; i++) out[i] = params.get(i).toFloatArray();
        return out;
    }

    private void setParams(float[][] values) {
        for (int i = 0; i < values.length; i++) {
            Tensor p = params.get(i);
            float[] data = ParamData.open(p);
            System.arraycopy(values[i], 0, data, 0, data.length);
            ParamData.commit(p, data);
        }
    }

    // ---------------------------------------------------------------- state

    /** As {@link Optimizer#stateDict()}, plus the history under {@code "lbfgs"} (absent before the first step). */
    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> out = new LinkedHashMap<>(super.stateDict());
        if (history.d != null) out.put("lbfgs", history.toMap());
        return Collections.unmodifiableMap(out);
    }

    @Override
    public void loadStateDict(Map<String, Object> saved) {
        Object lbfgs = saved.get("lbfgs");
        String where = "LBFGS.loadStateDict: lbfgs";
        if (lbfgs != null && !(lbfgs instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + " must be a map, got " + lbfgs);
        }
        LBFGSHistory loaded = lbfgs == null ? new LBFGSHistory()
                : LBFGSHistory.fromMap((Map<?, ?>) lbfgs, numel, where);
        super.loadStateDict(saved);
        this.history = loaded;
    }
}
