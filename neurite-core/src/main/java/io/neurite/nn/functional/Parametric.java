package io.neurite.nn.functional;

import io.neurite.kernels.Activation;
import io.neurite.kernels.Parallel;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/** Activations with learnable parameters: PReLU, Maxout, Gaussian RBF. Reach them through {@code F}. */
public final class Parametric {

    private Parametric() {}

    /**
     * {@code x > 0 ? x : w_c x} with one slope per channel (dimension 1; a single slope for inputs of
     * fewer than 2 dimensions) or one shared slope. Backward: {@code dx = x > 0 ? dy : w dy},
     * {@code dw_c = sum over channel c of (x > 0 ? 0 : x dy)}.
     *
     * <p>Shapes: input {@code [N, C, *]} (or any shape with a one-element weight), weight {@code [C]} or
     * {@code [1]}; output like the input.
     */
    public static Tensor prelu(Tensor input, Tensor weight) {
        Checks.requireFloat("prelu", "the input", input);
        Checks.requireFloat("prelu", "the weight", weight);
        int channels = input.dim() >= 2 ? input.size(1) : 1;
        if (weight.dim() > 1 || (weight.numel() != 1 && weight.numel() != channels)) {
            throw new ShapeException("prelu: expected a weight of shape [1] or [" + channels
                    + "] (the channels, dimension 1 of the input), got weight shape " + weight.shape()
                    + " for input shape " + input.shape(), input.shape(), weight.shape());
        }
        int outer = input.dim() >= 2 ? input.size(0) : 1;
        int inner = input.numel() / Math.max(1, outer * channels);
        int rows = outer * channels;
        boolean shared = weight.numel() == 1;
        float[] x = input.contiguousData(), w = weight.contiguousData();
        float[] y = new float[x.length];
        int grain = Math.max(1, (1 << 13) / Math.max(1, inner));
        Parallel.forRange(rows, grain, (from, to) -> {
            for (int r = from; r < to; r++) {
                float slope = w[shared ? 0 : r % channels];
                Activation.LEAKY_RELU.forwardRange(x, y, r * inner, (r + 1) * inner, slope, 0f, 0f);
            }
        });
        Tensor out = Tensor.wrap(y, input.shape());
        return Autograd.record("prelu", out, new Tensor[] {input, weight}, new Tensor[] {input, weight}, g -> {
            float[] gd = g.contiguousData();
            float[] dx = input.requiresGrad() ? new float[x.length] : null;
            double[] partial = new double[rows];
            Parallel.forRange(rows, grain, (from, to) -> {
                for (int r = from; r < to; r++) {
                    int lo = r * inner, hi = lo + inner;
                    if (dx != null) {
                        Activation.LEAKY_RELU.backwardRange(x, gd, dx, lo, hi, w[shared ? 0 : r % channels], 0f, 0f);
                    }
                    double s = 0;
                    for (int i = lo; i < hi; i++) if (!(x[i] > 0f)) s += x[i] * gd[i];
                    partial[r] = s;
                }
            });
            Tensor dw = null;
            if (weight.requiresGrad()) {
                double[] sums = new double[weight.numel()];
                for (int r = 0; r < rows; r++) sums[shared ? 0 : r % channels] += partial[r];
                float[] dwData = new float[sums.length];
                for (int c = 0; c < sums.length; c++) dwData[c] = (float) sums[c];
                dw = Tensor.wrap(dwData, weight.shape());
            }
            return new Tensor[] {dx == null ? null : Tensor.wrap(dx, input.shape()), dw};
        });
    }

    /**
     * Maxout (Goodfellow et al., "Maxout Networks", 2013): {@code y_j = max_k (W_{jk} x + b_{jk})}, the
     * largest of {@code pieces} affine maps per output unit. Row {@code j * pieces + k} of the weight is
     * piece k of unit j. The gradient goes to the winning piece (the first on ties).
     *
     * <p>Shapes: input {@code [*, in]}, weight {@code [out * pieces, in]}, bias {@code [out * pieces]} or
     * null; output {@code [*, out]}.
     */
    public static Tensor maxout(Tensor input, Tensor weight, Tensor bias, int pieces) {
        if (pieces < 1 || weight.dim() != 2 || weight.size(0) % pieces != 0) {
            throw new IllegalArgumentException("maxout: expected pieces >= 1 dividing the weight's rows (out_features"
                    + " * pieces), got pieces=" + pieces + " and weight shape " + weight.shape());
        }
        Tensor affine = Affine.linear(input, weight, bias);
        return affine.unflatten(-1, weight.size(0) / pieces, pieces).max(-1, false).values();
    }

    /**
     * The Gaussian radial basis function of RBF networks, {@code y_j = exp(-gamma ||x - c_j||^2)}, one
     * output per center ({@code gamma = 1 / (2 sigma^2)}). The squared distances are
     * {@code ||x||^2 + ||c||^2 - 2 x . c} (one GEMM), clamped at 0 against rounding.
     *
     * <p>Shapes: input {@code [*, in]}, centers {@code [C, in]}; output {@code [*, C]}.
     */
    public static Tensor gaussianRbf(Tensor input, Tensor centers, double gamma) {
        Checks.requireFloat("gaussianRbf", "the input", input);
        Checks.requireFloat("gaussianRbf", "the centers", centers);
        if (centers.dim() != 2 || input.dim() == 0 || input.size(-1) != centers.size(1)) {
            throw new ShapeException("gaussianRbf: expected centers [num_centers, in_features] and an input [*, "
                    + "in_features], got input shape " + input.shape() + " and centers shape " + centers.shape(),
                    input.shape(), centers.shape());
        }
        Tensor x2 = input.mul(input).sum(-1, true);
        Tensor c2 = centers.mul(centers).sum(-1);
        Tensor d2 = x2.add(c2).sub(input.matmul(centers.t()).mul(2f)).clampMin(0f);
        return d2.mul((float) -gamma).exp();
    }
}
