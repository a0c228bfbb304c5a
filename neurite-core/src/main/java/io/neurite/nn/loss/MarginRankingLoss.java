package io.neurite.nn.loss;

import io.neurite.nn.F;
import io.neurite.tensor.Tensor;

/**
 * A loss asking {@code input1} to rank above {@code input2} by at least {@code margin} where the target
 * is 1, and below where it is -1: PyTorch's {@code nn.MarginRankingLoss}.
 *
 * <p>{@code l = max(0, -y (x1 - x2) + margin)}.
 *
 * <p>Shapes: input1, input2 and target (1 and -1, float32 or int32) of one shape, e.g. {@code [N]};
 * output a scalar, or that shape with {@link Reduction#NONE}.
 */
public final class MarginRankingLoss extends PairLoss {

    private final float margin;

    public MarginRankingLoss() {
        this(Reduction.MEAN);
    }

    public MarginRankingLoss(Reduction reduction) {
        this(reduction, 0f);
    }

    private MarginRankingLoss(Reduction reduction, float margin) {
        super(reduction);
        this.margin = margin;
    }

    /** Options: {@code margin} (0) and {@code reduction} (MEAN). */
    public static MarginLossBuilder<MarginRankingLoss> builder() {
        return new MarginLossBuilder<>(0f, MarginRankingLoss::new);
    }

    public float margin() {
        return margin;
    }

    @Override
    public Tensor forward(Tensor input1, Tensor input2, Tensor target) {
        return F.marginRankingLoss(input1, input2, target, margin, reduction());
    }
}
