package io.neurite.train.metrics;

import io.neurite.tensor.DType;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * How a batch of predictions becomes one predicted class per sample.
 *
 * <ul>
 *   <li>{@link #argmax()}: multiclass. Predictions are scores [N, C] (logits or probabilities; the class with
 *       the largest score, ties to the lower index as {@code torch.argmax}) or int32 class indices [N].
 *   <li>{@link #threshold(float)}: binary, probabilities [N] or [N, 1] in [0, 1]; class 1 when
 *       {@code p > threshold} (strictly, as torchmetrics and Keras).
 *   <li>{@link #logits()}: binary, logits [N] or [N, 1]; class 1 when {@code x > 0}, i.e. sigmoid(x) > 0.5.
 * </ul>
 */
public final class Decision {

    private enum Kind { ARGMAX, THRESHOLD, LOGITS }

    private final Kind kind;
    private final float threshold;

    private Decision(Kind kind, float threshold) {
        this.kind = kind;
        this.threshold = threshold;
    }

    /** Multiclass: argmax of scores [N, C], or int32 class indices [N] taken as they are. */
    public static Decision argmax() {
        return new Decision(Kind.ARGMAX, 0f);
    }

    /** Binary probabilities [N] or [N, 1]: class 1 when {@code p > threshold}, threshold in [0, 1). */
    public static Decision threshold(float threshold) {
        if (!(threshold >= 0f && threshold < 1f)) {
            throw new IllegalArgumentException("Decision.threshold: expected a threshold in [0, 1), got " + threshold
                    + "; hint: for logits use Decision.logits()");
        }
        return new Decision(Kind.THRESHOLD, threshold);
    }

    /** Binary logits [N] or [N, 1]: class 1 when {@code x > 0}. */
    public static Decision logits() {
        return new Decision(Kind.LOGITS, 0f);
    }

    /** True for the two binary decisions, whose predicted classes are 0 and 1. */
    public boolean isBinary() {
        return kind != Kind.ARGMAX;
    }

    /** The predicted class of each sample; {@code op} names the metric in error messages. */
    int[] classes(String op, Tensor predictions) {
        return switch (kind) {
            case ARGMAX -> argmaxClasses(op, predictions);
            case THRESHOLD, LOGITS -> binaryClasses(op, predictions);
        };
    }

    private int[] argmaxClasses(String op, Tensor p) {
        if (p.dim() == 1 && p.dtype() == DType.INT32) return p.toIntArray();
        if (p.dim() != 2 || !p.isFloat()) {
            throw new ShapeException(op + ": expected predictions as float scores [N, C] or int32 class indices [N],"
                    + " got " + p.dtype().torchName() + " " + p.shape() + "; hint: for binary probabilities [N] use"
                    + " Decision.threshold(0.5f), for binary logits Decision.logits()", p.shape());
        }
        int n = p.size(0);
        int c = p.size(1);
        float[] s = Inputs.values(op, "predictions", p);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < c; j++) if (s[i * c + j] > s[i * c + best]) best = j;
            out[i] = best;
        }
        return out;
    }

    private int[] binaryClasses(String op, Tensor p) {
        Shape shape = p.shape();
        if (!p.isFloat() || !(p.dim() == 1 || (p.dim() == 2 && p.size(1) == 1))) {
            throw new ShapeException(op + ": expected binary " + (kind == Kind.LOGITS ? "logits" : "probabilities")
                    + " as float32 [N] or [N, 1], got " + p.dtype().torchName() + " " + shape
                    + "; hint: for multiclass scores [N, C] use Decision.argmax()", shape);
        }
        float[] v = Inputs.values(op, "predictions", p);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (kind == Kind.THRESHOLD && (v[i] < 0f || v[i] > 1f)) {
                throw new IllegalArgumentException(op + ": expected probabilities in [0, 1], got " + v[i]
                        + " at index " + i + "; hint: for logits use Decision.logits()");
            }
            out[i] = v[i] > threshold ? 1 : 0;
        }
        return out;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ARGMAX -> "argmax";
            case THRESHOLD -> "threshold(" + threshold + ")";
            case LOGITS -> "logits";
        };
    }
}
