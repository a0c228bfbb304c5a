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

    private final int inputSize;
    private final int hiddenSize;
    private final boolean bias;

    public LSTMCell(int inputSize, int hiddenSize) {
        this(builder(inputSize, hiddenSize));
    }

    private LSTMCell(Builder b) {
        this.inputSize = b.inputSize;
        this.hiddenSize = b.hiddenSize;
        this.bias = b.bias;
        RecurrentCell.register(this, 4, inputSize, hiddenSize, bias);
    }

    public static Builder builder(int inputSize, int hiddenSize) {
        return new Builder(inputSize, hiddenSize);
    }

    /** Re-draws every parameter from {@code U(-1/sqrt(H), 1/sqrt(H))}, as PyTorch. */
    public void resetParameters() {
        RecurrentCell.reset(this, hiddenSize);
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
        Tensor x = RecurrentCell.input(this, input, inputSize);
        Tensor h = RecurrentCell.state(this, "hx", hx, input, hiddenSize);
        Tensor c = RecurrentCell.state(this, "cx", cx, input, hiddenSize);
        Recurrent.State next = F.lstmCell(x, h, c, parameter("weight_ih"), parameter("weight_hh"),
                parameter("bias_ih"), parameter("bias_hh"));
        return new Output(RecurrentCell.output(next.h(), input), RecurrentCell.output(next.c(), input));
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

        public LSTMCell build() {
            return new LSTMCell(this);
        }
    }
}
