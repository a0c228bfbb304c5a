package io.neurite.nn;

import io.neurite.nn.functional.Recurrent;
import io.neurite.tensor.Tensor;

/**
 * A multi-layer Elman recurrent network, as PyTorch's {@code nn.RNN}: per layer and time step
 * {@code h_t = tanh(x_t W_ih^T + b_ih + h_(t-1) W_hh^T + b_hh)} (or relu), each layer fed the previous
 * one's outputs.
 *
 * <pre>{@code
 * RNN rnn = RNN.builder(10, 20).numLayers(2).nonlinearity("relu").build();
 * RNN.Output out = rnn.forward(Tensor.randn(5, 3, 10));   // output [5, 3, 20], hN [2, 3, 20]
 * }</pre>
 *
 * <p>Shapes: see {@link RNNBase}. Parameters: {@code weight_ih_l{k}} {@code [H, H_in]} (layer 0) or
 * {@code [H, D * H]}, {@code weight_hh_l{k}} {@code [H, H]}, {@code bias_ih_l{k}}, {@code bias_hh_l{k}} {@code [H]},
 * and the same with {@code _reverse} when bidirectional.
 */
public final class RNN extends RNNBase {

    /** The outputs of every time step of the last layer, and the final hidden state of every layer. */
    public record Output(Tensor output, Tensor hN) {}

    private final String nonlinearity;

    public RNN(int inputSize, int hiddenSize) {
        this(builder(inputSize, hiddenSize));
    }

    public RNN(int inputSize, int hiddenSize, int numLayers) {
        this(builder(inputSize, hiddenSize).numLayers(numLayers));
    }

    private RNN(Builder b) {
        super(mode(b.nonlinearity), b);
        this.nonlinearity = b.nonlinearity;
    }

    private static Recurrent.Mode mode(String nonlinearity) {
        return switch (nonlinearity) {
            case "tanh" -> Recurrent.Mode.RNN_TANH;
            case "relu" -> Recurrent.Mode.RNN_RELU;
            default -> throw new IllegalArgumentException("RNN: unknown nonlinearity '" + nonlinearity
                    + "'; expected 'tanh' or 'relu'");
        };
    }

    public static Builder builder(int inputSize, int hiddenSize) {
        return new Builder(inputSize, hiddenSize);
    }

    /** "tanh" or "relu". */
    public String nonlinearity() {
        return nonlinearity;
    }

    /** Runs the sequence from zero initial states. */
    public Output forward(Tensor input) {
        return forward(input, null);
    }

    /** Runs the sequence from {@code h0} ({@code [D * num_layers, N, H]}; null: zeros). */
    public Output forward(Tensor input, Tensor h0) {
        Recurrent.Output r = run(input, h0, null);
        return new Output(r.output(), r.hN());
    }

    /** The settings of an {@link RNN}: those of {@link RNNBase.BaseBuilder} and the nonlinearity. */
    public static final class Builder extends BaseBuilder<Builder> {
        private String nonlinearity = "tanh";

        private Builder(int inputSize, int hiddenSize) {
            super(inputSize, hiddenSize);
        }

        /** "tanh" (default) or "relu". */
        public Builder nonlinearity(String nonlinearity) {
            mode(nonlinearity);
            this.nonlinearity = nonlinearity;
            return this;
        }

        public RNN build() {
            return new RNN(this);
        }
    }
}
