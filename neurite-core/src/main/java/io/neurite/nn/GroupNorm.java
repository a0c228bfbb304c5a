package io.neurite.nn;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * Group normalization (Wu and He, 2018), PyTorch's {@code nn.GroupNorm}: the channels split into
 * {@code numGroups} groups, each group of each sample standardized over its channels and positions,
 * then scaled and shifted per channel by {@code weight} (ones) and {@code bias} (zeros); see
 * {@link F#groupNorm}. One group is layer norm over {@code [C, *]}; {@code C} groups is instance norm.
 *
 * <p>Shapes: input {@code [N, C, *]}; output as input.
 */
public final class GroupNorm extends Layer {

    private final int numGroups;
    private final int numChannels;
    private final double eps;
    private final boolean affine;

    public GroupNorm(int numGroups, int numChannels) {
        this(numGroups, numChannels, 1e-5, true);
    }

    private GroupNorm(int numGroups, int numChannels, double eps, boolean affine) {
        if (numGroups <= 0 || numChannels <= 0 || numChannels % numGroups != 0) {
            throw new IllegalArgumentException("GroupNorm: num_channels must be divisible by num_groups, got"
                    + " num_groups=" + numGroups + ", num_channels=" + numChannels);
        }
        if (!(eps >= 0)) throw new IllegalArgumentException("GroupNorm: expected eps >= 0, got eps=" + eps);
        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = eps;
        this.affine = affine;
        if (affine) {
            registerParameter("weight", Tensor.ones(numChannels));
            registerParameter("bias", Tensor.zeros(numChannels));
        }
        resetParameters();
    }

    /** Options: {@code eps} (1e-5) and {@code affine} (true), as PyTorch. */
    public static Builder builder(int numGroups, int numChannels) {
        return new Builder(numGroups, numChannels);
    }

    /** The optional settings of a {@link GroupNorm}. */
    public static final class Builder {
        private final int numGroups;
        private final int numChannels;
        private double eps = 1e-5;
        private boolean affine = true;

        private Builder(int numGroups, int numChannels) {
            this.numGroups = numGroups;
            this.numChannels = numChannels;
        }

        public Builder eps(double value) {
            this.eps = value;
            return this;
        }

        public Builder affine(boolean value) {
            this.affine = value;
            return this;
        }

        public GroupNorm build() {
            return new GroupNorm(numGroups, numChannels, eps, affine);
        }
    }

    /** Weight ones, bias zeros. */
    public void resetParameters() {
        if (!affine) return;
        try (var scope = Autograd.noGrad()) {
            parameter("weight").fillInPlace(1f);
            parameter("bias").fillInPlace(0f);
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() < 2 || input.size(1) != numChannels) {
            throw new ShapeException(this + ": expected input of shape [N, " + numChannels + ", *], got shape "
                    + input.shape() + "; hint: num_channels must equal the input's dimension 1", input.shape());
        }
        return F.groupNorm(input, numGroups, parameter("weight"), parameter("bias"), eps);
    }

    @Override
    public String extraRepr() {
        return numGroups + ", " + numChannels + ", eps=" + PythonRepr.number(eps) + ", affine="
                + PythonRepr.bool(affine);
    }
}
