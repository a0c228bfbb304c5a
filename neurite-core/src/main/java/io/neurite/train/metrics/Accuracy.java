package io.neurite.train.metrics;

import io.neurite.tensor.Tensor;

/**
 * The fraction of samples whose predicted class equals the target, as {@code sklearn.metrics.accuracy_score}.
 *
 * <p>Shapes: by default (multiclass, {@link Decision#argmax()}) predictions are scores [N, C] or int32 class
 * indices [N], targets int32 [N]. {@link #binary(float)} takes probabilities [N] or [N, 1] and
 * {@link #binaryLogits()} logits; their targets may be int32 or float32 0/1, [N] or [N, 1].
 */
public final class Accuracy implements Metric<Double> {

    private final Decision decision;
    private long correct;
    private long total;

    /** Multiclass accuracy: argmax of scores [N, C], or int32 class indices [N]. */
    public Accuracy() {
        this(Decision.argmax());
    }

    /** Accuracy with predictions turned into classes by {@code decision}. */
    public Accuracy(Decision decision) {
        this.decision = decision;
    }

    /** Binary accuracy of probabilities: class 1 when {@code p > threshold}. */
    public static Accuracy binary(float threshold) {
        return new Accuracy(Decision.threshold(threshold));
    }

    /** Binary accuracy of logits: class 1 when {@code x > 0}. */
    public static Accuracy binaryLogits() {
        return new Accuracy(Decision.logits());
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        String op = "Accuracy";
        int classes = decision.isBinary() ? 2 : predictions.dim() == 2 ? predictions.size(1) : Integer.MAX_VALUE;
        int[] t = Inputs.classTargets(op, predictions, targets, classes, decision.isBinary());
        int[] p = decision.classes(op, predictions);
        for (int i = 0; i < t.length; i++) if (p[i] == t[i]) correct++;
        total += t.length;
    }

    @Override
    public Double compute() {
        Inputs.requireSamples("Accuracy", total);
        return (double) correct / total;
    }

    @Override
    public void reset() {
        correct = 0;
        total = 0;
    }

    @Override
    public String name() {
        return "accuracy";
    }
}
