package io.neurite.train.metrics;

/**
 * Precision TP / (TP + FP): of the samples predicted as a class, the fraction that belong to it. Per class and
 * averaged, as {@code sklearn.metrics.precision_score} with {@code zero_division=0}: a class never predicted has
 * precision 0 (see {@link Confusion}). Macro and weighted averages run over the classes present in the targets or
 * the predictions ({@link Average}).
 *
 * <p>Shapes: as {@link ConfusionMatrix}.
 */
public final class Precision extends ClassScore {

    /** The precision of multiclass predictions (scores [N, C] or int32 indices [N]), averaged as {@code average}. */
    public Precision(int numClasses, Average average) {
        this(numClasses, average, Decision.argmax());
    }

    /** The precision of predictions turned into classes by {@code decision}, averaged as {@code average}. */
    public Precision(int numClasses, Average average, Decision decision) {
        super(numClasses, average, decision);
    }

    @Override
    String kind() {
        return "precision";
    }

    @Override
    double score(Confusion c, Average average) {
        return c.precision(average);
    }

    @Override
    double[] scores(Confusion c) {
        return c.precision();
    }
}
