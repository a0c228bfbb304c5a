package io.neurite.nn.loss;

import io.neurite.nn.F;
import io.neurite.tensor.Tensor;

/**
 * A loss asking pairs of embeddings to point the same way (target 1) or not (target -1): PyTorch's
 * {@code nn.CosineEmbeddingLoss}, for learning similarities.
 *
 * <p>With {@code cos} the cosine similarity of the two rows: {@code l = 1 - cos} where {@code y = 1},
 * {@code max(0, cos - margin)} where {@code y = -1}.
 *
 * <p>Shapes: input1 and input2 {@code [N, D]} (or {@code [D]}); target {@code [N]} (or {@code []}) of
 * 1 and -1, float32 or int32; output a scalar, or {@code [N]} with {@link Reduction#NONE}.
 */
public final class CosineEmbeddingLoss extends PairLoss {

    private final float margin;

    public CosineEmbeddingLoss() {
        this(Reduction.MEAN);
    }

    public CosineEmbeddingLoss(Reduction reduction) {
        this(reduction, 0f);
    }

    private CosineEmbeddingLoss(Reduction reduction, float margin) {
        super(reduction);
        this.margin = margin;
    }

    /** Options: {@code margin} (0) and {@code reduction} (MEAN). */
    public static MarginLossBuilder<CosineEmbeddingLoss> builder() {
        return new MarginLossBuilder<>(0f, CosineEmbeddingLoss::new);
    }

    public float margin() {
        return margin;
    }

    @Override
    public Tensor forward(Tensor input1, Tensor input2, Tensor target) {
        return F.cosineEmbeddingLoss(input1, input2, target, margin, reduction());
    }
}
