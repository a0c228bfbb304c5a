package io.neurite.nn;

import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * Local response normalization across channels, AlexNet's (Krizhevsky et al., 2012), PyTorch's
 * {@code nn.LocalResponseNorm}: {@code b_c = a_c / (k + alpha / size * sum(a_j^2))^beta} over the
 * {@code size} neighbouring channels {@code j} centred on {@code c}; see {@link F#localResponseNorm}.
 *
 * <p>Shapes: input {@code [N, C, *]} with at least 3 dimensions; output as input.
 *
 * <pre>{@code
 * LocalResponseNorm alexNet = LocalResponseNorm.builder(5).alpha(1e-4).beta(0.75).k(2).build();
 * }</pre>
 */
public final class LocalResponseNorm extends Layer {

    private final int size;
    private final double alpha;
    private final double beta;
    private final double k;

    public LocalResponseNorm(int size) {
        this(size, 1e-4, 0.75, 1.0);
    }

    private LocalResponseNorm(int size, double alpha, double beta, double k) {
        if (size <= 0) throw new IllegalArgumentException("LocalResponseNorm: expected size > 0, got size=" + size);
        this.size = size;
        this.alpha = alpha;
        this.beta = beta;
        this.k = k;
    }

    /** Options: {@code alpha} (1e-4), {@code beta} (0.75) and {@code k} (1.0), as PyTorch. */
    public static Builder builder(int size) {
        return new Builder(size);
    }

    /** The optional settings of a {@link LocalResponseNorm}. */
    public static final class Builder {
        private final int size;
        private double alpha = 1e-4;
        private double beta = 0.75;
        private double k = 1.0;

        private Builder(int size) {
            this.size = size;
        }

        public Builder alpha(double value) {
            this.alpha = value;
            return this;
        }

        public Builder beta(double value) {
            this.beta = value;
            return this;
        }

        public Builder k(double value) {
            this.k = value;
            return this;
        }

        public LocalResponseNorm build() {
            return new LocalResponseNorm(size, alpha, beta, k);
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() < 3) {
            throw new ShapeException(this + ": expected input of 3 or more dimensions [N, C, *], got shape "
                    + input.shape() + "; hint: add a spatial dimension with unsqueeze(-1)", input.shape());
        }
        return F.localResponseNorm(input, size, alpha, beta, k);
    }

    @Override
    public String extraRepr() {
        return size + ", alpha=" + PythonRepr.number(alpha) + ", beta=" + PythonRepr.number(beta) + ", k="
                + PythonRepr.number(k);
    }
}
