package io.neurite.train.metrics;

import io.neurite.tensor.Tensor;
import java.util.Locale;

/** Precision, recall and F1: a confusion matrix accumulated over the epoch, averaged at {@link #compute()}. */
public abstract sealed class ClassScore implements Metric<Double> permits Precision, Recall, F1Score {

    private final ConfusionMatrix matrix;
    private final Average average;

    ClassScore(int numClasses, Average average, Decision decision) {
        if (average == Average.BINARY && numClasses != 2) {
            throw new IllegalArgumentException(kind() + ": Average.BINARY needs numClasses=2, got numClasses="
                    + numClasses + "; hint: use Average.MACRO or Average.WEIGHTED for multiclass");
        }
        this.matrix = new ConfusionMatrix(numClasses, decision);
        this.average = average;
    }

    /** "precision", "recall" or "f1". */
    abstract String kind();

    /** The averaged score of a confusion matrix. */
    abstract double score(Confusion c, Average average);

    /** The per-class scores of a confusion matrix. */
    abstract double[] scores(Confusion c);

    @Override
    public void update(Tensor predictions, Tensor targets) {
        matrix.update(predictions, targets);
    }

    @Override
    public Double compute() {
        return score(matrix.compute(), average);
    }

    /** The score of each class 0..numClasses-1 (0 where the zero-division convention applies). */
    public double[] perClass() {
        return scores(matrix.compute());
    }

    /** The confusion matrix behind the score. */
    public Confusion confusion() {
        return matrix.compute();
    }

    @Override
    public void reset() {
        matrix.reset();
    }

    /** As scikit-learn's scoring names: "precision_macro", "f1_weighted", ...; just "precision" for BINARY. */
    @Override
    public String name() {
        return average == Average.BINARY ? kind() : kind() + "_" + average.name().toLowerCase(Locale.ROOT);
    }
}
