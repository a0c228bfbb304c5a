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

    /** Options: {@code margin} (1) and {@code reduction} (MEAN). */
    public static MarginLossBuilder<HingeEmbeddingLoss> builder() {
        return new MarginLossBuilder<>(1f, HingeEmbeddingLoss::new);
    }

    public float margin() {
        return margin;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.hingeEmbeddingLoss(input, target, margin, reduction());
    }
}
