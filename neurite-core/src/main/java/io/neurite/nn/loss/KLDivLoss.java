package io.neurite.nn.loss;

import io.neurite.nn.F;
import io.neurite.tensor.Tensor;

/**
 * The Kullback-Leibler divergence of a target distribution from the input's, given as
 * log-probabilities: PyTorch's {@code nn.KLDivLoss} (e.g. knowledge distillation).
 *
 * <p>{@code l = y (log y - x)} (0 where {@code y = 0}); with {@code logTarget} the target is
 * log-probabilities too and {@code l = exp(y) (y - x)}. Use {@link Reduction#BATCHMEAN} for the
 * divergence itself (the sum divided by the batch size); MEAN, the default as in PyTorch, divides by
 * the number of elements.
 *
 * <p>Shapes: input any shape, e.g. {@code [N, C]} from a log-softmax; target the same shape; output a
 * scalar, or the input's shape with {@link Reduction#NONE}.
 *
 * <pre>{@code
 * Loss loss = KLDivLoss.builder().reduction(Reduction.BATCHMEAN).build();
 * Tensor value = loss.forward(F.logSoftmax(student, 1), F.softmax(teacher, 1));
 * }</pre>
 */
public final class KLDivLoss extends Loss {

    private final boolean logTarget;

    public KLDivLoss() {
        this(Reduction.MEAN);
    }

    public KLDivLoss(Reduction reduction) {
        this(reduction, false);
    }

    private KLDivLoss(Reduction reduction, boolean logTarget) {
        super(reduction, true);
        this.logTarget = logTarget;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean logTarget() {
        return logTarget;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.klDiv(input, target, reduction(), logTarget);
    }

    /** Options: {@code reduction} (MEAN) and {@code logTarget} (false). */
    public static final class Builder {
        private Reduction reduction = Reduction.MEAN;
        private boolean logTarget;

        private Builder() {}

        public Builder reduction(Reduction reduction) {
            this.reduction = reduction;
            return this;
        }

        /** The target holds log-probabilities. */
        public Builder logTarget(boolean logTarget) {
            this.logTarget = logTarget;
            return this;
        }

        public KLDivLoss build() {
            return new KLDivLoss(reduction, logTarget);
        }
    }
}
