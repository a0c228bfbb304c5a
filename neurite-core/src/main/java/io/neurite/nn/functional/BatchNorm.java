package io.neurite.nn.functional;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * Batch and instance normalization (PyTorch's {@code batch_norm} and {@code instance_norm}), with
 * the forward in two vectorized statistics passes and the backward in closed form.
 *
 * <p>Ioffe and Szegedy, "Batch normalization", 2015: per channel {@code c} over the {@code M = N L}
 * values of a mini-batch, {@code mu = mean(x)}, {@code sigma^2 = mean((x - mu)^2)} (biased),
 * {@code xhat = (x - mu) / sqrt(sigma^2 + eps)}, {@code y = gamma xhat + beta}. The gradient is
 * {@code dx = gamma invstd (dy - mean(dy) - xhat mean(dy xhat))}, {@code dgamma = sum(dy xhat)},
 * {@code dbeta = sum(dy)}.
 */
public final class BatchNorm {

    private BatchNorm() {}

    /**
     * {@code torch.nn.functional.batch_norm}. In training the batch statistics normalize, and the
     * running estimates (when given) are updated in place:
     * {@code running = (1 - momentum) running + momentum batch}, with the unbiased variance
     * {@code sigma^2 M / (M - 1)}. Otherwise the running estimates normalize.
     *
     * <p>Shapes: input {@code [N, C]} or {@code [N, C, *]}; weight, bias and running statistics
     * {@code [C]} (each may be null); output as input.
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        String op = "batchNorm";
        Layout s = Layout.of(op, input);
        checkVector(op, "weight", weight, s.c, input);
        checkVector(op, "bias", bias, s.c, input);
        checkVector(op, "running_mean", runningMean, s.c, input);
        checkVector(op, "running_var", runningVar, s.c, input);
        if ((runningMean == null) != (runningVar == null)) {
            throw new IllegalArgumentException(op + ": running_mean and running_var must be given together, got "
                    + (runningMean == null ? "only running_var" : "only running_mean"));
        }
        if (!training && runningMean == null) {
            throw new IllegalArgumentException(op + ": running_mean and running_var are required when training is"
                    + " false; hint: pass training=true to normalize with the batch statistics");
        }
        if (training && (long) s.n * s.l == 1) {
            throw new ShapeException(op + ": expected more than 1 value per channel when training, got input shape "
                    + input.shape() + "; hint: use a batch of more than one sample, or eval() mode", input.shape());
        }
        if (input.numel() == 0) return input.clone();

        float[] x = input.contiguousData();
        BatchNormKernel kernel = new BatchNormKernel(x, s.n, s.c, s.l);
        float[] w = weight == null ? null : weight.toFloatArray(), b = bias == null ? null : bias.toFloatArray();
        float[] mean, var, invstd = new float[s.c], scale = new float[s.c], y = new float[x.length];
        if (training) {
            mean = new float[s.c];
            var = new float[s.c];
            kernel.trainForward(w, b, eps, mean, var, invstd, scale, y);
            if (runningMean != null) updateRunning(runningMean, runningVar, mean, var, (double) s.n * s.l, momentum);
        } else {
            mean = runningMean.toFloatArray();
            var = runningVar.toFloatArray();
            for (int j = 0; j < s.c; j++) BatchNormKernel.scaleOf(j, w, var, eps, invstd, scale);
            kernel.combine(null, null, mean, scale, b == null ? new float[s.c] : b, y);
        }
        Tensor out = Tensor.wrap(y, input.shape());

        Tensor[] saved = weight == null ? new Tensor[] {input} : new Tensor[] {input, weight};
        return Autograd.record(op, out, present(input, weight, bias), saved, g -> {
            float[] gd = g.contiguousData();
            boolean needX = input.requiresGrad(), needW = weight != null && weight.requiresGrad();
            boolean needB = bias != null && bias.requiresGrad();
            float[] sumG = new float[s.c], sumGX = new float[s.c];
            float[] dx = needX ? new float[x.length] : null;
            if (training) {
                kernel.backward(gd, mean, invstd, scale, sumG, sumGX, dx);
            } else {
                if (needW || needB) kernel.backward(gd, mean, invstd, scale, sumG, sumGX, null);
                // eval: the statistics are constants, dx = g scale
                float[] zeros = new float[s.c];
                if (needX) new BatchNormKernel(gd, s.n, s.c, s.l).combine(null, null, zeros, scale, zeros, dx);
            }
            Tensor dw = null;
            if (needW) {
                float[] dwd = new float[s.c];
                for (int j = 0; j < s.c; j++) dwd[j] = sumGX[j] * invstd[j];
                dw = Tensor.wrap(dwd, weight.shape());
            }
            return pick(new Tensor[] {input, weight, bias}, new Tensor[] {needX ? Tensor.wrap(dx, input.shape()) : null,
                dw, needB ? Tensor.wrap(sumG, bias.shape()) : null});
        });
    }

    /**
     * {@code torch.nn.functional.instance_norm}: each (sample, channel) plane normalized by its own
     * statistics, computed as PyTorch does, by batch normalization of the input seen as
     * {@code [1, N C, *]} with the affine parameters and running statistics repeated {@code N} times;
     * the running statistics then become the mean over the batch of the updated copies.
     *
     * <p>Shapes: input {@code [N, C, *]}; weight, bias and running statistics {@code [C]} (each may be
     * null); output as input.
     */
    public static Tensor instanceNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                      boolean useInputStats, double momentum, double eps) {
        String op = "instanceNorm";
        Layout s = Layout.of(op, input);
        checkVector(op, "weight", weight, s.c, input);
        checkVector(op, "bias", bias, s.c, input);
        checkVector(op, "running_mean", runningMean, s.c, input);
        checkVector(op, "running_var", runningVar, s.c, input);
        if (useInputStats && s.l == 1) {
            throw new ShapeException(op + ": expected more than 1 spatial element when training, got input shape "
                    + input.shape() + "; hint: instance normalization needs a spatial extent, e.g. [N, C, H, W]",
                    input.shape());
        }
        if (!useInputStats && runningMean == null) {
            throw new IllegalArgumentException(op + ": running_mean and running_var are required when"
                    + " useInputStats is false; hint: pass useInputStats=true to normalize each plane by its own"
                    + " statistics");
        }
        Tensor planes = input.reshape(1, s.n * s.c, s.l);
        Tensor rm = repeatCopy(runningMean, s.n), rv = repeatCopy(runningVar, s.n);
        Tensor out = batchNorm(planes, rm, rv, repeat(weight, s.n), repeat(bias, s.n), useInputStats, momentum,
                eps);
        if (runningMean != null && useInputStats) {
            try (var scope = Autograd.noGrad()) {
                runningMean.copyInPlace(rm.view(s.n, s.c).mean(0));
                runningVar.copyInPlace(rv.view(s.n, s.c).mean(0));
            }
        }
        return out.reshape(input.shape().dims());
    }

    /** {@code t} repeated {@code n} times along its one dimension (gradients sum back); null stays null. */
    private static Tensor repeat(Tensor t, int n) {
        if (t == null) return null;
        Tensor flat = t.reshape(t.numel());
        return flat.unsqueeze(0).expand(n, flat.numel()).reshape(n * flat.numel());
    }

    /** A new tensor holding {@code t}'s values {@code n} times over, for running statistics; null stays null. */
    private static Tensor repeatCopy(Tensor t, int n) {
        if (t == null) return null;
        float[] v = t.toFloatArray(), out = new float[v.length * n];
        for (int i = 0; i < n; i++) System.arraycopy(v, 0, out, i * v.length, v.length);
        return Tensor.wrap(out, Shape.of(out.length));
    }

    private static void updateRunning(Tensor runningMean, Tensor runningVar, float[] mean, float[] var, double count,
                                      double momentum) {
        float[] rm = runningMean.toFloatArray(), rv = runningVar.toFloatArray();
        for (int j = 0; j < rm.length; j++) {
            rm[j] = (float) ((1 - momentum) * rm[j] + momentum * mean[j]);
            rv[j] = (float) ((1 - momentum) * rv[j] + momentum * (var[j] * count / (count - 1)));
        }
        try (var scope = Autograd.noGrad()) {
            runningMean.copyInPlace(Tensor.wrap(rm, runningMean.shape()));
            runningVar.copyInPlace(Tensor.wrap(rv, runningVar.shape()));
        }
    }

    /** Fails unless {@code v} (when given) is a float vector of {@code c} elements. */
    static void checkVector(String op, String name, Tensor v, int c, Tensor input) {
        if (v == null) return;
        if (v.numel() != c || v.dim() != 1) {
            throw new ShapeException(op + ": expected " + name + " of shape [" + c + "] (the input's " + c
                    + " channels, dimension 1 of shape " + input.shape() + "), got shape " + v.shape()
                    + "; hint: the layer's num_features must equal the input's channel count", v.shape(),
                    input.shape());
        }
        if (!v.isFloat()) {
            throw new IllegalArgumentException(op + ": expected " + name + " to be float32, got "
                    + v.dtype().torchName());
        }
    }

    /** The non-null tensors of {@code all}, in order. */
    static Tensor[] present(Tensor... all) {
        return java.util.Arrays.stream(all).filter(java.util.Objects::nonNull).toArray(Tensor[]::new);
    }

    /** The gradients of the non-null inputs of {@code all}, in order. */
    static Tensor[] pick(Tensor[] all, Tensor[] grads) {
        Tensor[] out = new Tensor[present(all).length];
        for (int i = 0, o = 0; i < all.length; i++) if (all[i] != null) out[o++] = grads[i];
        return out;
    }

    /** Input seen as {@code [N, C, L]}, L the product of the dimensions after the channels. */
    record Layout(int n, int c, int l) {
        static Layout of(String op, Tensor input) {
            if (input.dim() < 2) {
                throw new ShapeException(op + ": expected input of shape [N, C] or [N, C, *], got shape "
                        + input.shape() + "; hint: add a batch dimension with unsqueeze(0)", input.shape());
            }
            if (!input.isFloat()) {
                throw new IllegalArgumentException(op + ": expected a float32 input, got " + input.dtype().torchName()
                        + " of shape " + input.shape() + "; hint: convert with toFloat()");
            }
            int[] d = input.shape().dims();
            int l = 1;
            for (int i = 2; i < d.length; i++) l *= d[i];
            return new Layout(d[0], d[1], l);
        }
    }
}
