package io.neurite.nn;

/**
 * The stateless functions of {@code torch.nn.functional}, in one place: {@code F.conv2d(...)},
 * {@code F.crossEntropy(...)}. Layers are thin shells that own parameters and call these.
 *
 * <p>Each method delegates to the class in {@code io.neurite.nn.functional} that holds the
 * function's forward and backward together.
 */
public final class F {

    private F() {}

    // ---------------------------------------------------------------- linear and embedding

    // ---------------------------------------------------------------- activations

    // ---------------------------------------------------------------- convolution

    // ---------------------------------------------------------------- pooling and resampling

    // ---------------------------------------------------------------- normalization and dropout

    // ---------------------------------------------------------------- losses

    // ---------------------------------------------------------------- recurrent
    // Names are fully qualified so that this section needs no import.

    /** One RNN cell step, {@code h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh)}: x [N, H_in], hx [N, H] or null. */
    public static io.neurite.tensor.Tensor rnnTanhCell(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor hx,
            io.neurite.tensor.Tensor weightIh,
            io.neurite.tensor.Tensor weightHh,
            io.neurite.tensor.Tensor biasIh,
            io.neurite.tensor.Tensor biasHh) {
        return io.neurite.nn.functional.Recurrent.cell(io.neurite.nn.functional.Recurrent.Mode.RNN_TANH,
                input, hx, weightIh, weightHh, biasIh, biasHh);
    }

    /** One RNN cell step with relu, {@code h' = relu(x W_ih^T + b_ih + h W_hh^T + b_hh)}. */
    public static io.neurite.tensor.Tensor rnnReluCell(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor hx,
            io.neurite.tensor.Tensor weightIh,
            io.neurite.tensor.Tensor weightHh,
            io.neurite.tensor.Tensor biasIh,
            io.neurite.tensor.Tensor biasHh) {
        return io.neurite.nn.functional.Recurrent.cell(io.neurite.nn.functional.Recurrent.Mode.RNN_RELU,
                input, hx, weightIh, weightHh, biasIh, biasHh);
    }

    /** One LSTM cell step (gates i, f, g, o); hx, cx [N, H] or null; returns (h', c'). */
    public static io.neurite.nn.functional.Recurrent.State lstmCell(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor hx,
            io.neurite.tensor.Tensor cx,
            io.neurite.tensor.Tensor weightIh,
            io.neurite.tensor.Tensor weightHh,
            io.neurite.tensor.Tensor biasIh,
            io.neurite.tensor.Tensor biasHh) {
        return io.neurite.nn.functional.Recurrent.lstmCell(input, hx, cx, weightIh, weightHh, biasIh, biasHh);
    }

    /** One GRU cell step (gates r, z, n; {@code n = tanh(W_in x + b_in + r (W_hn h + b_hn))}). */
    public static io.neurite.tensor.Tensor gruCell(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor hx,
            io.neurite.tensor.Tensor weightIh,
            io.neurite.tensor.Tensor weightHh,
            io.neurite.tensor.Tensor biasIh,
            io.neurite.tensor.Tensor biasHh) {
        return io.neurite.nn.functional.Recurrent.cell(io.neurite.nn.functional.Recurrent.Mode.GRU,
                input, hx, weightIh, weightHh, biasIh, biasHh);
    }

    /** A multi-layer tanh RNN over input [L, N, H_in]; h0 [D * layers, N, H] or null; weights in PyTorch's order. */
    public static io.neurite.nn.functional.Recurrent.Output rnnTanh(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor h0,
            java.util.List<io.neurite.tensor.Tensor> weights,
            io.neurite.nn.functional.Recurrent.Options options) {
        return io.neurite.nn.functional.Recurrent.run(io.neurite.nn.functional.Recurrent.Mode.RNN_TANH,
                input, h0, null, weights, options);
    }

    /** A multi-layer relu RNN, as {@link #rnnTanh}. */
    public static io.neurite.nn.functional.Recurrent.Output rnnRelu(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor h0,
            java.util.List<io.neurite.tensor.Tensor> weights,
            io.neurite.nn.functional.Recurrent.Options options) {
        return io.neurite.nn.functional.Recurrent.run(io.neurite.nn.functional.Recurrent.Mode.RNN_RELU,
                input, h0, null, weights, options);
    }

    /** A multi-layer LSTM, as {@link #rnnTanh}; c0 [D * layers, N, H] or null; returns output, h_n and c_n. */
    public static io.neurite.nn.functional.Recurrent.Output lstm(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor h0,
            io.neurite.tensor.Tensor c0,
            java.util.List<io.neurite.tensor.Tensor> weights,
            io.neurite.nn.functional.Recurrent.Options options) {
        return io.neurite.nn.functional.Recurrent.run(io.neurite.nn.functional.Recurrent.Mode.LSTM,
                input, h0, c0, weights, options);
    }

    /** A multi-layer GRU, as {@link #rnnTanh}. */
    public static io.neurite.nn.functional.Recurrent.Output gru(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor h0,
            java.util.List<io.neurite.tensor.Tensor> weights,
            io.neurite.nn.functional.Recurrent.Options options) {
        return io.neurite.nn.functional.Recurrent.run(io.neurite.nn.functional.Recurrent.Mode.GRU,
                input, h0, null, weights, options);
    }
}
