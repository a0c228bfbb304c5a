package io.neurite.nn;

import io.neurite.nn.functional.Recurrent;
import io.neurite.tensor.Tensor;

/**
 * A multi-layer long short-term memory network, as PyTorch's {@code nn.LSTM} (Hochreiter and
 * Schmidhuber, 1997, with a forget gate): per layer and time step, with gates (i, f, g, o) in that order,
 * <pre>
 * i, f, g, o = sigma, sigma, tanh, sigma of (x_t W_ih^T + b_ih + h_(t-1) W_hh^T + b_hh)
 * c_t = f * c_(t-1) + i * g,    h_t = o * tanh(c_t)
 * </pre>
 *
 * <pre>{@code
 * LSTM lstm = LSTM.builder(10, 20).numLayers(2).bidirectional(true).batchFirst(true).build();
 * LSTM.Output out = lstm.forward(x);   // x [N, L, 10] -> output [N, L, 40], hN and cN [4, N, 20]
 * }</pre>
 *
 * <p>Shapes: see {@link RNNBase}. Parameters: {@code weight_ih_l{k}} {@code [4 H, H_in]} (layer 0) or
 * {@code [4 H, D * H]}, {@code weight_hh_l{k}} {@code [4 H, H]}, {@code bias_ih_l{k}}, {@code bias_hh_l{k}}
 * {@code [4 H]}, and the same with {@code _reverse} when bidirectional.
 */
public final class LSTM extends RNNBase {

    /** The last layer's outputs at every time step, and every layer's final hidden and cell states. */
    public record Output(Tensor output, Tensor hN, Tensor cN) {}

    public LSTM(int inputSize, int hiddenSize) {
        this(builder(inputSize, hiddenSize));
    }

    public LSTM(int inputSize, int hiddenSize, int numLayers) {
        this(builder(inputSize, hiddenSize).numLayers(numLayers));
    }

    private LSTM(Builder b) {
        super(Recurrent.Mode.LSTM, b);
    }

    public static Builder builder(int inputSize, int hiddenSize) {
        return new Builder(inputSize, hiddenSize);
    }

    /** Runs the sequence from zero initial states. */
    public Output forward(Tensor input) {
        return forward(input, null, null);
    }

    /** Runs the sequence from {@code h0} and {@code c0} ({@code [D * num_layers, N, H]} each; both or neither). */
    public Output forward(Tensor input, Tensor h0, Tensor c0) {
        if ((h0 == null) != (c0 == null)) {
            throw new IllegalArgumentException("LSTM(" + extraRepr() + "): give both h0 and c0 or neither, got "
                    + (h0 == null ? "h0 null and c0 " + c0.shape() : "h0 " + h0.shape() + " and c0 null")
                    + "; hint: pass Tensor.zeros(...) for the one you do not have");
        }
        Recurrent.Output r = run(input, h0, c0);
        return new Output(r.output(), r.hN(), r.cN());
    }

    /** The settings of an {@link LSTM}: those of {@link RNNBase.BaseBuilder}. */
    public static final class Builder extends BaseBuilder<Builder> {
        private Builder(int inputSize, int hiddenSize) {
            super(inputSize, hiddenSize);
        }

        public LSTM build() {
            return new LSTM(this);
        }
    }
}
