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

    private final RecurrentCell core;

    public GRUCell(int inputSize, int hiddenSize) {
        this(builder(inputSize, hiddenSize));
    }

    private GRUCell(Builder b) {
        this.core = new RecurrentCell(this, 3, b);
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
        Tensor next = F.gruCell(x, h, parameter("weight_ih"), parameter("weight_hh"), parameter("bias_ih"),
                parameter("bias_hh"));
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

    @Override
    public String extraRepr() {
        return core.repr(null);
    }

    /** The optional setting: bias (default true). */
    public static final class Builder extends RecurrentCell.Builder<Builder> {
        private Builder(int inputSize, int hiddenSize) {
            super(inputSize, hiddenSize);
        }

        public GRUCell build() {
            return new GRUCell(this);
        }
    }
}
