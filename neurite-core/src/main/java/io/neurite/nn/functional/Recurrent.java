package io.neurite.nn.functional;

import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Recurrent networks as functions, as PyTorch's {@code torch.rnn_tanh_cell}, {@code lstm_cell},
 * {@code gru_cell} (one time step) and {@code torch.rnn_tanh}, {@code lstm}, {@code gru} (a multi-layer,
 * optionally bidirectional network over a whole sequence). Reached through {@code io.neurite.nn.F}.
 *
 * <p>Per layer and time step, with gates in PyTorch's order and layout ({@code W_ih} stacks the gates'
 * input weights, {@code [G * H, H_in]}):
 * <pre>
 * RNN:  h' = tanh(W_ih x + b_ih + W_hh h + b_hh)              (or relu)
 * LSTM: i, f, g, o = sigma, sigma, tanh, sigma of (W_ih x + b_ih + W_hh h + b_hh), split in four
 *       c' = f * c + i * g,   h' = o * tanh(c')
 * GRU:  r, z = sigma of the first two thirds of (W_ih x + b_ih + W_hh h + b_hh)
 *       n = tanh(W_in x + b_in + r * (W_hn h + b_hn)),   h' = (1 - z) * n + z * h
 * </pre>
 *
 * <p>Shapes (sequence functions): input {@code [L, N, H_in]}; {@code h0, c0 [D * num_layers, N, H]} (null:
 * zeros); output {@code [L, N, D * H]} (the last layer's states, both directions concatenated);
 * {@code h_n, c_n [D * num_layers, N, H]}, index {@code layer * D + direction}; D = 2 if bidirectional else 1.
 * The weights come in PyTorch's flat order: per layer, per direction, {@code w_ih, w_hh[, b_ih, b_hh]}.
 */
public final class Recurrent {

    private Recurrent() {}

    /** The kind of recurrence, with its number of gates. */
    public enum Mode {
        RNN_TANH("rnnTanh", 1), RNN_RELU("rnnRelu", 1), LSTM("lstm", 4), GRU("gru", 3);

        private final String opName;
        private final int gates;

        Mode(String opName, int gates) {
            this.opName = opName;
            this.gates = gates;
        }

        /** The op's name in autograd graphs and error messages, e.g. {@code lstm}. */
        public String opName() {
            return opName;
        }

        /** Gate blocks stacked in the weights: 1 (RNN), 4 (LSTM: i, f, g, o), 3 (GRU: r, z, n). */
        public int gates() {
            return gates;
        }
    }

    /**
     * The settings of a multi-layer network: layers, direction, and the dropout applied to the output of
     * every layer but the last (only when {@code training}).
     */
    public record Options(int numLayers, boolean bidirectional, double dropout, boolean training) {
        public Options {
            if (numLayers < 1) {
                throw new IllegalArgumentException("Recurrent.Options: expected numLayers >= 1, got " + numLayers);
            }
            if (!(dropout >= 0 && dropout <= 1)) {
                throw new IllegalArgumentException("Recurrent.Options: dropout must be a probability in [0, 1], got "
                        + dropout);
            }
        }

        /** One layer, one direction, no dropout. */
        public static Options single() {
            return new Options(1, false, 0, false);
        }

        /** 2 if bidirectional, else 1. */
        public int directions() {
            return bidirectional ? 2 : 1;
        }
    }

    /** A sequence's outputs: {@code output}, {@code hN} and, for LSTM, {@code cN} (null otherwise). */
    public record Output(Tensor output, Tensor hN, Tensor cN) {}

    /** An LSTM cell's next hidden and cell states. */
    public record State(Tensor h, Tensor c) {}

    // ---------------------------------------------------------------- cells

    /**
     * One step of an RNN (tanh or relu) or GRU cell: {@code input [N, H_in]}, {@code hx [N, H]} (null:
     * zeros), {@code wIh [G H, H_in]}, {@code wHh [G H, H]}, biases {@code [G H]} or null. Returns {@code h' [N, H]}.
     */
    public static Tensor cell(Mode mode, Tensor input, Tensor hx, Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh) {
        if (mode == Mode.LSTM) {
            throw new IllegalArgumentException("Recurrent.cell: the LSTM cell also returns its cell state; hint: use "
                    + "lstmCell");
        }
        return step(mode, input, hx, null, wIh, wHh, bIh, bHh)[1];
    }

    /** One step of an LSTM cell, shapes as {@link #cell}; {@code cx [N, H]} (null: zeros). Returns (h', c'). */
    public static State lstmCell(Tensor input, Tensor hx, Tensor cx, Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh) {
        Tensor[] r = step(Mode.LSTM, input, hx, cx, wIh, wHh, bIh, bHh);
        return new State(r[1], r[2]);
    }

    private static Tensor[] step(Mode mode, Tensor input, Tensor hx, Tensor cx, Tensor wIh, Tensor wHh, Tensor bIh,
                                 Tensor bHh) {
        String op = mode.opName() + "Cell";
        if (input.dim() != 2) {
            throw new ShapeException(op + ": expected input of shape [batch, input_size], got " + input.shape()
                    + "; hint: unsqueeze(0) a single sample", input.shape());
        }
        int hidden = checkWeights(op, mode, wIh, wHh, bIh, bHh, "", input.size(1));
        Shape state = Shape.of(input.size(0), hidden);
        checkState(op, "hx", hx, state, "[batch, hidden_size]");
        checkState(op, "cx", cx, state, "[batch, hidden_size]");
        return RecurrentScan.run(mode, input.unsqueeze(0), hx, cx, wIh, wHh, bIh, bHh, false);
    }

    // ---------------------------------------------------------------- sequences

    /**
     * A multi-layer recurrent network over a sequence ({@code c0} only for LSTM, else null). See the class
     * comment for shapes and the weights' order; biases are present when {@code weights} holds four
     * tensors per layer and direction.
     */
    public static Output run(Mode mode, Tensor input, Tensor h0, Tensor c0, List<Tensor> weights, Options options) {
        String op = mode.opName();
        int directions = options.directions(), layers = options.numLayers();
        int units = layers * directions;
        if (weights.size() != 2 * units && weights.size() != 4 * units) {
            throw new IllegalArgumentException(op + ": expected " + 4 * units + " weights (w_ih, w_hh, b_ih, b_hh per "
                    + "layer and direction) or " + 2 * units + " without biases for " + layers + " layer(s) and "
                    + directions + " direction(s), got " + weights.size());
        }
        if (mode != Mode.LSTM && c0 != null) {
            throw new IllegalArgumentException(op + ": only an LSTM has a cell state, got c0 of shape " + c0.shape());
        }
        if (input.dim() != 3) {
            throw new ShapeException(op + ": expected input of shape [seq_len, batch, input_size], got "
                    + input.shape() + "; hint: unsqueeze(1) an unbatched sequence", input.shape());
        }
        int per = weights.size() / units;
        int hidden = -1;
        for (int layer = 0, in = input.size(2); layer < layers; layer++) {
            for (int d = 0; d < directions; d++) {
                int u = layer * directions + d;
                String suffix = "_l" + layer + (d == 1 ? "_reverse" : "");
                Tensor bi = per == 4 ? weights.get(u * per + 2) : null, bh = per == 4 ? weights.get(u * per + 3) : null;
                int h = checkWeights(op, mode, weights.get(u * per), weights.get(u * per + 1), bi, bh, suffix, in);
                if (hidden >= 0 && h != hidden) {
                    throw new ShapeException(op + ": weight_hh" + suffix + " has hidden size " + h
                            + " but weight_hh_l0 "
                            + "has " + hidden, weights.get(u * per + 1).shape());
                }
                hidden = h;
            }
            in = directions * hidden;
        }
        Shape state = Shape.of(units, input.size(1), hidden);
        checkState(op, "h0", h0, state, "[num_layers * num_directions, batch, hidden_size]");
        checkState(op, "c0", c0, state, "[num_layers * num_directions, batch, hidden_size]");

        Tensor x = input;
        List<Tensor> hN = new ArrayList<>(), cN = new ArrayList<>();
        for (int layer = 0; layer < layers; layer++) {
            List<Tensor> outs = new ArrayList<>(directions);
            for (int d = 0; d < directions; d++) {
                int u = layer * directions + d;
                Tensor[] r = RecurrentScan.run(mode, x, h0 == null ? null : h0.select(0, u),
                        c0 == null ? null : c0.select(0, u), weights.get(u * per), weights.get(u * per + 1),
                        per == 4 ? weights.get(u * per + 2) : null, per == 4 ? weights.get(u * per + 3) : null, d == 1);
                outs.add(r[0]);
                hN.add(r[1]);
                if (r[2] != null) cN.add(r[2]);
            }
            x = directions == 1 ? outs.get(0) : Tensor.cat(outs, 2);
            if (options.training() && options.dropout() > 0 && layer < layers - 1) x = dropout(x, options.dropout());
        }
        return new Output(x, Tensor.stack(hN, 0), mode == Mode.LSTM ? Tensor.stack(cN, 0) : null);
    }

    /** Zeroes each element with probability p and scales the rest by 1 / (1 - p). */
    private static Tensor dropout(Tensor x, double p) {
        if (p >= 1) return x.mul(0f);
        Tensor keep = Tensor.rand(x.shape().dims()).ge((float) p).mul((float) (1 / (1 - p)));
        return x.mul(keep);
    }

    // ---------------------------------------------------------------- checks

    /** Checks one layer's weights against each other and the input size; returns the hidden size. */
    private static int checkWeights(String op, Mode mode, Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh, String suffix,
                                    int inputSize) {
        if ((bIh == null) != (bHh == null)) {
            throw new IllegalArgumentException(op + ": give both biases or neither, got bias_ih" + suffix + " "
                    + (bIh == null ? "null" : bIh.shape()) + " and bias_hh" + suffix + " "
                    + (bHh == null ? "null" : bHh.shape()));
        }
        if (wHh.dim() != 2) {
            throw new ShapeException(op + ": expected weight_hh" + suffix + " of shape [" + mode.gates()
                    + " * hidden_size,"
                    + " hidden_size], got " + wHh.shape(), wHh.shape());
        }
        int hidden = wHh.size(1), gh = mode.gates() * hidden;
        requireShape(op, "weight_hh" + suffix, wHh, Shape.of(gh, hidden));
        requireShape(op, "weight_ih" + suffix, wIh, Shape.of(gh, inputSize));
        if (bIh != null) {
            requireShape(op, "bias_ih" + suffix, bIh, Shape.of(gh));
            requireShape(op, "bias_hh" + suffix, bHh, Shape.of(gh));
        }
        return hidden;
    }

    private static void requireShape(String op, String name, Tensor t, Shape expected) {
        if (!t.shape().equals(expected)) {
            String hint = name.startsWith("weight_ih")
                    ? "weight_ih's dimension 1 is the layer's input size (input_size for layer 0, else D * hidden_size)"
                    : "the weights and biases of a layer have gates * hidden_size rows, hidden_size from weight_hh";
            throw new ShapeException(op + ": expected " + name + " of shape " + expected + ", got " + t.shape()
                    + "; hint: " + hint, t.shape());
        }
    }

    private static void checkState(String op, String name, Tensor t, Shape expected, String layout) {
        if (t != null && !t.shape().equals(expected)) {
            throw new ShapeException(op + ": expected " + name + " of shape " + expected + ", got " + t.shape()
                    + "; hint: " + name + " is " + layout, t.shape());
        }
    }
}
