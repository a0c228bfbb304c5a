package io.neurite.nn.loss;

import io.neurite.nn.F;
import io.neurite.tensor.Tensor;

/**
 * The binary cross-entropy of the sigmoid of raw scores (logits) against targets, with the sigmoid
 * fused in: PyTorch's {@code nn.BCEWithLogitsLoss}, the loss of binary and multi-label classification.
 *
 * <p>{@code l = w ((1 - y) x + (1 + (p - 1) y) log(1 + exp(-x)))}, computed in the stable form
 * {@code log(1 + exp(-x)) = log(1 + exp(-|x|)) + max(-x, 0)}; without {@code posWeight} (p = 1) it is
 * {@code max(x, 0) - x y + log(1 + exp(-|x|))}. {@code posWeight} weighs the positive examples of each
 * class, e.g. {@code negatives / positives} for a rare class.
 *
 * <p>Shapes: input any shape, e.g. {@code [N, C]}; target the same shape; {@code weight} and
 * {@code posWeight} broadcastable to it (typically {@code [C]}); output a scalar, or the input's shape
 * with {@link Reduction#NONE}.
 *
 * <pre>{@code
 * Loss loss = BCEWithLogitsLoss.builder().posWeight(Tensor.of(new float[] {3f, 1f}, 2)).build();
 * }</pre>
 */
public final class BCEWithLogitsLoss extends Loss {

    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    public BCEWithLogitsLoss(Reduction reduction) {
        this(builder().reduction(reduction));
    }

    private BCEWithLogitsLoss(Builder b) {
        super(b.reduction);
        if (b.weight != null) registerBuffer("weight", Weights.ofFloats("BCEWithLogitsLoss", "weight", b.weight));
        if (b.posWeight != null) {
            registerBuffer("pos_weight", Weights.ofFloats("BCEWithLogitsLoss", "pos_weight", b.posWeight));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The element weight, or null. */
    public Tensor weight() {
        return buffer("weight");
    }

    /** The weight of positive examples, or null. */
    public Tensor posWeight() {
        return buffer("pos_weight");
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropyWithLogits(input, target, weight(), posWeight(), reduction());
    }

    /** Options: {@code weight} (none), {@code posWeight} (none) and {@code reduction} (MEAN). */
    public static final class Builder {
        private Tensor weight;
        private Tensor posWeight;
        private Reduction reduction = Reduction.MEAN;

        private Builder() {}

        /** A weight broadcast to the input's shape, multiplying each element's loss. */
        public Builder weight(Tensor weight) {
            this.weight = weight;
            return this;
        }

        /** The weight of positive examples, broadcast to the input's shape (typically one per class). */
        public Builder posWeight(Tensor posWeight) {
            this.posWeight = posWeight;
            return this;
        }

        public Builder reduction(Reduction reduction) {
            this.reduction = reduction;
            return this;
        }

        public BCEWithLogitsLoss build() {
            return new BCEWithLogitsLoss(this);
        }
    }
}
