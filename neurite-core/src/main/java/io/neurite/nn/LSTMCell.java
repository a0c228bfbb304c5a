package io.neurite.nn;

import io.neurite.nn.functional.Recurrent;
import io.neurite.tensor.Tensor;

/**
 * A long short-term memory cell, one time step, as PyTorch's {@code nn.LSTMCell}, with gates
 * (i, f, g, o):
 * <pre>
 * i, f, g, o = sigma, sigma, tanh, sigma of (x W_ih^T + b_ih + h W_hh^T + b_hh)
 * c' = f * c + i * g,    h' = o * tanh(c')
 * </pre>
 *
 * <p>Shapes: input {@code [N, H_in]} or {@code [H_in]}; hx, cx, h' and c' {@code [N, H]} or {@code [H]}.
 * Parameters: {@code weight_ih [4 H, H_in]}, {@code weight_hh [4 H, H]}, {@code bias_ih}, {@code bias_hh
 * [4 H]}, all from {@code U(-1/sqrt(H), 1/sqrt(H))}.
 */
public final class LSTMCell extends Module {

    /** The next hidden state {@code h} and cell state {@code c}. */
    public record Output(Tensor h, Tensor c) {}

    private final RecurrentCell core;

    public LSTMCell(int inputSize, int hiddenSize) {
        this(builder(inputSize, hiddenSize));
    }

    private LSTMCell(Builder b) {
        this.core = new RecurrentCell(this, 4, b);
    }

    public static Builder builder(int inputSize, int hiddenSize) {
        return new Builder(inputSize, hiddenSize);
    }

    /** Re-draws every parameter from {@code U(-1/sqrt(H), 1/sqrt(H))}, as PyTorch. */
    public void resetParameters() {
        core.reset();
    }

    /** One step from zero states. */
    public Output forward(Tensor input) {
        return forward(input, null, null);
    }

    /** One step from {@code hx} and {@code cx} (both or neither; null: zeros). */
    public Output forward(Tensor input, Tensor hx, Tensor cx) {
        if ((hx == null) != (cx == null)) {
            throw new IllegalArgumentException("LSTMCell(" + extraRepr() + "): give both hx and cx or neither, got "
                    + (hx == null ? "hx null and cx " + cx.shape() : "hx " + hx.shape() + " and cx null")
                    + "; hint: pass Tensor.zeros(...) for the one you do not have");
        }
        Tensor x = core.input(input);
        Tensor h = core.state("hx", hx, input);
        Tensor c = core.state("cx", cx, input);
        Recurrent.State next = F.lstmCell(x, h, c, parameter("weight_ih"), parameter("weight_hh"),
                parameter("bias_ih"), parameter("bias_hh"));
        return new Output(RecurrentCell.output(next.h(), input), RecurrentCell.output(next.c(), input));
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

        public LSTMCell build() {
            return new LSTMCell(this);
        }
    }
}
