package io.neurite.optim;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Tensor;
import java.util.List;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015), optionally with
 * AMSGrad (Reddi et al., "On the Convergence of Adam and Beyond", ICLR 2018), as
 * {@code torch.optim.Adam}:
 *
 * <pre>
 * g = grad + weightDecay * p                    (L2 added to the gradient; see AdamW for decoupled decay)
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g^2             (v_max = max(v_max, v) with amsgrad, used in place of v)
 * p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 */
public final class Adam extends Optimizer<Adam.Options> {

    /** Adam's hyper-parameters; {@link #options()} gives PyTorch's defaults. */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                          boolean maximize) implements BetasOptions<Options> {

        public Options {
            Check.nonNegative("Adam", "lr", lr);
            Check.unitOpen("Adam", "beta1", beta1);
            Check.unitOpen("Adam", "beta2", beta2);
            Check.nonNegative("Adam", "eps", eps);
            Check.nonNegative("Adam", "weightDecay", weightDecay);
        }

        @Override
        public Options withLr(double lr) {
            return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
        }

        @Override
        public Options withBetas(double beta1, double beta2) {
            return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
        }

        public Options withEps(double eps) {
            return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
        }

        public Options withWeightDecay(double weightDecay) {
            return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
        }

        public Options withAmsgrad(boolean amsgrad) {
            return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
        }

        public Options withMaximize(boolean maximize) {
            return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
        }
    }

    /** lr = 1e-3, betas = (0.9, 0.999), eps = 1e-8, no weight decay, no amsgrad. */
    public static Options options() {
        return new Options(1e-3, 0.9, 0.999, 1e-8, 0, false, false);
    }

    public Adam(List<Tensor> params) {
        this(params, options());
    }

    public Adam(List<Tensor> params, double lr) {
        this(params, options().withLr(lr));
    }

    public Adam(List<Tensor> params, Options options) {
        super(params, options);
    }

    @Override
    protected void update(Options o, float[] p, float[] g, ParamState s) {
        long t = s.incrementStep();
        Coefficients c = Coefficients.of(t, o.lr(), o.beta1(), o.beta2(), o.eps(), o.weightDecay(), 0, o.maximize());
        apply(p, g, s, o.amsgrad(), c);
    }

    /** Runs {@link #kernel} over the parameter, creating the moment buffers on the first step. */
    static void apply(float[] p, float[] g, ParamState s, boolean amsgrad, Coefficients c) {
        float[] m = s.buffer("expAvg", 0f);
        float[] v = s.buffer("expAvgSq", 0f);
        float[] vMax = amsgrad ? s.buffer("maxExpAvgSq", 0f) : null;
        Parallel.forRange(p.length, GRAIN, (from, to) -> kernel(p, g, m, v, vMax, from, to, c));
    }

    /**
     * The per-step scalars of Adam and AdamW, as float32 (PyTorch casts Python scalars to the tensor's
     * type): gradient sign, L2 weight decay, decoupled decay factor {@code 1 - lr * wd} (1 for Adam),
     * the betas and {@code 1 - beta}, eps, {@code sqrt(1 - beta2^t)} and {@code -lr / (1 - beta1^t)}.
     */
    record Coefficients(float sign, float l2, float decay, float beta1, float oneMinusBeta1, float beta2,
                        float oneMinusBeta2, float eps, float bc2Sqrt, float negStepSize) {

        static Coefficients of(long t, double lr, double beta1, double beta2, double eps, double l2,
                               double decoupled, boolean maximize) {
            double bc1 = 1 - Math.pow(beta1, t);
            double bc2 = 1 - Math.pow(beta2, t);
            return new Coefficients(maximize ? -1f : 1f, (float) l2, (float) (1 - lr * decoupled), (float) beta1,
                    (float) (1 - beta1), (float) beta2, (float) (1 - beta2), (float) eps, (float) Math.sqrt(bc2),
                    (float) (-(lr / bc1)));
        }
    }

    /** The Adam/AdamW update of elements {@code [from, to)}; {@code vMax} is null without amsgrad. */
    static void kernel(float[] p, float[] g, float[] m, float[] v, float[] vMax, int from, int to, Coefficients c) {
        final float sign = c.sign(), l2 = c.l2(), decay = c.decay(), b1 = c.beta1(), a1 = c.oneMinusBeta1();
        final float b2 = c.beta2(), a2 = c.oneMinusBeta2(), eps = c.eps(), bc2Sqrt = c.bc2Sqrt();
        final float negStep = c.negStepSize();
        for (int i = from; i < to; i++) {
            float pi = p[i];
            if (decay != 1f) pi = pi * decay;
            float gi = sign * g[i];
            if (l2 != 0f) gi = gi + l2 * pi;
            float mi = m[i] * b1 + a1 * gi;
            float vi = v[i] * b2 + a2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            if (vMax != null) {
                vi = Math.max(vMax[i], vi);
                vMax[i] = vi;
            }
            float denom = (float) Math.sqrt(vi) / bc2Sqrt + eps;
            p[i] = pi + negStep * mi / denom;
        }
    }
}
