package io.neurite.nn;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * What {@link RNNCell}, {@link LSTMCell} and {@link GRUCell} share, as PyTorch's {@code RNNCellBase}:
 * the sizes and bias flag, the parameters {@code weight_ih [G H, H_in]}, {@code weight_hh [G H, H]},
 * {@code bias_ih} and {@code bias_hh [G H]}, their initialization {@code U(-1/sqrt(H), 1/sqrt(H))}, the
 * one-line form, and the checks of the input {@code [N, H_in]} or {@code [H_in]} and states {@code [N, H]}
 * or {@code [H]}. Each cell holds one, built from its {@link Builder}.
 */
final class RecurrentCell {

    private static final String[] NAMES = {"weight_ih", "weight_hh", "bias_ih", "bias_hh"};

    final int inputSize;
    final int hiddenSize;
    final boolean bias;
    private final Module cell;

    /** Registers the parameters of {@code cell} with {@code gates} gate blocks, and initializes them. */
    RecurrentCell(Module cell, int gates, Builder<?> b) {
        this.cell = cell;
        this.inputSize = b.inputSize;
        this.hiddenSize = b.hiddenSize;
        this.bias = b.bias;
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException(cell.getClass().getSimpleName() + ": expected input_size and "
                    + "hidden_size >= 1, got input_size=" + inputSize + ", hidden_size=" + hiddenSize);
        }
        cell.registerParameter("weight_ih", Tensor.zeros(gates * hiddenSize, inputSize));
        cell.registerParameter("weight_hh", Tensor.zeros(gates * hiddenSize, hiddenSize));
        if (bias) {
            cell.registerParameter("bias_ih", Tensor.zeros(gates * hiddenSize));
            cell.registerParameter("bias_hh", Tensor.zeros(gates * hiddenSize));
        }
        reset();
    }

    /** Every parameter from {@code U(-k, k)}, {@code k = 1 / sqrt(hidden_size)}, as PyTorch. */
    void reset() {
        float k = (float) (1 / Math.sqrt(hiddenSize));
        try (var scope = Autograd.noGrad()) {
            for (String name : NAMES) {
                Tensor p = cell.parameter(name);
                if (p != null) p.uniformInPlace(-k, k);
            }
        }
    }

    /** PyTorch's {@code 10, 20[, bias=False][, nonlinearity=relu]}. */
    String repr(String nonlinearity) {
        return inputSize + ", " + hiddenSize + (bias ? "" : ", bias=False")
                + ("tanh".equals(nonlinearity) || nonlinearity == null ? "" : ", nonlinearity=" + nonlinearity);
    }

    /** Checks the input ([N, H_in] or [H_in]); returns it as [N, H_in]. */
    Tensor input(Tensor input) {
        cell.requireRank(input, 1, 2);
        if (input.size(-1) != inputSize) {
            throw new ShapeException(describe() + ": expected input with " + inputSize + " features (input_size) in"
                    + " its last dimension, got shape " + input.shape() + "; hint: input is [batch, input_size] or "
                    + "[input_size]", input.shape());
        }
        return input.dim() == 1 ? input.unsqueeze(0) : input;
    }

    /** Checks a state ([N, H], or [H] for an unbatched input); returns it as [N, H] (null stays null). */
    Tensor state(String name, Tensor state, Tensor input) {
        if (state == null) return null;
        boolean batched = input.dim() == 2;
        Shape expected = batched ? Shape.of(input.size(0), hiddenSize) : Shape.of(hiddenSize);
        if (!state.shape().equals(expected)) {
            throw new ShapeException(describe() + ": expected " + name + " of shape " + expected + " for input of "
                    + "shape " + input.shape() + ", got " + state.shape() + "; hint: " + name
                    + " is [batch, hidden_size], "
                    + "or [hidden_size] for an unbatched input", state.shape());
        }
        return batched ? state : state.unsqueeze(0);
    }

    /** The result for the caller's layout: [N, H], or [H] for an unbatched input. */
    static Tensor output(Tensor h, Tensor input) {
        return input.dim() == 1 ? h.squeeze(0) : h;
    }

    private String describe() {
        return cell.getClass().getSimpleName() + "(" + cell.extraRepr() + ")";
    }

    /** The settings every cell builder has: the sizes and bias (default true). */
    abstract static class Builder<B extends Builder<B>> {
        final int inputSize;
        final int hiddenSize;
        boolean bias = true;

        Builder(int inputSize, int hiddenSize) {
            this.inputSize = inputSize;
            this.hiddenSize = hiddenSize;
        }

        @SuppressWarnings("unchecked")
        public B bias(boolean bias) {
            this.bias = bias;
            return (B) this;
        }
    }
}
