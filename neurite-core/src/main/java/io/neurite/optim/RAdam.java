package io.neurite.optim;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Tensor;
import java.util.List;

/**
 * Rectified Adam (Liu et al., "On the Variance of the Adaptive Learning Rate and Beyond", ICLR
 * 2020), as {@code torch.optim.RAdam}: plain momentum SGD while the variance estimate is unreliable
 * ({@code rho_t <= 5}), then Adam scaled by the rectification term {@code r_t}:
 *
 * <pre>
 * m = beta1 * m + (1 - beta1) * g,  v = beta2 * v + (1 - beta2) * g^2,  m^ = m / (1 - beta1^t)
 * rho_inf = 2 / (1 - beta2) - 1,  rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t)
 * rho_t > 5:  r_t = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
 *             p = p - m^ * lr * sqrt(1 - beta2^t) / (sqrt(v) + eps) * r_t
 * else:       p = p - m^ * lr
 * </pre>
 */
public final class RAdam extends Optimizer<RAdam.Options> {

    /** RAdam's hyper-parameters; {@link #options()} gives PyTorch's defaults. */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay)
            implements BetasOptions<Options> {

        public Options {
            Check.nonNegative("RAdam", "lr", lr);
            Check.unitOpen("RAdam", "beta1", beta1);
            Check.unitOpen("RAdam", "beta2", beta2);
            Check.nonNegative("RAdam", "eps", eps);
            Check.nonNegative("RAdam", "weightDecay", weightDecay);
        }

        @Override
        public Options withLr(double lr) {
            return new Options(lr, beta1, beta2, eps, weightDecay);
        }

        @Override
        public Options withBetas(double beta1, double beta2) {
            return new Options(lr, beta1, beta2, eps, weightDecay);
        }

        public Options withEps(double eps) {
            return new Options(lr, beta1, beta2, eps, weightDecay);
        }

        public Options withWeightDecay(double weightDecay) {
            return new Options(lr, beta1, beta2, eps, weightDecay);
        }
    }

    /** lr = 1e-3, betas = (0.9, 0.999), eps = 1e-8, no weight decay. */
    public static Options options() {
        return new Options(1e-3, 0.9, 0.999, 1e-8, 0);
    }

    public RAdam(List<Tensor> params) {
        this(params, options());
    }

    public RAdam(List<Tensor> params, Options options) {
        super(params, options);
    }

    @Override
    protected void update(Options o, float[] p, float[] g, ParamState s) {
        long t = s.incrementStep();
        float[] m = s.buffer("expAvg", 0f);
        float[] v = s.buffer("expAvgSq", 0f);
        double bc1 = 1 - Math.pow(o.beta1(), t);
        double bc2 = 1 - Math.pow(o.beta2(), t);
        double rhoInf = 2 / (1 - o.beta2()) - 1;
        double rhoT = rhoInf - 2 * t * Math.pow(o.beta2(), t) / bc2;
        boolean rectified = rhoT > 5;
        double rect = rectified
                ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 1;
        Coefficients c = new Coefficients((float) o.weightDecay(), (float) o.beta1(), (float) (1 - o.beta1()),
                (float) o.beta2(), (float) (1 - o.beta2()), (float) bc1, (float) o.lr(), rectified,
                (float) Math.sqrt(bc2), (float) o.eps(), (float) rect);
        Parallel.forRange(p.length, GRAIN, (from, to) -> kernel(p, g, m, v, from, to, c));
    }

    /** The per-step scalars as float32. */
    record Coefficients(float wd, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float bc1,
                        float lr, boolean rectified, float bc2Sqrt, float eps, float rect) {}

    /** The RAdam update of elements {@code [from, to)}, in PyTorch's order of float operations. */
    static void kernel(float[] p, float[] g, float[] m, float[] v, int from, int to, Coefficients c) {
        final float wd = c.wd(), b1 = c.beta1(), a1 = c.oneMinusBeta1(), b2 = c.beta2(), a2 = c.oneMinusBeta2();
        final float bc1 = c.bc1(), lr = c.lr(), bc2Sqrt = c.bc2Sqrt(), eps = c.eps(), rect = c.rect();
        final boolean rectified = c.rectified();
        for (int i = from; i < to; i++) {
            float gi = g[i];
            if (wd != 0f) gi = gi + wd * p[i];
            float mi = m[i] * b1 + a1 * gi;
            float vi = v[i] * b2 + a2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            float corrected = mi / bc1;
            float step;
            if (rectified) {
                float adaptive = (1f / ((float) Math.sqrt(vi) + eps)) * bc2Sqrt;
                step = corrected * lr * adaptive * rect;
            } else {
                step = corrected * lr;
            }
            p[i] = p[i] - step;
        }
    }
}
