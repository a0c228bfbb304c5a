package io.neurite.nn.loss;

import io.neurite.nn.F;
import io.neurite.tensor.Tensor;

/**
 * A squared error near zero and an absolute error beyond {@code beta}: PyTorch's
 * {@code nn.SmoothL1Loss} (Girshick, Fast R-CNN, 2015), less sensitive to outliers than MSELoss.
 *
 * <p>{@code l = 0.5 d^2 / beta} for {@code |d| < beta}, else {@code |d| - 0.5 beta}, with
 * {@code d = x - y}; {@code beta = 0} gives L1Loss.
 *
 * <p>Shapes: input any shape; target the same shape; output a scalar, or the input's shape with
 * {@link Reduction#NONE}.
 *
 * <pre>{@code
 * Loss loss = SmoothL1Loss.builder().beta(0.5f).build();
 * }</pre>
 */
public final class SmoothL1Loss extends Loss {

    private final float beta;

    public SmoothL1Loss() {
        this(Reduction.MEAN);
    }

    public SmoothL1Loss(Reduction reduction) {
        this(reduction, 1f);
    }

    private SmoothL1Loss(Reduction reduction, float beta) {
        super(reduction);
        if (!(beta >= 0f)) {
            throw new IllegalArgumentException("SmoothL1Loss: expected beta >= 0, got beta=" + beta);
        }
        this.beta = beta;
    }

    public static Builder builder() {
        return new Builder();
    }

    public float beta() {
        return beta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.smoothL1Loss(input, target, reduction(), beta);
    }

    /** Options: {@code beta} (1.0) and {@code reduction} (MEAN). */
    public static final class Builder {
        private Reduction reduction = Reduction.MEAN;
        private float beta = 1f;

        private Builder() {}

        public Builder reduction(Reduction reduction) {
            this.reduction = reduction;
            return this;
        }

        public Builder beta(float beta) {
            this.beta = beta;
            return this;
        }

        public SmoothL1Loss build() {
            return new SmoothL1Loss(reduction, beta);
        }
    }
}
