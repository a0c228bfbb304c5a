package io.neurite.nn.loss;

import io.neurite.nn.F;
import io.neurite.tensor.Tensor;

/**
 * The negative log-likelihood of log-probabilities against class indices: PyTorch's
 * {@code nn.NLLLoss}. Put a {@code logSoftmax} before it, or use {@link CrossEntropyLoss}, which fuses
 * both.
 *
 * <p>{@code l = -w_t x_t} for each target {@code t} not equal to {@code ignoreIndex} (0 for ignored
 * ones); MEAN divides the sum by {@code sum w_t} over the targets not ignored (NaN if all are ignored).
 *
 * <p>Shapes: input {@code [N, C]}, {@code [N, C, d1, ...]} or {@code [C]}; target int32 {@code [N]},
 * {@code [N, d1, ...]} or {@code []}; output a scalar, or the target's shape with
 * {@link Reduction#NONE}.
 */
public final class NLLLoss extends Loss {

    private final int ignoreIndex;

    public NLLLoss() {
        this(Reduction.MEAN);
    }

    public NLLLoss(Reduction reduction) {
        this(builder().reduction(reduction));
    }

    private NLLLoss(Builder b) {
        super(b.reduction);
        if (b.weight != null) registerBuffer("weight", Weights.perClass("NLLLoss", b.weight));
        this.ignoreIndex = b.ignoreIndex;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The class weights, or null. */
    public Tensor weight() {
        return buffer("weight");
    }

    public int ignoreIndex() {
        return ignoreIndex;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.nllLoss(input, target, weight(), ignoreIndex, reduction());
    }

    /** Options: {@code weight} (none), {@code ignoreIndex} (-100), {@code reduction} (MEAN). */
    public static final class Builder {
        private Tensor weight;
        private int ignoreIndex = F.DEFAULT_IGNORE_INDEX;
        private Reduction reduction = Reduction.MEAN;

        private Builder() {}

        /** A weight per class, shape {@code [C]}. */
        public Builder weight(Tensor weight) {
            this.weight = weight;
            return this;
        }

        /** A target value that is skipped (no loss, no gradient, not counted in the mean). */
        public Builder ignoreIndex(int ignoreIndex) {
            this.ignoreIndex = ignoreIndex;
            return this;
        }

        public Builder reduction(Reduction reduction) {
            this.reduction = reduction;
            return this;
        }

        public NLLLoss build() {
            return new NLLLoss(this);
        }
    }
}
