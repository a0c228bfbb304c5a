package io.neurite.nn;

import io.neurite.nn.functional.Recurrent;
import io.neurite.tensor.Tensor;

/**
 * A multi-layer gated recurrent unit network, as PyTorch's {@code nn.GRU} (Cho et al., 2014): per
 * layer and time step, with gates (r, z, n) in that order,
 * <pre>
 * r = sigma(x_t W_ir^T + b_ir + h W_hr^T + b_hr),   z = sigma(x_t W_iz^T + b_iz + h W_hz^T + b_hz)
 * n = tanh(x_t W_in^T + b_in + r * (h W_hn^T + b_hn)),   h_t = (1 - z) * n + z * h
 * </pre>
 *
 * <pre>{@code
 * GRU gru = new GRU(10, 20, 2);
 * GRU.Output out = gru.forward(Tensor.randn(5, 3, 10));   // output [5, 3, 20], hN [2, 3, 20]
 * }</pre>
 *
 * <p>Shapes: see {@link RNNBase}. Parameters: {@code weight_ih_l{k}} {@code [3 H, H_in]} (layer 0) or
 * {@code [3 H, D * H]}, {@code weight_hh_l{k}} {@code [3 H, H]}, {@code bias_ih_l{k}}, {@code bias_hh_l{k}}
 * {@code [3 H]}, and the same with {@code _reverse} when bidirectional.
 */
public final class GRU extends RNNBase {

    /** The outputs of every time step of the last layer, and the final hidden state of every layer. */
    public record Output(Tensor output, Tensor hN) {}

    public GRU(int inputSize, int hiddenSize) {
        this(builder(inputSize, hiddenSize));
    }

    public GRU(int inputSize, int hiddenSize, int numLayers) {
        this(builder(inputSize, hiddenSize).numLayers(numLayers));
    }

    private GRU(Builder b) {
        super(Recurrent.Mode.GRU, b);
    }

    public static Builder builder(int inputSize, int hiddenSize) {
        return new Builder(inputSize, hiddenSize);
    }

    /** Runs the sequence from a zero initial state. */
    public Output forward(Tensor input) {
        return forward(input, null);
    }

    /** Runs the sequence from {@code h0} ({@code [D * num_layers, N, H]}; null: zeros). */
    public Output forward(Tensor input, Tensor h0) {
        Recurrent.Output r = run(input, h0, null);
        return new Output(r.output(), r.hN());
    }

    /** The settings of a {@link GRU}: those of {@link RNNBase.BaseBuilder}. */
    public static final class Builder extends BaseBuilder<Builder> {
        private Builder(int inputSize, int hiddenSize) {
            super(inputSize, hiddenSize);
        }

        public GRU build() {
            return new GRU(this);
        }
    }
}
