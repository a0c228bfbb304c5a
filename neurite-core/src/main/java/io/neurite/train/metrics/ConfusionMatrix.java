package io.neurite.train.metrics;

import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of (true class, predicted class) pairs over an epoch; {@link #compute()} gives a {@link Confusion}
 * (rows true, columns predicted, as scikit-learn) with precision, recall, F1 and a printable table.
 *
 * <p>Shapes: as {@link Accuracy}. Multiclass predictions are scores [N, C] (argmax) or int32 class indices [N];
 * targets int32 [N]. With a binary {@link Decision} there are 2 classes.
 *
 * <pre>{@code
 * ConfusionMatrix cm = new ConfusionMatrix(List.of("cat", "dog", "bird"));
 * cm.update(logits, labels);
 * System.out.println(cm.compute());
 * }</pre>
 */
public final class ConfusionMatrix implements Metric<Confusion> {

    private final List<String> classNames;
    private final Decision decision;
    private final long[][] counts;

    /** A matrix for classes 0..numClasses-1 of multiclass predictions. */
    public ConfusionMatrix(int numClasses) {
        this(numClasses, Decision.argmax());
    }

    /** A matrix for classes 0..numClasses-1, predictions turned into classes by {@code decision}. */
    public ConfusionMatrix(int numClasses, Decision decision) {
        this(defaultNames(numClasses), decision);
    }

    /** A matrix for named classes (class i is {@code classNames.get(i)}) of multiclass predictions. */
    public ConfusionMatrix(List<String> classNames) {
        this(classNames, Decision.argmax());
    }

    /** A matrix for named classes, predictions turned into classes by {@code decision}. */
    public ConfusionMatrix(List<String> classNames, Decision decision) {
        int c = classNames.size();
        if (c < 2) {
            throw new IllegalArgumentException("ConfusionMatrix: expected at least 2 classes, got " + c);
        }
        if (decision.isBinary() && c != 2) {
            throw new IllegalArgumentException("ConfusionMatrix: a binary decision (" + decision + ") needs 2 classes,"
                    + " got " + c + "; hint: use Decision.argmax() for multiclass scores");
        }
        this.classNames = List.copyOf(classNames);
        this.decision = decision;
        this.counts = new long[c][c];
    }

    private static List<String> defaultNames(int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("ConfusionMatrix: expected numClasses >= 2, got numClasses="
                    + numClasses);
        }
        List<String> names = new ArrayList<>(numClasses);
        for (int i = 0; i < numClasses; i++) names.add(Integer.toString(i));
        return names;
    }

    /** The number of classes. */
    public int numClasses() {
        return counts.length;
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        String op = "ConfusionMatrix(numClasses=" + counts.length + ")";
        int[] t = Inputs.classTargets(op, predictions, targets, counts.length, decision.isBinary());
        int[] p = Inputs.predictedClasses(op, decision, predictions, counts.length);
        for (int i = 0; i < t.length; i++) counts[t[i]][p[i]]++;
    }

    /** Counts a batch of class indices already decided, {@code actual[i]} against {@code predicted[i]}. */
    public Confusion compute() {
        Confusion c = new Confusion(counts, classNames);
        Inputs.requireSamples("ConfusionMatrix", c.total());
        return c;
    }

    @Override
    public void reset() {
        for (long[] row : counts) Arrays.fill(row, 0);
    }

    @Override
    public String name() {
        return "confusion_matrix";
    }

    /** The table of the counts so far (see {@link Confusion#toString()}). */
    @Override
    public String toString() {
        return new Confusion(counts, classNames).toString();
    }
}
