package io.neurite.train.metrics;

/**
 * Recall TP / (TP + FN): of the samples of a class, the fraction predicted as it. Per class and averaged, as
 * {@code sklearn.metrics.recall_score} with {@code zero_division=0}: a class absent from the targets has recall 0
 * (see {@link Confusion}). Macro and weighted averages run over the classes present in the targets or the
 * predictions ({@link Average}).
 *
 * <p>Shapes: as {@link ConfusionMatrix}.
 */
public final class Recall extends ClassScore {

    /** The recall of multiclass predictions (scores [N, C] or int32 indices [N]), averaged as {@code average}. */
    public Recall(int numClasses, Average average) {
        this(numClasses, average, Decision.argmax());
    }

    /** The recall of predictions turned into classes by {@code decision}, averaged as {@code average}. */
    public Recall(int numClasses, Average average, Decision decision) {
        super(numClasses, average, decision);
    }

    @Override
    String kind() {
        return "recall";
    }

    @Override
    double score(Confusion c, Average average) {
        return c.recall(average);
    }

    @Override
    double[] scores(Confusion c) {
        return c.recall();
    }
}
