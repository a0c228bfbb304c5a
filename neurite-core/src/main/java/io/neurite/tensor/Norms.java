package io.neurite.tensor;

/** Vector p-norms over any set of dimensions, with {@code keepdim}, as PyTorch's {@code norm}. */
final class Norms {

    private Norms() {}

    /**
     * {@code (sum |x|^p)^(1/p)} for {@code p > 0}, {@code max |x|} for {@code p = +inf}; 0 for no
     * elements. Accumulated in double. Backward as PyTorch's norm_backward, where a zero norm gives a
     * zero gradient rather than NaN.
     */
    static Tensor norm(Tensor t, float p, int[] dims, boolean keepdim) {
        if (!(p > 0)) {
            throw new IllegalArgumentException("norm: p must be positive or Float.POSITIVE_INFINITY, got " + p
                    + "; hint: p = 2 is the Euclidean norm, p = 1 the sum of absolute values");
        }
        ReducedLayout layout = ReducedLayout.of("norm", t, dims, keepdim);
        Tensor out = Reductions.reduceRows(layout, (x, off, n) -> pNorm(x, off, n, p));
        return Autograd.record("norm", out, new Tensor[] {t}, new Tensor[] {t, out}, g -> {
            int[] kept = layout.keptShape().dims();
            return new Tensor[] {gradient(layout, p, out.reshape(kept), g.reshape(kept))};
        });
    }

    private static float pNorm(float[] x, int off, int n, float p) {
        double acc = 0;
        if (p == Float.POSITIVE_INFINITY) {
            for (int i = 0; i < n; i++) acc = Math.max(acc, Math.abs(x[off + i]));
            return (float) acc;
        }
        for (int i = 0; i < n; i++) {
            double a = Math.abs(x[off + i]);
            acc += p == 1f ? a : p == 2f ? a * a : Math.pow(a, p);
        }
        return (float) (p == 1f ? acc : p == 2f ? Math.sqrt(acc) : Math.pow(acc, 1.0 / p));
    }

    /** The gradient with {@code norm} and {@code g} in the kept shape (reduced dimensions of size 1). */
    private static Tensor gradient(ReducedLayout layout, float p, Tensor norm, Tensor g) {
        Tensor x = layout.source();
        if (p == 1f) return x.sign().mul(g);
        if (p == 2f) return x.div(nonZero(norm)).mul(g);
        if (p == Float.POSITIVE_INFINITY) {
            // shared evenly by the elements that reach the maximum (or are NaN)
            Tensor abs = x.abs();
            Tensor ties = abs.eq(norm).add(abs.ne(abs));
            Tensor count = Reductions.sum(ties, layout.reducedDims(), true);
            return x.sign().mul(ties).mul(g.div(count));
        }
        if (p < 1f) return x.sign().mul(nonZero(x.abs()).pow(p - 1f)).mul(g).mul(norm.pow(1f - p));
        Tensor scaled = p < 2f ? x.sign().mul(x.abs().pow(p - 1f)) : x.mul(x.abs().pow(p - 2f));
        return scaled.mul(g.div(nonZero(norm).pow(p - 1f)));
    }

    /** {@code t} with zeros replaced by ones, so a division by it stays finite where PyTorch masks a zero. */
    private static Tensor nonZero(Tensor t) {
        return t.add(t.eq(0f));
    }
}
