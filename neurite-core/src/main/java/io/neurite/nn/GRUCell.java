package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * A gated recurrent unit cell, one time step, as PyTorch's {@code nn.GRUCell}, with gates (r, z, n):
 * <pre>
 * r = sigma(x W_ir^T + b_ir + h W_hr^T + b_hr),   z = sigma(x W_iz^T + b_iz + h W_hz^T + b_hz)
 * n = tanh(x W_in^T + b_in + r * (h W_hn^T + b_hn)),   h' = (1 - z) * n + z * h
 * </pre>
 *
 * <p>Shapes: input {@code [N, H_in]} or {@code [H_in]}; hx and the output {@code [N, H]} or {@code [H]}.
 * Parameters: {@code weight_ih [3 H, H_in]}, {@code weight_hh [3 H, H]}, {@code bias_ih}, {@code bias_hh
 * [3 H]}, all from {@code U(-1/sqrt(H), 1/sqrt(H))}.
 */
public final class GRUCell extends Layer {

    private final int inputSize;
    private final int hiddenSize;
    private final boolean bias;

    public GRUCell(int inputSize, int hiddenSize) {
        this(builder(inputSize, hiddenSize));
    }

    private GRUCell(Builder b) {
        this.inputSize = b.inputSize;
        this.hiddenSize = b.hiddenSize;
        this.bias = b.bias;
        RecurrentCell.register(this, 3, inputSize, hiddenSize, bias);
    }

    public static Builder builder(int inputSize, int hiddenSize) {
        return new Builder(inputSize, hiddenSize);
    }

    /** Re-draws every parameter from {@code U(-1/sqrt(H), 1/sqrt(H))}, as PyTorch. */
    public void resetParameters() {
        RecurrentCell.reset(this, hiddenSize);
    }

    /** One step from a zero hidden state. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null);
    }

    /** One step from {@code hx} (null: zeros); returns the next hidden state. */
    public Tensor forward(Tensor input, Tensor hx) {
        Tensor x = RecurrentCell.input(this, input, inputSize);
        Tensor h = RecurrentCell.state(this, "hx", hx, input, hiddenSize);
        Tensor next = F.gruCell(x, h, parameter("weight_ih"), parameter("weight_hh"), parameter("bias_ih"),
                parameter("bias_hh"));
        return RecurrentCell.output(next, input);
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public boolean bias() {
        return bias;
    }

    @Override
    public String extraRepr() {
        return RecurrentCell.repr(inputSize, hiddenSize, bias, null);
    }

    /** The optional setting: bias (default true). */
    public static final class Builder {
        private final int inputSize;
        private final int hiddenSize;
        private boolean bias = true;

        private Builder(int inputSize, int hiddenSize) {
            this.inputSize = inputSize;
            this.hiddenSize = hiddenSize;
        }

        public Builder bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        public GRUCell build() {
            return new GRUCell(this);
        }
    }
}
