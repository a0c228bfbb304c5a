package io.neurite.optim;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Tensor;
import java.util.List;

/**
 * Adam with Nesterov momentum (Dozat, "Incorporating Nesterov Momentum into Adam", ICLR 2016
 * workshop), as {@code torch.optim.NAdam}, with the momentum schedule
 * {@code mu_t = beta1 * (1 - 0.5 * 0.96^(t * momentumDecay))}:
 *
 * <pre>
 * g = grad + weightDecay * p
 * m = beta1 * m + (1 - beta1) * g,  v = beta2 * v + (1 - beta2) * g^2
 * d = sqrt(v / (1 - beta2^t)) + eps
 * p = p - lr * (1 - mu_t) / (1 - prod_{i<=t} mu_i) * g / d - lr * mu_{t+1} / (1 - prod_{i<=t+1} mu_i) * m / d
 * </pre>
 *
 * The running product of the mu's is kept in float32, as PyTorch keeps it in a float tensor.
 */
public final class NAdam extends Optimizer<NAdam.Options> {

    /** NAdam's hyper-parameters; {@link #options()} gives PyTorch's defaults. */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, double momentumDecay)
            implements BetasOptions<Options> {

        public Options {
            Check.nonNegative("NAdam", "lr", lr);
            Check.unitOpen("NAdam", "beta1", beta1);
            Check.unitOpen("NAdam", "beta2", beta2);
            Check.nonNegative("NAdam", "eps", eps);
            Check.nonNegative("NAdam", "weightDecay", weightDecay);
            Check.nonNegative("NAdam", "momentumDecay", momentumDecay);
        }

        @Override
        public Options withLr(double lr) {
            return new Options(lr, beta1, beta2, eps, weightDecay, momentumDecay);
        }

        @Override
        public Options withBetas(double beta1, double beta2) {
            return new Options(lr, beta1, beta2, eps, weightDecay, momentumDecay);
        }

        public Options withEps(double eps) {
            return new Options(lr, beta1, beta2, eps, weightDecay, momentumDecay);
        }

        public Options withWeightDecay(double weightDecay) {
            return new Options(lr, beta1, beta2, eps, weightDecay, momentumDecay);
        }

        public Options withMomentumDecay(double momentumDecay) {
            return new Options(lr, beta1, beta2, eps, weightDecay, momentumDecay);
        }
    }

    /** lr = 2e-3, betas = (0.9, 0.999), eps = 1e-8, no weight decay, momentum decay 4e-3. */
    public static Options options() {
        return new Options(2e-3, 0.9, 0.999, 1e-8, 0, 4e-3);
    }

    public NAdam(List<Tensor> params) {
        this(params, options());
    }

    public NAdam(List<Tensor> params, Options options) {
        super(params, options);
    }

    @Override
    protected void update(Options o, float[] p, float[] g, ParamState s) {
        long t = s.incrementStep();
        float[] m = s.buffer("expAvg", 0f);
        float[] v = s.buffer("expAvgSq", 0f);
        double beta1 = o.beta1();
        double mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * o.momentumDecay()));
        double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * o.momentumDecay()));
        float muProduct = (float) s.scalar("muProduct", 1.0) * (float) mu;
        s.setScalar("muProduct", muProduct);
        float muProductNext = muProduct * (float) mu * (float) muNext;
        Coefficients c = new Coefficients((float) o.weightDecay(), (float) beta1, (float) (1 - beta1),
                (float) o.beta2(), (float) (1 - o.beta2()), (float) (1 - Math.pow(o.beta2(), t)), (float) o.eps(),
                (float) (-o.lr() * (1 - mu) / (1 - muProduct)), (float) (-o.lr() * muNext / (1 - muProductNext)));
        Parallel.forRange(p.length, GRAIN, (from, to) -> kernel(p, g, m, v, from, to, c));
    }

    /** The per-step scalars as float32: the two step sizes are those of the gradient and of the momentum. */
    record Coefficients(float wd, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float bc2,
                        float eps, float gradStep, float momentumStep) {}

    /** The NAdam update of elements {@code [from, to)} (two additions to p, as PyTorch's two addcdiv_). */
    static void kernel(float[] p, float[] g, float[] m, float[] v, int from, int to, Coefficients c) {
        final float wd = c.wd(), b1 = c.beta1(), a1 = c.oneMinusBeta1(), b2 = c.beta2(), a2 = c.oneMinusBeta2();
        final float bc2 = c.bc2(), eps = c.eps(), gradStep = c.gradStep(), momentumStep = c.momentumStep();
        for (int i = from; i < to; i++) {
            float gi = g[i];
            if (wd != 0f) gi = gi + wd * p[i];
            float mi = m[i] * b1 + a1 * gi;
            float vi = v[i] * b2 + a2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            float denom = (float) Math.sqrt(vi / bc2) + eps;
            float pi = p[i] + gradStep * gi / denom;
            p[i] = pi + momentumStep * mi / denom;
        }
    }
}
