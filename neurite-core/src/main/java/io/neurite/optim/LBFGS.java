package io.neurite.optim;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
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

    /** lr = 1, maxIter = 20, maxEval = 25, toleranceGrad = 1e-7, toleranceChange = 1e-9, history 100, no line search. */
    public static Options options() {
        return new Options(1, 20, 25, 1e-7, 1e-9, 100, LineSearch.NONE);
    }

    private final List<Tensor> params;
    private final int numel;
    // the state carried between steps (PyTorch keeps it in state[params[0]])
    private int funcEvals;
    private int nIter;
    private float[] d;
    private double t;
    private final List<float[]> oldDirs = new ArrayList<>();
    private final List<float[]> oldSteps = new ArrayList<>();
    private final List<Float> ro = new ArrayList<>();
    private float hDiag = 1f;
    private float[] prevFlatGrad;
    private double prevLoss;
    private float[] al;

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
            funcEvals++;
            float[] flatGrad = gatherFlatGrad();
            boolean optimal = maxAbs(flatGrad) <= o.toleranceGrad();
            if (optimal) return origLoss;

            int iter = 0;
            while (iter < o.maxIter()) {
                iter++;
                nIter++;
                if (nIter == 1) {
                    d = scaled(flatGrad, -1f);
                    oldDirs.clear();
                    oldSteps.clear();
                    ro.clear();
                    hDiag = 1f;
                } else {
                    d = direction(flatGrad, o.historySize());
                }
                prevFlatGrad = flatGrad.clone();
                prevLoss = loss;
                if (nIter == 1) {
                    float inverse = 1f / (float) sumAbs(flatGrad);  // the first step is at most lr / |g|_1
                    t = inverse < 1f ? inverse * (float) o.lr() : o.lr();
                } else {
                    t = o.lr();
                }
                double gtd = dot(flatGrad, d);
                if (gtd > -o.toleranceChange()) break;  // not a descent direction

                int lsEvals = 0;
                if (o.lineSearch() == LineSearch.STRONG_WOLFE) {
                    float[][] start = cloneParams();
                    StrongWolfe.Result r = StrongWolfe.search(step -> directionalEvaluate(closure, start, step), t,
                            d, loss, flatGrad, gtd, o.toleranceChange());
                    loss = r.loss();
                    flatGrad = r.grad();
                    t = r.t();
                    lsEvals = r.evaluations();
                    addToParams(t, d);
                    optimal = maxAbs(flatGrad) <= o.toleranceGrad();
                } else {
                    addToParams(t, d);
                    if (iter != o.maxIter()) {
                        loss = evaluate(closure).item();
                        flatGrad = gatherFlatGrad();
                        optimal = maxAbs(flatGrad) <= o.toleranceGrad();
                        lsEvals = 1;
                    }
                }
                currentEvals += lsEvals;
                funcEvals += lsEvals;
                if (iter == o.maxIter() || currentEvals >= o.maxEval() || optimal) break;
                if (maxAbs(d) * Math.abs((float) t) <= o.toleranceChange()) break;  // step too small
                if (Math.abs(loss - prevLoss) < o.toleranceChange()) break;        // loss stalled
            }
            return origLoss;
        }
    }

    /** The two-loop recursion: updates the curvature history with the last step, returns -H g. */
    private float[] direction(float[] flatGrad, int historySize) {
        float[] y = new float[numel];
        float[] s = scaled(d, (float) t);
        for (int i = 0; i < numel; i++) y[i] = flatGrad[i] - prevFlatGrad[i];
        float ys = dot(y, s);
        if (ys > 1e-10f) {
            if (oldDirs.size() == historySize) {
                oldDirs.remove(0);
                oldSteps.remove(0);
                ro.remove(0);
            }
            oldDirs.add(y);
            oldSteps.add(s);
            ro.add(1f / ys);
            hDiag = ys / dot(y, y);
        }
        if (al == null || al.length != historySize) al = new float[historySize];
        float[] q = scaled(flatGrad, -1f);
        for (int i = oldDirs.size() - 1; i >= 0; i--) {
            al[i] = dot(oldSteps.get(i), q) * ro.get(i);
            axpy(q, oldDirs.get(i), -al[i]);
        }
        float[] r = scaled(q, hDiag);
        for (int i = 0; i < oldDirs.size(); i++) {
            float be = dot(oldDirs.get(i), r) * ro.get(i);
            axpy(r, oldSteps.get(i), al[i] - be);
        }
        return r;
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
        addToParams(step, d);
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
        if (d == null) return out;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("funcEvals", funcEvals);
        s.put("nIter", nIter);
        s.put("d", vector(d));
        s.put("t", t);
        s.put("oldDirs", oldDirs.stream().map(LBFGS::vector).toList());
        s.put("oldSteps", oldSteps.stream().map(LBFGS::vector).toList());
        s.put("ro", ro.stream().map(Float::doubleValue).toList());
        s.put("hDiag", (double) hDiag);
        s.put("prevFlatGrad", vector(prevFlatGrad));
        s.put("prevLoss", prevLoss);
        if (al != null) s.put("al", vector(al));
        out.put("lbfgs", java.util.Collections.unmodifiableMap(s));
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public void loadStateDict(Map<String, Object> saved) {
        Object history = saved.get("lbfgs");
        String where = "LBFGS.loadStateDict";
        if (history != null && !(history instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + ": 'lbfgs' must be a map, got " + history);
        }
        Map<?, ?> h = (Map<?, ?>) history;
        float[] newD = h == null ? null : floats(h, "d", where);
        List<float[]> dirs = h == null ? List.of() : floatList(h, "oldDirs", where);
        List<float[]> steps = h == null ? List.of() : floatList(h, "oldSteps", where);
        super.loadStateDict(saved);
        d = newD;
        oldDirs.clear();
        oldSteps.clear();
        ro.clear();
        if (h == null) {
            funcEvals = 0;
            nIter = 0;
            prevFlatGrad = null;
            al = null;
            hDiag = 1f;
            return;
        }
        funcEvals = number(h, "funcEvals", where).intValue();
        nIter = number(h, "nIter", where).intValue();
        t = number(h, "t", where).doubleValue();
        oldDirs.addAll(dirs);
        oldSteps.addAll(steps);
        for (Object r : Optimizer.listOf(h, "ro", where)) ro.add(((Number) r).floatValue());
        hDiag = number(h, "hDiag", where).floatValue();
        prevFlatGrad = floats(h, "prevFlatGrad", where);
        prevLoss = number(h, "prevLoss", where).doubleValue();
        al = h.containsKey("al") ? floats(h, "al", where) : null;
    }

    private static Tensor vector(float[] v) {
        return Tensor.of(v, v.length);
    }

    private float[] floats(Map<?, ?> h, String key, String where) {
        if (h.get(key) instanceof Tensor t && t.dim() == 1) {
            float[] v = t.toFloatArray();
            if (!key.equals("al") && v.length != numel) {
                throw new IllegalArgumentException(where + ": '" + key + "' has " + v.length + " elements, the"
                        + " parameters have " + numel);
            }
            return v;
        }
        throw new IllegalArgumentException(where + ": expected a 1-D tensor under '" + key + "', got " + h.get(key));
    }

    private List<float[]> floatList(Map<?, ?> h, String key, String where) {
        List<float[]> out = new ArrayList<>();
        for (Object v : Optimizer.listOf(h, key, where)) out.add(floats(Map.of(key, v), key, where));
        return out;
    }

    private static Number number(Map<?, ?> h, String key, String where) {
        if (h.get(key) instanceof Number n) return n;
        throw new IllegalArgumentException(where + ": expected a number under '" + key + "', got " + h.get(key));
    }

    // ---------------------------------------------------------------- flat vector arithmetic

    /** The dot product, accumulated in double and rounded to float (PyTorch's float32 dot). */
    static float dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return (float) s;
    }

    static double maxAbs(float[] a) {
        float m = 0;
        for (float v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    private static double sumAbs(float[] a) {
        double s = 0;
        for (float v : a) s += Math.abs(v);
        return (float) s;
    }

    private static float[] scaled(float[] a, float c) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] * c;
        return out;
    }

    /** {@code y += alpha * x}. */
    private static void axpy(float[] y, float[] x, float alpha) {
        for (int i = 0; i < y.length; i++) y[i] = y[i] + alpha * x[i];
    }
}
