package io.neurite.nn.functional;

import io.neurite.kernels.Activation;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;

/**
 * The elementwise activations of {@code torch.nn.functional}, forward and backward each one fused pass
 * of an {@link Activation} kernel (vectorized, parallel). Outputs are new contiguous tensors of the
 * input's shape; the backward reads the saved input (the output for sigmoid and tanh). Reach them
 * through {@code F}.
 */
public final class Activations {

    /** SELU's constants (Klambauer et al., "Self-Normalizing Neural Networks", 2017), as PyTorch's. */
    static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    static final double SELU_SCALE = 1.0507009873554804934193349852946;

    private Activations() {}

    public static Tensor relu(Tensor x) {
        return apply("relu", Activation.RELU, x, 0f, 0f, 0f);
    }

    public static Tensor relu6(Tensor x) {
        return apply("relu6", Activation.HARDTANH, x, 0f, 6f, 0f);
    }

    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return apply("leakyRelu", Activation.LEAKY_RELU, x, (float) negativeSlope, 0f, 0f);
    }

    public static Tensor hardtanh(Tensor x, double minVal, double maxVal) {
        if (!(minVal <= maxVal)) {
            throw new IllegalArgumentException("hardtanh: expected min_val <= max_val, got min_val=" + minVal
                    + ", max_val=" + maxVal);
        }
        return apply("hardtanh", Activation.HARDTANH, x, (float) minVal, (float) maxVal, 0f);
    }

    public static Tensor hardsigmoid(Tensor x) {
        return apply("hardsigmoid", Activation.HARDSIGMOID, x, 0f, 0f, 0f);
    }

    public static Tensor hardswish(Tensor x) {
        return apply("hardswish", Activation.HARDSWISH, x, 0f, 0f, 0f);
    }

    public static Tensor threshold(Tensor x, double threshold, double value) {
        return apply("threshold", Activation.THRESHOLD, x, (float) threshold, (float) value, 0f);
    }

    public static Tensor softsign(Tensor x) {
        return apply("softsign", Activation.SOFTSIGN, x, 0f, 0f, 0f);
    }

    public static Tensor elu(Tensor x, double alpha) {
        return apply("elu", Activation.ELU, x, (float) alpha, 1f, 1f);
    }

    public static Tensor selu(Tensor x) {
        return apply("selu", Activation.ELU, x, (float) SELU_ALPHA * (float) SELU_SCALE, (float) SELU_SCALE, 1f);
    }

    public static Tensor celu(Tensor x, double alpha) {
        if (alpha == 0) throw new IllegalArgumentException("celu: alpha must be nonzero, got alpha=0.0");
        return apply("celu", Activation.ELU, x, (float) alpha, 1f, (float) (1 / alpha));
    }

    public static Tensor sigmoid(Tensor x) {
        return apply("sigmoid", Activation.SIGMOID, x, 0f, 0f, 0f);
    }

    public static Tensor tanh(Tensor x) {
        return apply("tanh", Activation.TANH, x, 0f, 0f, 0f);
    }

    public static Tensor silu(Tensor x) {
        return apply("silu", Activation.SILU, x, 0f, 0f, 0f);
    }

    public static Tensor mish(Tensor x) {
        return apply("mish", Activation.MISH, x, 0f, 0f, 0f);
    }

    /** Exact GELU, {@code x Phi(x)}. */
    public static Tensor gelu(Tensor x) {
        return apply("gelu", Activation.GELU, x, 0f, 0f, 0f);
    }

    /** GELU's tanh approximation. */
    public static Tensor geluTanh(Tensor x) {
        return apply("gelu", Activation.GELU_TANH, x, 0f, 0f, 0f);
    }

    public static Tensor softplus(Tensor x, double beta, double threshold) {
        if (beta == 0) throw new IllegalArgumentException("softplus: beta must be nonzero, got beta=0.0");
        return apply("softplus", Activation.SOFTPLUS, x, (float) beta, (float) threshold, 0f);
    }

    private static Tensor apply(String op, Activation f, Tensor x, float a, float b, float c) {
        Checks.requireFloat(op, x);
        int n = x.numel();
        float[] in = x.contiguousData();
        float[] out = new float[n];
        f.forward(in, out, n, a, b, c);
        Tensor y = Tensor.wrap(out, x.shape());
        // sigmoid and tanh differentiate from their output; y is a fresh tensor the graph keeps alive
        float[] saved = f.gradFromOutput() ? out : in;
        return Autograd.record(op, y, new Tensor[] {x}, new Tensor[] {f.gradFromOutput() ? y : x}, g -> {
            float[] dx = new float[n];
            f.backward(saved, g.contiguousData(), dx, n, a, b, c);
            return new Tensor[] {Tensor.wrap(dx, x.shape())};
        });
    }
}
