package io.neurite.optim;

import static io.neurite.optim.FlatVectors.axpy;
import static io.neurite.optim.FlatVectors.dot;
import static io.neurite.optim.FlatVectors.scaled;

import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link LBFGS} carries from one step to the next (PyTorch keeps it in
 * {@code state[params[0]]}): the last direction and step size, the curvature pairs (y, s) with
 * {@code ro = 1 / y.s}, the initial Hessian scale, the previous gradient and loss, and counters.
 */
final class LBFGSHistory {

    int funcEvals;
    int nIter;
    float[] d;
    double t;
    final List<float[]> oldDirs = new ArrayList<>();
    final List<float[]> oldSteps = new ArrayList<>();
    final List<Float> ro = new ArrayList<>();
    float hDiag = 1f;
    float[] prevFlatGrad;
    double prevLoss;
    float[] al;

    /** Starts over from the gradient: steepest descent, an empty history. */
    void restart(float[] flatGrad) {
        d = scaled(flatGrad, -1f);
        oldDirs.clear();
        oldSteps.clear();
        ro.clear();
        hDiag = 1f;
    }

    /**
     * Adds the last step's curvature pair (if {@code y.s > 1e-10}, dropping the oldest beyond
     * {@code historySize}), then sets {@link #d} to {@code -H g} by the two-loop recursion (Nocedal
     * and Wright, algorithm 7.4).
     */
    void updateDirection(float[] flatGrad, int historySize) {
        float[] y = new float[flatGrad.length];
        for (int i = 0; i < y.length; i++) y[i] = flatGrad[i] - prevFlatGrad[i];
        float[] s = scaled(d, (float) t);
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
        d = r;
    }

    // ---------------------------------------------------------------- plain data

    Map<String, Object> toMap() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("funcEvals", funcEvals);
        s.put("nIter", nIter);
        s.put("d", vector(d));
        s.put("t", t);
        s.put("oldDirs", oldDirs.stream().map(LBFGSHistory::vector).toList());
        s.put("oldSteps", oldSteps.stream().map(LBFGSHistory::vector).toList());
        s.put("ro", ro.stream().map(Float::doubleValue).toList());
        s.put("hDiag", (double) hDiag);
        s.put("prevFlatGrad", vector(prevFlatGrad));
        s.put("prevLoss", prevLoss);
        if (al != null) s.put("al", vector(al));
        return Collections.unmodifiableMap(s);
    }

    /** The history saved by {@link #toMap()}, checked against the parameters' total size {@code numel}. */
    static LBFGSHistory fromMap(Map<?, ?> m, int numel, String where) {
        LBFGSHistory h = new LBFGSHistory();
        h.funcEvals = number(m, "funcEvals", where).intValue();
        h.nIter = number(m, "nIter", where).intValue();
        h.d = vector(m.get("d"), numel, "d", where);
        h.t = number(m, "t", where).doubleValue();
        for (Object v : Optimizer.listOf(m, "oldDirs", where)) h.oldDirs.add(vector(v, numel, "oldDirs", where));
        for (Object v : Optimizer.listOf(m, "oldSteps", where)) h.oldSteps.add(vector(v, numel, "oldSteps", where));
        for (Object v : Optimizer.listOf(m, "ro", where)) {
            if (!(v instanceof Number n)) throw new IllegalArgumentException(where + ": 'ro' holds " + v);
            h.ro.add(n.floatValue());
        }
        if (h.ro.size() != h.oldDirs.size() || h.oldSteps.size() != h.oldDirs.size()) {
            throw new IllegalArgumentException(where + ": oldDirs, oldSteps and ro must have the same length, got "
                    + h.oldDirs.size() + ", " + h.oldSteps.size() + " and " + h.ro.size());
        }
        h.hDiag = number(m, "hDiag", where).floatValue();
        h.prevFlatGrad = vector(m.get("prevFlatGrad"), numel, "prevFlatGrad", where);
        h.prevLoss = number(m, "prevLoss", where).doubleValue();
        h.al = m.containsKey("al") ? vector(m.get("al"), -1, "al", where) : null;
        return h;
    }

    private static Tensor vector(float[] v) {
        return Tensor.of(v, v.length);
    }

    private static float[] vector(Object v, int numel, String key, String where) {
        if (v instanceof Tensor t && t.dim() == 1 && (numel < 0 || t.numel() == numel)) return t.toFloatArray();
        throw new IllegalArgumentException(where + ": expected a 1-D tensor" + (numel < 0 ? "" : " of " + numel
                + " elements (the parameters' total size)") + " under '" + key + "', got " + v);
    }

    private static Number number(Map<?, ?> m, String key, String where) {
        if (m.get(key) instanceof Number n) return n;
        throw new IllegalArgumentException(where + ": expected a number under '" + key + "', got " + m.get(key));
    }
}
