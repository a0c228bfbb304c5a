package io.neurite.nn.loss;

import io.neurite.nn.F;
import io.neurite.tensor.Tensor;

/**
 * A squared error near zero and a linear one of slope {@code delta} beyond: PyTorch's
 * {@code nn.HuberLoss} (Huber, Robust Estimation of a Location Parameter, 1964).
 *
 * <p>{@code l = 0.5 d^2} for {@code |d| < delta}, else {@code delta (|d| - 0.5 delta)}, with
 * {@code d = x - y}; equal to {@code delta} times SmoothL1Loss with {@code beta = delta}.
 *
 * <p>Shapes: input any shape; target the same shape; output a scalar, or the input's shape with
 * {@link Reduction#NONE}.
 *
 * <pre>{@code
 * Loss loss = HuberLoss.builder().delta(2f).reduction(Reduction.SUM).build();
 * }</pre>
 */
public final class HuberLoss extends Loss {

    private final float delta;

    public HuberLoss() {
        this(Reduction.MEAN);
    }

    public HuberLoss(Reduction reduction) {
        this(reduction, 1f);
    }

    private HuberLoss(Reduction reduction, float delta) {
        super(reduction);
        if (!(delta > 0f)) {
            throw new IllegalArgumentException("HuberLoss: expected delta > 0, got delta=" + delta);
        }
        this.delta = delta;
    }

    public static Builder builder() {
        return new Builder();
    }

    public float delta() {
        return delta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.huberLoss(input, target, reduction(), delta);
    }

    /** Options: {@code delta} (1.0) and {@code reduction} (MEAN). */
    public static final class Builder {
        private Reduction reduction = Reduction.MEAN;
        private float delta = 1f;

        private Builder() {}

        public Builder reduction(Reduction reduction) {
            this.reduction = reduction;
            return this;
        }

        public Builder delta(float delta) {
            this.delta = delta;
            return this;
        }

        public HuberLoss build() {
            return new HuberLoss(reduction, delta);
        }
    }
}
