package io.neurite.nn.loss;

import io.neurite.nn.F;
import io.neurite.tensor.Tensor;

/**
 * A loss on distances between pairs: small for similar pairs (target 1), at least {@code margin} for
 * dissimilar ones (target -1): PyTorch's {@code nn.HingeEmbeddingLoss}.
 *
 * <p>{@code l = x} where {@code y = 1}, {@code max(0, margin - x)} where {@code y = -1}.
 *
 * <p>Shapes: input any shape (e.g. pairwise L1 distances {@code [N]}); target (1 and -1, float32 or
 * int32) of the same shape; output a scalar, or that shape with {@link Reduction#NONE}.
 */
public final class HingeEmbeddingLoss extends Loss {

    private final float margin;

    public HingeEmbeddingLoss() {
        this(Reduction.MEAN);
    }

    public HingeEmbeddingLoss(Reduction reduction) {
        this(reduction, 1f);
    }

    private HingeEmbeddingLoss(Reduction reduction, float margin) {
        super(reduction);
        this.margin = margin;
    }

    public static Builder builder() {
        return new Builder();
    }

    public float margin() {
        return margin;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.hingeEmbeddingLoss(input, target, margin, reduction());
    }

    /** Options: {@code margin} (1) and {@code reduction} (MEAN). */
    public static final class Builder {
        private Reduction reduction = Reduction.MEAN;
        private float margin = 1f;

        private Builder() {}

        public Builder margin(float margin) {
            this.margin = margin;
            return this;
        }

        public Builder reduction(Reduction reduction) {
            this.reduction = reduction;
            return this;
        }

        public HingeEmbeddingLoss build() {
            return new HingeEmbeddingLoss(reduction, margin);
        }
    }
}
