package io.neurite.train.metrics;

import io.neurite.tensor.DType;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/** Input checks shared by the metrics; every message names the metric, the expectation and what it got. */
final class Inputs {

    private Inputs() {}

    /** The elements of {@code t} as floats, refusing NaN (a diverged model should not score silently). */
    static float[] values(String op, String what, Tensor t) {
        float[] v = t.toFloatArray();
        for (int i = 0; i < v.length; i++) {
            if (Float.isNaN(v[i])) {
                throw new IllegalArgumentException(op + ": " + what + " " + t.shape() + " contain NaN at flat index "
                        + i + "; hint: check the loss for divergence");
            }
        }
        return v;
    }

    /**
     * The class indices in {@code targets}, checked against the predictions: int32 [N] (for binary decisions also
     * [N, 1], and float32 holding only 0 and 1, as the targets of BCE losses), N matching, each in [0, numClasses).
     */
    static int[] classTargets(String op, Tensor predictions, Tensor targets, int numClasses, boolean binary) {
        boolean column = targets.dim() == 2 && targets.size(1) == 1;
        if (!(targets.dim() == 1 || (binary && column))) {
            throw new ShapeException(op + ": expected targets of shape [N]" + (binary ? " or [N, 1]" : "")
                    + ", got targets " + targets.shape() + " for predictions " + predictions.shape()
                    + (column ? "; hint: targets.reshape(-1), or a binary Decision for binary predictions" : ""),
                    predictions.shape(), targets.shape());
        }
        if (predictions.dim() == 0 || targets.size(0) != predictions.size(0)) {
            throw new ShapeException(op + ": predictions " + predictions.shape() + " and targets " + targets.shape()
                    + " hold different numbers of samples; expected the same first dimension",
                    predictions.shape(), targets.shape());
        }
        if (targets.dtype() != DType.INT32) {
            if (binary) return binaryFloatTargets(op, targets);
            throw new IllegalArgumentException(op + ": expected int32 class indices as targets, got "
                    + targets.dtype().torchName() + " targets " + targets.shape()
                    + "; hint: convert with targets.toInt(), or use a regression metric for real-valued targets");
        }
        int[] t = targets.toIntArray();
        for (int i = 0; i < t.length; i++) {
            if (t[i] < 0 || t[i] >= numClasses) {
                throw new IllegalArgumentException(op + ": target class " + t[i] + " at index " + i
                        + " is out of range [0, " + numClasses + ")" + (binary ? "; hint: binary targets are 0 or 1"
                        : "; hint: the metric was built for " + numClasses + " classes"));
            }
        }
        return t;
    }

    private static int[] binaryFloatTargets(String op, Tensor targets) {
        float[] v = targets.toFloatArray();
        int[] t = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0f && v[i] != 1f) {
                throw new IllegalArgumentException(op + ": expected binary targets 0 or 1, got " + v[i]
                        + " at index " + i + "; hint: soft labels cannot be counted, threshold them first");
            }
            t[i] = (int) v[i];
        }
        return t;
    }

    /** Predicted classes checked to lie in [0, numClasses): scores need numClasses columns, indices that range. */
    static int[] predictedClasses(String op, Decision decision, Tensor predictions, int numClasses) {
        if (!decision.isBinary() && predictions.dim() == 2 && predictions.size(1) != numClasses) {
            throw new ShapeException(op + ": expected scores [N, " + numClasses + "], one column per class, got "
                    + "predictions " + predictions.shape() + "; hint: the metric was built for " + numClasses
                    + " classes", predictions.shape());
        }
        int[] p = decision.classes(op, predictions);
        for (int i = 0; i < p.length; i++) {
            if (p[i] < 0 || p[i] >= numClasses) {
                throw new IllegalArgumentException(op + ": predicted class " + p[i] + " at index " + i
                        + " is out of range [0, " + numClasses + "); hint: the metric was built for " + numClasses
                        + " classes");
            }
        }
        return p;
    }

    /** Regression inputs: the same shape exactly (no broadcasting: [N] against [N, 1] is a classic bug). */
    static void sameShape(String op, Tensor predictions, Tensor targets) {
        if (!predictions.shape().equals(targets.shape())) {
            boolean column = predictions.numel() == targets.numel();
            throw new ShapeException(op + ": expected predictions and targets of the same shape, got predictions "
                    + predictions.shape() + " and targets " + targets.shape()
                    + (column ? "; hint: reshape one to the other, e.g. predictions.reshape(-1) for [N, 1] outputs"
                    : ""), predictions.shape(), targets.shape());
        }
        if (predictions.dim() == 0) {
            throw new ShapeException(op + ": expected a batch [N, ...], got scalar predictions; hint: reshape(1)",
                    predictions.shape());
        }
    }

    /** Refuses a compute() before any sample was seen. */
    static void requireSamples(String op, long count) {
        if (count == 0) {
            throw new IllegalStateException(op + ": compute() called before any sample was seen; hint: update() "
                    + "with at least one batch first (reset() clears the samples)");
        }
    }
}
