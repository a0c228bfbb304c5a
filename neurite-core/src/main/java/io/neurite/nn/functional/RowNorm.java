package io.neurite.nn.functional;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.Arrays;

/**
 * Layer and group normalization (PyTorch's {@code layer_norm} and {@code group_norm}): each sample,
 * or each group of channels of a sample, normalized by its own mean and biased variance, then scaled
 * and shifted; forward in two vectorized passes per row, backward in closed form
 * {@code dx = invstd (gw - mean(gw) - xhat mean(gw xhat))} with {@code gw = dy w}.
 */
public final class RowNorm {

    private RowNorm() {}

    /**
     * {@code torch.nn.functional.layer_norm} (Ba, Kiros and Hinton, 2016): normalizes over the last
     * {@code normalizedShape.length} dimensions, {@code y = (x - mean) / sqrt(var + eps) * weight + bias}.
     *
     * <p>Shapes: input {@code [*, normalizedShape]}; weight and bias {@code normalizedShape} (each may
     * be null); output as input.
     */
    public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        String op = "layerNorm";
        int[] d = input.shape().dims();
        int rank = normalizedShape.length;
        boolean fits = rank > 0 && rank <= d.length
                && Arrays.equals(Arrays.copyOfRange(d, d.length - rank, d.length), normalizedShape);
        if (!fits) {
            throw new ShapeException(op + ": given normalized_shape=" + Arrays.toString(normalizedShape)
                    + ", expected input with shape [*, " + Arrays.toString(normalizedShape).replace("[", "")
                    + ", got shape " + input.shape() + "; hint: normalized_shape must equal the input's last "
                    + Math.max(rank, 1) + " dimension(s)", input.shape());
        }
        checkParam(op, "weight", weight, normalizedShape, "normalized_shape");
        checkParam(op, "bias", bias, normalizedShape, "normalized_shape");
        int k = 1;
        for (int s : normalizedShape) k *= s;
        return normalize(op, input, weight, bias, eps, new int[] {k == 0 ? 0 : input.numel() / k, 1, k, 1});
    }

    /**
     * {@code torch.nn.functional.group_norm} (Wu and He, 2018): the channels split into
     * {@code numGroups} groups, each (sample, group) normalized over its channels and positions;
     * weight and bias are per channel.
     *
     * <p>Shapes: input {@code [N, C, *]} with {@code C} divisible by {@code numGroups}; weight and
     * bias {@code [C]} (each may be null); output as input.
     */
    public static Tensor groupNorm(Tensor input, int numGroups, Tensor weight, Tensor bias, double eps) {
        String op = "groupNorm";
        BatchNorm.Layout s = BatchNorm.Layout.of(op, input);
        if (numGroups <= 0 || s.c() % numGroups != 0) {
            throw new ShapeException(op + ": expected the " + s.c() + " channels (dimension 1 of shape "
                    + input.shape() + ") to be divisible by num_groups=" + numGroups
                    + "; hint: pick num_groups among the divisors of the channel count", input.shape());
        }
        int[] c = {s.c()};
        checkParam(op, "weight", weight, c, "num_channels");
        checkParam(op, "bias", bias, c, "num_channels");
        int cpg = s.c() / numGroups;
        if ((long) s.n() * cpg * s.l() == 1) {
            throw new ShapeException(op + ": expected more than 1 value per group, got input shape " + input.shape()
                    + " with num_groups=" + numGroups + "; hint: use fewer groups or a batch of more than one sample",
                    input.shape());
        }
        return normalize(op, input, weight, bias, eps, new int[] {s.n() * numGroups, numGroups, cpg, s.l()});
    }

    /** Runs the kernel over {@code layout = {rows, groups, cpg, l}} and records the closed-form backward. */
    private static Tensor normalize(String op, Tensor input, Tensor weight, Tensor bias, double eps, int[] layout) {
        if (!input.isFloat()) {
            throw new IllegalArgumentException(op + ": expected a float32 input, got " + input.dtype().torchName()
                    + " of shape " + input.shape() + "; hint: convert with toFloat()");
        }
        if (input.numel() == 0) return input.clone();
        int params = layout[1] * layout[2];
        float[] x = input.contiguousData();
        float[] w = weight == null ? filled(params, 1f) : weight.toFloatArray();
        float[] b = bias == null ? new float[params] : bias.toFloatArray();
        RowNormKernel kernel = new RowNormKernel(x, layout[0], layout[1], layout[2], layout[3]);
        float[] y = new float[x.length];
        kernel.forward(w, b, eps, y);
        Tensor out = Tensor.wrap(y, input.shape());
        Tensor[] saved = weight == null ? new Tensor[] {input} : new Tensor[] {input, weight};
        return Autograd.record(op, out, BatchNorm.present(input, weight, bias), saved, g -> {
            boolean needX = input.requiresGrad(), needW = weight != null && weight.requiresGrad();
            boolean needB = bias != null && bias.requiresGrad();
            float[] dx = needX ? new float[x.length] : null;
            float[] dw = needW ? new float[params] : null, db = needB ? new float[params] : null;
            kernel.backward(g.contiguousData(), w, dx, dw, db);
            return BatchNorm.pick(new Tensor[] {input, weight, bias}, new Tensor[] {
                needX ? Tensor.wrap(dx, input.shape()) : null,
                needW ? Tensor.wrap(dw, weight.shape()) : null,
                needB ? Tensor.wrap(db, bias.shape()) : null});
        });
    }

    private static void checkParam(String op, String name, Tensor p, int[] expected, String what) {
        if (p == null) return;
        if (!Arrays.equals(p.shape().dims(), expected)) {
            throw new ShapeException(op + ": expected " + name + " of shape " + Arrays.toString(expected) + " ("
                    + what + "), got shape " + p.shape(), p.shape());
        }
        if (!p.isFloat()) {
            throw new IllegalArgumentException(op + ": expected " + name + " to be float32, got "
                    + p.dtype().torchName());
        }
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        Arrays.fill(a, value);
        return a;
    }
}
