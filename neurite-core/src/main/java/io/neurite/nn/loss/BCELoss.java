package io.neurite.nn.loss;

import io.neurite.nn.F;
import io.neurite.tensor.Tensor;

/**
 * The binary cross-entropy between predicted probabilities and targets: PyTorch's
 * {@code nn.BCELoss}. Inputs must lie in [0, 1] (after a sigmoid); prefer {@link BCEWithLogitsLoss},
 * which takes raw scores and is numerically stable.
 *
 * <p>{@code l = -w (y log x + (1 - y) log(1 - x))}, each log clamped at -100 as PyTorch does, so a
 * prediction of exactly 0 or 1 gives a finite loss.
 *
 * <p>Shapes: input any shape; target the same shape; {@code weight} broadcastable to it; output a
 * scalar, or the input's shape with {@link Reduction#NONE}.
 */
public final class BCELoss extends Loss {

    public BCELoss() {
        this(Reduction.MEAN);
    }

    public BCELoss(Reduction reduction) {
        this(builder().reduction(reduction));
    }

    private BCELoss(Builder b) {
        super(b.reduction);
        if (b.weight != null) registerBuffer("weight", Weights.ofFloats("BCELoss", "weight", b.weight));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The element weight, or null. */
    public Tensor weight() {
        return buffer("weight");
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropy(input, target, weight(), reduction());
    }

    /** Options: {@code weight} (none) and {@code reduction} (MEAN). */
    public static final class Builder {
        private Tensor weight;
        private Reduction reduction = Reduction.MEAN;

        private Builder() {}

        /** A weight broadcast to the input's shape, multiplying each element's loss. */
        public Builder weight(Tensor weight) {
            this.weight = weight;
            return this;
        }

        public Builder reduction(Reduction reduction) {
            this.reduction = reduction;
            return this;
        }

        public BCELoss build() {
            return new BCELoss(this);
        }
    }
}
