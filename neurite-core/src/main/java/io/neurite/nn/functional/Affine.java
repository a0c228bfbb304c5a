package io.neurite.nn.functional;

import io.neurite.kernels.Gemm;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/** {@code linear} and {@code bilinear}: affine maps of the last dimension. Reach them through {@code F}. */
public final class Affine {

    private Affine() {}

    /**
     * {@code y = x W^T + b} over the last dimension, one GEMM with the bias preloaded into the output
     * ({@code beta = 1}). Backward: {@code dx = dy W}, {@code dW = dy^T x} (one GEMM each), {@code db = sum dy}.
     *
     * <p>Shapes: input {@code [*, in]}, weight {@code [out, in]}, bias {@code [out]} or null; output
     * {@code [*, out]}.
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        checkLinear(input, weight, bias);
        int in = weight.size(1), out = weight.size(0);
        int rows = numelBefore(input);
        int[] outDims = input.shape().dims();
        outDims[outDims.length - 1] = out;
        float[] y = new float[rows * out];
        if (bias != null) {
            float[] b = bias.contiguousData();
            for (int r = 0; r < rows; r++) System.arraycopy(b, 0, y, r * out, out);
        }
        float[] x = input.contiguousData();
        Gemm.sgemm(false, true, rows, out, in, 1f, x, 0, in, weight.contiguousData(), 0, in,
                bias == null ? 0f : 1f, y, 0, out);
        Tensor result = Tensor.wrap(y, Shape.of(outDims));
        Tensor[] inputs = bias == null ? new Tensor[] {input, weight} : new Tensor[] {input, weight, bias};
        return Autograd.record("linear", result, inputs, inputs, g -> {
            // Straight to GEMM on the flat [rows, out] gradient: no views, no reduction of batch dims.
            float[] gy = g.contiguousData();
            Tensor dx = null, dw = null, db = null;
            if (input.requiresGrad()) {
                float[] d = new float[rows * in];
                Gemm.sgemm(false, false, rows, in, out, 1f, gy, 0, out, weight.contiguousData(), 0, in, 0f, d, 0, in);
                dx = Tensor.wrap(d, input.shape());
            }
            if (weight.requiresGrad()) {
                float[] d = new float[out * in];
                Gemm.sgemm(true, false, out, in, rows, 1f, gy, 0, out, x, 0, in, 0f, d, 0, in);
                dw = Tensor.wrap(d, weight.shape());
            }
            if (bias != null && bias.requiresGrad()) db = g.reshape(rows, out).sum(0);
            return bias == null ? new Tensor[] {dx, dw} : new Tensor[] {dx, dw, db};
        });
    }

    /**
     * {@code y_k = x1^T W_k x2 + b_k}, written with tensor ops (gradients by autograd): one GEMM of
     * {@code x1} with the weight seen as {@code [in1, out * in2]}, then a product with {@code x2}
     * summed over {@code in2}.
     *
     * <p>Shapes: input1 {@code [*, in1]}, input2 {@code [*, in2]} with the same leading dimensions,
     * weight {@code [out, in1, in2]}, bias {@code [out]} or null; output {@code [*, out]}.
     */
    public static Tensor bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor bias) {
        checkBilinear(input1, input2, weight, bias);
        int out = weight.size(0), in1 = weight.size(1), in2 = weight.size(2);
        int[] outDims = input1.shape().dims();
        outDims[outDims.length - 1] = out;
        Tensor x1 = input1.reshape(-1, in1), x2 = input2.reshape(-1, in2);
        Tensor mixed = x1.matmul(weight.permute(1, 0, 2).reshape(in1, out * in2)).reshape(-1, out, in2);
        Tensor y = mixed.mul(x2.unsqueeze(1)).sum(-1);
        if (bias != null) y = y.add(bias);
        return y.reshape(outDims);
    }

    private static int numelBefore(Tensor t) {
        int n = 1;
        for (int d = 0; d < t.dim() - 1; d++) n *= t.size(d);
        return n;
    }

    private static void checkLinear(Tensor input, Tensor weight, Tensor bias) {
        Checks.requireFloat("linear", "the input", input);
        Checks.requireFloat("linear", "the weight", weight);
        if (weight.dim() != 2) {
            throw new ShapeException("linear: expected a 2-D weight [out_features, in_features], got shape "
                    + weight.shape(), weight.shape());
        }
        if (input.dim() == 0 || input.size(-1) != weight.size(1)) {
            throw new ShapeException("linear: input shape " + input.shape() + " and weight shape " + weight.shape()
                    + " do not fit: expected the input's last dimension to be in_features=" + weight.size(1)
                    + (input.dim() == 0 ? ", got a 0-D input" : ", got " + input.size(-1)),
                    input.shape(), weight.shape());
        }
        if (bias != null) {
            Checks.requireFloat("linear", "the bias", bias);
            if (bias.dim() != 1 || bias.size(0) != weight.size(0)) {
                throw new ShapeException("linear: expected a bias of shape [" + weight.size(0)
                        + "] (out_features), got " + bias.shape(), bias.shape(), weight.shape());
            }
        }
    }

    private static void checkBilinear(Tensor input1, Tensor input2, Tensor weight, Tensor bias) {
        Checks.requireFloat("bilinear", "input1", input1);
        Checks.requireFloat("bilinear", "input2", input2);
        Checks.requireFloat("bilinear", "the weight", weight);
        if (weight.dim() != 3) {
            throw new ShapeException("bilinear: expected a 3-D weight [out_features, in1_features, in2_features], got"
                    + " shape " + weight.shape(), weight.shape());
        }
        if (input1.dim() == 0 || input1.size(-1) != weight.size(1) || input2.dim() == 0
                || input2.size(-1) != weight.size(2)) {
            throw new ShapeException("bilinear: inputs of shapes " + input1.shape() + " and " + input2.shape()
                    + " do not fit weight " + weight.shape() + ": expected last dimensions " + weight.size(1) + " and "
                    + weight.size(2), input1.shape(), input2.shape(), weight.shape());
        }
        Shape lead1 = Shape.of(java.util.Arrays.copyOf(input1.shape().dims(), input1.dim() - 1));
        Shape lead2 = Shape.of(java.util.Arrays.copyOf(input2.shape().dims(), input2.dim() - 1));
        if (!lead1.equals(lead2)) {
            throw new ShapeException("bilinear: inputs of shapes " + input1.shape() + " and " + input2.shape()
                    + " must have the same leading (batch) dimensions, got " + lead1 + " and " + lead2,
                    input1.shape(), input2.shape());
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != weight.size(0))) {
            throw new ShapeException("bilinear: expected a bias of shape [" + weight.size(0) + "] (out_features), got "
                    + bias.shape(), bias.shape(), weight.shape());
        }
    }
}
