package io.neurite.nn.loss;

/**
 * The builder of the margin losses ({@link MarginRankingLoss}, {@link HingeEmbeddingLoss},
 * {@link CosineEmbeddingLoss}): a margin (each loss's own default) and a reduction (MEAN), then the loss.
 *
 * @param <L> the loss it builds
 */
public final class MarginLossBuilder<L> {

    /** Makes the loss from its reduction and margin. */
    @FunctionalInterface
    interface Factory<L> {
        L create(Reduction reduction, float margin);
    }

    private final Factory<L> factory;
    private Reduction reduction = Reduction.MEAN;
    private float margin;

    MarginLossBuilder(float defaultMargin, Factory<L> factory) {
        this.margin = defaultMargin;
        this.factory = factory;
    }

    public MarginLossBuilder<L> margin(float margin) {
        this.margin = margin;
        return this;
    }

    public MarginLossBuilder<L> reduction(Reduction reduction) {
        this.reduction = reduction;
        return this;
    }

    public L build() {
        return factory.create(reduction, margin);
    }
}
