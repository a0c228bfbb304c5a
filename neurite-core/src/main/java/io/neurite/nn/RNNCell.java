package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * An Elman RNN cell, one time step, as PyTorch's {@code nn.RNNCell}:
 * {@code h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh)} (or relu).
 *
 * <pre>{@code
 * RNNCell cell = new RNNCell(10, 20);
 * Tensor h = null;
 * for (int t = 0; t < 6; t++) h = cell.forward(x.select(0, t), h);   // x [6, 3, 10], h [3, 20]
 * }</pre>
 *
 * <p>Shapes: input {@code [N, H_in]} or {@code [H_in]}; hx and the output {@code [N, H]} or {@code [H]}.
 * Parameters: {@code weight_ih [H, H_in]}, {@code weight_hh [H, H]}, {@code bias_ih}, {@code bias_hh [H]},
 * all from {@code U(-1/sqrt(H), 1/sqrt(H))}.
 */
public final class RNNCell extends Layer {

    private final RecurrentCell core;
    private final String nonlinearity;

    public RNNCell(int inputSize, int hiddenSize) {
        this(builder(inputSize, hiddenSize));
    }

    private RNNCell(Builder b) {
        this.nonlinearity = b.nonlinearity;
        this.core = new RecurrentCell(this, 1, b);
    }

    public static Builder builder(int inputSize, int hiddenSize) {
        return new Builder(inputSize, hiddenSize);
    }

    /** Re-draws every parameter from {@code U(-1/sqrt(H), 1/sqrt(H))}, as PyTorch. */
    public void resetParameters() {
        core.reset();
    }

    /** One step from a zero hidden state. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null);
    }

    /** One step from {@code hx} (null: zeros); returns the next hidden state. */
    public Tensor forward(Tensor input, Tensor hx) {
        Tensor x = core.input(input);
        Tensor h = core.state("hx", hx, input);
        Tensor wIh = parameter("weight_ih"), wHh = parameter("weight_hh");
        Tensor bIh = parameter("bias_ih"), bHh = parameter("bias_hh");
        Tensor next = "relu".equals(nonlinearity) ? F.rnnReluCell(x, h, wIh, wHh, bIh, bHh)
                : F.rnnTanhCell(x, h, wIh, wHh, bIh, bHh);
        return RecurrentCell.output(next, input);
    }

    public int inputSize() {
        return core.inputSize;
    }

    public int hiddenSize() {
        return core.hiddenSize;
    }

    public boolean bias() {
        return core.bias;
    }

    /** "tanh" or "relu". */
    public String nonlinearity() {
        return nonlinearity;
    }

    @Override
    public String extraRepr() {
        return core.repr(nonlinearity);
    }

    /** The optional settings: bias (default true) and nonlinearity (default "tanh"). */
    public static final class Builder extends RecurrentCell.Builder<Builder> {
        private String nonlinearity = "tanh";

        private Builder(int inputSize, int hiddenSize) {
            super(inputSize, hiddenSize);
        }

        /** "tanh" or "relu". */
        public Builder nonlinearity(String nonlinearity) {
            if (!"tanh".equals(nonlinearity) && !"relu".equals(nonlinearity)) {
                throw new IllegalArgumentException("RNNCell: unknown nonlinearity '" + nonlinearity
                        + "'; expected 'tanh' or 'relu'");
            }
            this.nonlinearity = nonlinearity;
            return this;
        }

        public RNNCell build() {
            return new RNNCell(this);
        }
    }
}
