package io.neurite.nn.loss;

import io.neurite.nn.Module;
import io.neurite.tensor.Tensor;
import java.util.Objects;

/**
 * A loss over a pair of inputs and a target of 1 or -1 saying how the pair should relate (similar or
 * not, ranked first or second): {@link CosineEmbeddingLoss}, {@link MarginRankingLoss}.
 */
public abstract class PairLoss extends Module {

    private final Reduction reduction;

    protected PairLoss(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        if (reduction == Reduction.BATCHMEAN) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": reduction batchmean is only defined for"
                    + " KLDivLoss, got it here; hint: use Reduction.MEAN or Reduction.SUM");
        }
    }

    /** How per-element losses are combined. */
    public final Reduction reduction() {
        return reduction;
    }

    /** The loss of the pair {@code (input1, input2)} against {@code target} (values 1 or -1). */
    public abstract Tensor forward(Tensor input1, Tensor input2, Tensor target);
}
