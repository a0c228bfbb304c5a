package io.neurite.nn;

import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * A maxout unit layer: each output is the largest of {@code pieces} affine functions of the input,
 * {@code y_j = max_k (w_jk^T x + b_jk)} (Goodfellow et al., "Maxout Networks", 2013). With 2 pieces it
 * can learn ReLU ({@code max(w^T x + b, 0)}) and leaky ReLU, and it never saturates.
 *
 * <p>Shapes: input {@code [*, in_features]}, output {@code [*, out_features]}; weight
 * {@code [out_features * pieces, in_features]} (row {@code j * pieces + k} is piece k of unit j), bias
 * {@code [out_features * pieces]}. Parameters: {@code (in + 1) * out * pieces}.
 *
 * <p>Initialization: as {@link Linear} with in_features inputs.
 */
public final class Maxout extends Layer {

    private final int inFeatures;
    private final int outFeatures;
    private final int pieces;

    public Maxout(int inFeatures, int outFeatures, int pieces) {
        if (inFeatures < 0 || outFeatures < 0 || pieces < 1) {
            throw new IllegalArgumentException("Maxout: expected non-negative sizes and pieces >= 1, got in_features="
                    + inFeatures + ", out_features=" + outFeatures + ", pieces=" + pieces);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.pieces = pieces;
        registerParameter("weight", Tensor.zeros(outFeatures * pieces, inFeatures));
        registerParameter("bias", Tensor.zeros(outFeatures * pieces));
        resetParameters();
    }

    /** As {@link Linear#resetParameters()}: both uniform in +-1/sqrt(in_features). */
    public void resetParameters() {
        Init.kaimingUniform(weight(), Math.sqrt(5));
        double bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
        Init.uniform(bias(), -bound, bound);
    }

    public Tensor weight() {
        return parameter("weight");
    }

    public Tensor bias() {
        return parameter("bias");
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() == 0 || input.size(-1) != inFeatures) {
            throw new ShapeException(this + ": expected last dimension " + inFeatures + ", got input shape "
                    + input.shape() + "; hint: in_features must equal the input's last dimension", input.shape());
        }
        return F.maxout(input, weight(), bias(), pieces);
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", pieces=" + pieces;
    }
}
