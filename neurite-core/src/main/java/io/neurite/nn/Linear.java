package io.neurite.nn;

import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * A fully connected layer, {@code y = x W^T + b} ({@code torch.nn.Linear}).
 *
 * <p>Shapes: input {@code [*, in_features]}, output {@code [*, out_features]}; weight
 * {@code [out_features, in_features]}, bias {@code [out_features]}. Parameters: {@code in * out + out}
 * (a 200x200x3 image into 10 units: 1,200,010).
 *
 * <p>Initialization (PyTorch's): weight from Kaiming-uniform with {@code a = sqrt(5)}, i.e. uniform in
 * {@code [-1/sqrt(in), 1/sqrt(in)]}, and the bias uniform in the same range.
 *
 * <pre>{@code
 * Linear hidden = new Linear(784, 128);
 * Linear head = Linear.builder(128, 10).bias(false).build();
 * }</pre>
 */
public final class Linear extends Layer {

    private final int inFeatures;
    private final int outFeatures;

    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    private Linear(int inFeatures, int outFeatures, boolean bias) {
        if (inFeatures < 0 || outFeatures < 0) {
            throw new IllegalArgumentException("Linear: expected non-negative sizes, got in_features=" + inFeatures
                    + ", out_features=" + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        registerParameter("weight", Tensor.zeros(outFeatures, inFeatures));
        if (bias) registerParameter("bias", Tensor.zeros(outFeatures));
        resetParameters();
    }

    public static Builder builder(int inFeatures, int outFeatures) {
        return new Builder(inFeatures, outFeatures);
    }

    /** Optional settings of a {@link Linear}. */
    public static final class Builder {
        private final int inFeatures;
        private final int outFeatures;
        private boolean bias = true;

        private Builder(int inFeatures, int outFeatures) {
            this.inFeatures = inFeatures;
            this.outFeatures = outFeatures;
        }

        /** Whether to learn an additive bias (default true). */
        public Builder bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        public Linear build() {
            return new Linear(inFeatures, outFeatures, bias);
        }
    }

    /** PyTorch's default: Kaiming-uniform weight (a = sqrt(5)), bias uniform in +-1/sqrt(in_features). */
    public void resetParameters() {
        Init.kaimingUniform(weight(), Math.sqrt(5));
        if (bias() != null) {
            double bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
            Init.uniform(bias(), -bound, bound);
        }
    }

    public Tensor weight() {
        return parameter("weight");
    }

    /** The bias, or null when built without one. */
    public Tensor bias() {
        return parameter("bias");
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() == 0 || input.size(-1) != inFeatures) {
            throw new ShapeException(this + ": expected last dimension " + inFeatures + ", got input shape "
                    + input.shape() + "; hint: in_features must equal the input's last dimension"
                    + (flattensToFit(input) ? "; the input flattened from dimension 1 would fit: add a Flatten() before"
                            : ""),
                    input.shape());
        }
        if (!input.isFloat()) {
            throw new IllegalArgumentException(this + ": expected a float32 input, got " + input.dtype().torchName()
                    + " of shape " + input.shape() + "; hint: convert with toFloat()");
        }
        return F.linear(input, weight(), bias());
    }

    private boolean flattensToFit(Tensor input) {
        return input.dim() > 2 && input.size(0) > 0 && input.numel() / input.size(0) == inFeatures;
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias="
                + PythonRepr.bool(bias() != null);
    }
}
