package io.neurite.nn;

import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * A bilinear map of two inputs, {@code y_k = x1^T A_k x2 + b_k} ({@code torch.nn.Bilinear}). It takes
 * two tensors, so it is a {@link Module} with {@link #forward(Tensor, Tensor)} rather than a
 * {@link Layer}.
 *
 * <p>Shapes: input1 {@code [*, in1_features]}, input2 {@code [*, in2_features]} with the same leading
 * dimensions; output {@code [*, out_features]}; weight {@code [out, in1, in2]}, bias {@code [out]}.
 *
 * <p>Initialization (PyTorch's): weight and bias uniform in {@code [-1/sqrt(in1), 1/sqrt(in1)]}.
 */
public final class Bilinear extends Module {

    private final int in1Features;
    private final int in2Features;
    private final int outFeatures;

    public Bilinear(int in1Features, int in2Features, int outFeatures) {
        this(in1Features, in2Features, outFeatures, true);
    }

    /** With or without the additive bias. */
    public Bilinear(int in1Features, int in2Features, int outFeatures, boolean bias) {
        if (in1Features < 0 || in2Features < 0 || outFeatures < 0) {
            throw new IllegalArgumentException("Bilinear: expected non-negative sizes, got in1_features=" + in1Features
                    + ", in2_features=" + in2Features + ", out_features=" + outFeatures);
        }
        this.in1Features = in1Features;
        this.in2Features = in2Features;
        this.outFeatures = outFeatures;
        registerParameter("weight", Tensor.zeros(outFeatures, in1Features, in2Features));
        if (bias) registerParameter("bias", Tensor.zeros(outFeatures));
        resetParameters();
    }

    /** PyTorch's default: weight and bias uniform in +-1/sqrt(in1_features). */
    public void resetParameters() {
        double bound = in1Features > 0 ? 1 / Math.sqrt(in1Features) : 0;
        Init.uniform(weight(), -bound, bound);
        if (bias() != null) Init.uniform(bias(), -bound, bound);
    }

    public Tensor weight() {
        return parameter("weight");
    }

    /** The bias, or null when built without one. */
    public Tensor bias() {
        return parameter("bias");
    }

    public Tensor forward(Tensor input1, Tensor input2) {
        if (input1.dim() == 0 || input1.size(-1) != in1Features || input2.dim() == 0
                || input2.size(-1) != in2Features) {
            throw new ShapeException(this + ": expected last dimensions " + in1Features + " and " + in2Features
                    + ", got input shapes " + input1.shape() + " and " + input2.shape(),
                    input1.shape(), input2.shape());
        }
        return F.bilinear(input1, input2, weight(), bias());
    }

    @Override
    public String extraRepr() {
        return "in1_features=" + in1Features + ", in2_features=" + in2Features + ", out_features=" + outFeatures
                + ", bias=" + PythonRepr.bool(bias() != null);
    }
}
