package io.neurite.nn;

import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * The parametric ReLU, {@code x > 0 ? x : a x} with a learned slope {@code a} ({@code torch.nn.PReLU};
 * He et al., "Delving Deep into Rectifiers", 2015): one slope shared by all channels, or one per
 * channel (dimension 1 of the input).
 *
 * <p>Shapes: input {@code [N, C, *]} (any shape with one shared slope); output like the input; weight
 * {@code [num_parameters]}, num_parameters 1 or C.
 *
 * <p>Initialization: every slope {@code init} (default 0.25).
 */
public final class PReLU extends Layer {

    private final int numParameters;
    private final double init;

    public PReLU() {
        this(1, 0.25);
    }

    public PReLU(int numParameters) {
        this(numParameters, 0.25);
    }

    public PReLU(int numParameters, double init) {
        if (numParameters < 1) {
            throw new IllegalArgumentException("PReLU: expected num_parameters >= 1, got num_parameters="
                    + numParameters);
        }
        this.numParameters = numParameters;
        this.init = init;
        registerParameter("weight", Tensor.zeros(numParameters));
        resetParameters();
    }

    /** Every slope set to {@code init}. */
    public void resetParameters() {
        Init.constant(weight(), init);
    }

    public Tensor weight() {
        return parameter("weight");
    }

    @Override
    public Tensor forward(Tensor input) {
        int channels = input.dim() >= 2 ? input.size(1) : 1;
        if (numParameters != 1 && numParameters != channels) {
            throw new ShapeException(this + ": expected input with " + numParameters
                    + " channels (dimension 1), got shape " + input.shape()
                    + "; hint: num_parameters must be 1 or the number of channels", input.shape());
        }
        return F.prelu(input, weight());
    }

    @Override
    public String extraRepr() {
        return "num_parameters=" + numParameters;
    }
}
