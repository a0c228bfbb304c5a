package io.neurite.nn;

import io.neurite.nn.functional.Recurrent;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link RNN}, {@link LSTM} and {@link GRU} share, as PyTorch's {@code RNNBase}: the settings, the
 * parameters under PyTorch's names ({@code weight_ih_l0}, {@code weight_hh_l0}, {@code bias_ih_l0},
 * {@code bias_hh_l0}, then {@code ..._l0_reverse} when bidirectional, then layer 1...), their
 * initialization {@code U(-1/sqrt(hidden_size), 1/sqrt(hidden_size))}, the input checks, and the
 * batch-first and unbatched layouts.
 *
 * <p>Shapes: input {@code [L, N, H_in]}, {@code [N, L, H_in]} with batch_first, or {@code [L, H_in]}
 * unbatched; output {@code [L, N, D * H]} ({@code [N, L, D * H]} with batch_first, {@code [L, D * H]}
 * unbatched); {@code h0, h_n} (and {@code c0, c_n}) {@code [D * num_layers, N, H]} ({@code [D * num_layers, H]}
 * unbatched), whatever batch_first; D = 2 if bidirectional else 1.
 */
public abstract class RNNBase extends Module {

    private final Recurrent.Mode mode;
    private final int inputSize;
    private final int hiddenSize;
    private final int numLayers;
    private final boolean bias;
    private final boolean batchFirst;
    private final double dropout;
    private final boolean bidirectional;
    private final List<String> weightNames = new ArrayList<>();

    RNNBase(Recurrent.Mode mode, BaseBuilder<?> b) {
        String name = getClass().getSimpleName();
        if (b.inputSize < 1 || b.hiddenSize < 1 || b.numLayers < 1) {
            throw new IllegalArgumentException(name + ": expected input_size, hidden_size and num_layers >= 1, got "
                    + "input_size=" + b.inputSize + ", hidden_size=" + b.hiddenSize + ", num_layers=" + b.numLayers);
        }
        if (!(b.dropout >= 0 && b.dropout <= 1)) {
            throw new IllegalArgumentException(name + ": dropout should be a number in range [0, 1] representing the "
                    + "probability of an element being zeroed, got dropout=" + b.dropout);
        }
        this.mode = mode;
        this.inputSize = b.inputSize;
        this.hiddenSize = b.hiddenSize;
        this.numLayers = b.numLayers;
        this.bias = b.bias;
        this.batchFirst = b.batchFirst;
        this.dropout = b.dropout;
        this.bidirectional = b.bidirectional;
        int rows = mode.gates() * hiddenSize, directions = directions();
        for (int layer = 0; layer < numLayers; layer++) {
            int in = layer == 0 ? inputSize : directions * hiddenSize;
            for (int d = 0; d < directions; d++) {
                String suffix = "_l" + layer + (d == 1 ? "_reverse" : "");
                add("weight_ih" + suffix, Tensor.zeros(rows, in));
                add("weight_hh" + suffix, Tensor.zeros(rows, hiddenSize));
                if (bias) {
                    add("bias_ih" + suffix, Tensor.zeros(rows));
                    add("bias_hh" + suffix, Tensor.zeros(rows));
                }
            }
        }
        resetParameters();
    }

    private void add(String name, Tensor t) {
        registerParameter(name, t);
        weightNames.add(name);
    }

    /** Every weight and bias from {@code U(-k, k)}, {@code k = 1 / sqrt(hidden_size)}, as PyTorch. */
    public final void resetParameters() {
        float k = (float) (1 / Math.sqrt(hiddenSize));
        try (var scope = Autograd.noGrad()) {
            for (String name : weightNames) parameter(name).uniformInPlace(-k, k);
        }
    }

    /** Checks the input and states, adapts the layout, and runs the network through {@link F}. */
    final Recurrent.Output run(Tensor input, Tensor h0, Tensor c0) {
        requireRank(input, 2, 3);
        if (input.size(-1) != inputSize) {
            throw new ShapeException(describe() + ": expected input with " + inputSize + " features (input_size) in"
                    + " its last dimension, got shape " + input.shape() + "; hint: input is " + layout(),
                    input.shape());
        }
        boolean batched = input.dim() == 3;
        Tensor x = !batched ? input.unsqueeze(1) : batchFirst ? input.transpose(0, 1) : input;
        int units = directions() * numLayers;
        Shape expected = batched ? Shape.of(units, x.size(1), hiddenSize) : Shape.of(units, hiddenSize);
        checkState("h0", h0, expected);
        checkState("c0", c0, expected);
        if (!batched) {
            h0 = h0 == null ? null : h0.unsqueeze(1);
            c0 = c0 == null ? null : c0.unsqueeze(1);
        }
        List<Tensor> weights = new ArrayList<>(weightNames.size());
        for (String name : weightNames) weights.add(parameter(name));
        var options = new Recurrent.Options(numLayers, bidirectional, dropout, isTraining());
        Recurrent.Output r = switch (mode) {
            case RNN_TANH -> F.rnnTanh(x, h0, weights, options);
            case RNN_RELU -> F.rnnRelu(x, h0, weights, options);
            case LSTM -> F.lstm(x, h0, c0, weights, options);
            case GRU -> F.gru(x, h0, weights, options);
        };
        if (batched) {
            return batchFirst ? new Recurrent.Output(r.output().transpose(0, 1), r.hN(), r.cN()) : r;
        }
        Tensor cN = r.cN() == null ? null : r.cN().squeeze(1);
        return new Recurrent.Output(r.output().squeeze(1), r.hN().squeeze(1), cN);
    }

    private void checkState(String name, Tensor state, Shape expected) {
        if (state != null && !state.shape().equals(expected)) {
            throw new ShapeException(describe() + ": expected " + name + " of shape " + expected + ", got "
                    + state.shape() + "; hint: " + name + " is [num_layers * num_directions, batch, hidden_size], or "
                    + "[num_layers * num_directions, hidden_size] for unbatched input, whatever batch_first",
                    state.shape());
        }
    }

    private String layout() {
        return batchFirst ? "[batch, seq_len, input_size] (batch_first) or [seq_len, input_size]"
                : "[seq_len, batch, input_size] or [seq_len, input_size]";
    }

    private String describe() {
        return getClass().getSimpleName() + "(" + extraRepr() + ")";
    }

    // ---------------------------------------------------------------- settings

    public final int inputSize() {
        return inputSize;
    }

    public final int hiddenSize() {
        return hiddenSize;
    }

    public final int numLayers() {
        return numLayers;
    }

    /** Whether the layers have the biases {@code b_ih} and {@code b_hh}. */
    public final boolean bias() {
        return bias;
    }

    public final boolean batchFirst() {
        return batchFirst;
    }

    /** The dropout probability on the outputs of every layer but the last, in training. */
    public final double dropout() {
        return dropout;
    }

    public final boolean bidirectional() {
        return bidirectional;
    }

    /** 2 if bidirectional, else 1. */
    public final int directions() {
        return bidirectional ? 2 : 1;
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder(inputSize + ", " + hiddenSize);
        if (numLayers != 1) s.append(", num_layers=").append(numLayers);
        if (!bias) s.append(", bias=False");
        if (batchFirst) s.append(", batch_first=True");
        if (dropout != 0) s.append(", dropout=").append(pythonFloat(dropout));
        if (bidirectional) s.append(", bidirectional=True");
        return s.toString();
    }

    /** A double as Python's repr prints it: 0.5, 0.0001, 1e-05. */
    static String pythonFloat(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e16) return (long) v + ".0";
        if (Math.abs(v) >= 1e-4 && Math.abs(v) < 1e16) {
            return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        }
        String[] parts = Double.toString(v).split("E");
        String mantissa = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
        int exponent = Integer.parseInt(parts[1]);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    /** The optional settings of {@link RNN}, {@link LSTM} and {@link GRU}, PyTorch's defaults. */
    public abstract static class BaseBuilder<B extends BaseBuilder<B>> {
        final int inputSize;
        final int hiddenSize;
        int numLayers = 1;
        boolean bias = true;
        boolean batchFirst;
        double dropout;
        boolean bidirectional;

        BaseBuilder(int inputSize, int hiddenSize) {
            this.inputSize = inputSize;
            this.hiddenSize = hiddenSize;
        }

        /** Stacked layers, each fed the previous one's output (default 1). */
        public B numLayers(int numLayers) {
            this.numLayers = numLayers;
            return self();
        }

        /** Whether to use the biases b_ih and b_hh (default true). */
        public B bias(boolean bias) {
            this.bias = bias;
            return self();
        }

        /** Input and output as [batch, seq_len, features] (default false; states keep their layout). */
        public B batchFirst(boolean batchFirst) {
            this.batchFirst = batchFirst;
            return self();
        }

        /** Dropout probability on the outputs of every layer but the last, in training (default 0). */
        public B dropout(double dropout) {
            this.dropout = dropout;
            return self();
        }

        /** Also run each layer backwards over the sequence and concatenate both directions (default false). */
        public B bidirectional(boolean bidirectional) {
            this.bidirectional = bidirectional;
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }
    }
}
