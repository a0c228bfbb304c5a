package io.neurite.tensor;

/**
 * Variance, standard deviation and log-sum-exp over any set of dimensions, with {@code keepdim}. Each
 * run is accumulated in double precision.
 */
final class Statistics {

    private Statistics() {}

    /**
     * {@code sum((x - mean)^2) / max(0, N - correction)}, two passes (mean first) for accuracy;
     * correction 1 is the unbiased estimate, 0 the biased one normalization layers use. Backward:
     * {@code 2 (x - mean) / (N - correction)}, as PyTorch's var_backward.
     */
    static Tensor var(Tensor t, int[] dims, int correction, boolean keepdim) {
        ReducedLayout layout = ReducedLayout.of("var", t, dims, keepdim);
        Tensor out = Reductions.reduceRows(layout, (x, off, n) -> variance(x, off, n, correction));
        return Autograd.record("var", out, new Tensor[] {t}, new Tensor[] {t},
                g -> new Tensor[] {varianceGrad(layout, correction, g)});
    }

    /** {@code sqrt(var)}. Backward: {@code g / (2 std)} through var, 0 where std is 0, as PyTorch's std_backward. */
    static Tensor std(Tensor t, int[] dims, int correction, boolean keepdim) {
        ReducedLayout layout = ReducedLayout.of("std", t, dims, keepdim);
        Tensor out = Reductions.reduceRows(layout,
                (x, off, n) -> (float) Math.sqrt(variance(x, off, n, correction)));
        return Autograd.record("std", out, new Tensor[] {t}, new Tensor[] {t, out}, g -> {
            Tensor zero = out.eq(0f);
            Tensor scaled = g.div(out.add(zero).mul(2f)).mul(zero.rsub(1f));
            return new Tensor[] {varianceGrad(layout, correction, scaled)};
        });
    }

    private static float variance(float[] x, int off, int n, int correction) {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += x[off + i];
        double mean = sum / n, squares = 0;
        for (int i = 0; i < n; i++) {
            double d = x[off + i] - mean;
            squares += d * d;
        }
        return (float) (squares / Math.max(0, n - correction));
    }

    /** {@code g * 2 (x - mean) / (N - correction)}, with {@code g} of the output's shape. */
    private static Tensor varianceGrad(ReducedLayout layout, int correction, Tensor g) {
        Tensor x = layout.source();
        Tensor centered = x.sub(x.mean(layout.reducedDims(), true));
        return centered.mul(g.reshape(layout.keptShape().dims())).mul(2f / (layout.rowLength() - correction));
    }

    /**
     * {@code log(sum(exp(x)))}, computed as {@code m + log(sum(exp(x - m)))} with {@code m} the run's
     * maximum (0 when infinite), so large inputs do not overflow; -inf for no elements. Backward:
     * {@code g exp(x - result)}, the softmax.
     */
    static Tensor logsumexp(Tensor t, int[] dims, boolean keepdim) {
        ReducedLayout layout = ReducedLayout.of("logsumexp", t, dims, keepdim);
        Tensor out = Reductions.reduceRows(layout, Statistics::logSumExp);
        return Autograd.record("logsumexp", out, new Tensor[] {t}, new Tensor[] {t, out}, g -> {
            int[] kept = layout.keptShape().dims();
            return new Tensor[] {t.sub(out.reshape(kept)).exp().mul(g.reshape(kept))};
        });
    }

    private static float logSumExp(float[] x, int off, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.max(m, x[off + i]);
        double shift = Float.isInfinite(m) ? 0 : m, sum = 0;
        for (int i = 0; i < n; i++) sum += Math.exp(x[off + i] - shift);
        return (float) (Math.log(sum) + shift);
    }
}
