package io.neurite.train.metrics;

/**
 * F1 = 2TP / (2TP + FP + FN), the harmonic mean of precision and recall. Per class and averaged, as
 * {@code sklearn.metrics.f1_score} with {@code zero_division=0}: 0 when 2TP + FP + FN = 0 (see {@link Confusion}).
 * Macro and weighted averages are means of the per-class F1 over the classes present in the targets or the
 * predictions ({@link Average}).
 *
 * <p>Shapes: as {@link ConfusionMatrix}.
 */
public final class F1Score extends ClassScore {

    /** The f1 of multiclass predictions (scores [N, C] or int32 indices [N]), averaged as {@code average}. */
    public F1Score(int numClasses, Average average) {
        this(numClasses, average, Decision.argmax());
    }

    /** The f1 of predictions turned into classes by {@code decision}, averaged as {@code average}. */
    public F1Score(int numClasses, Average average, Decision decision) {
        super(numClasses, average, decision);
    }

    @Override
    String kind() {
        return "f1";
    }

    @Override
    double score(Confusion c, Average average) {
        return c.f1(average);
    }

    @Override
    double[] scores(Confusion c) {
        return c.f1();
    }
}
