package io.neurite.optim;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Tensor;
import java.util.List;

/**
 * Adamax, Adam with the infinity norm (Kingma and Ba, ICLR 2015, section 7), as
 * {@code torch.optim.Adamax}:
 *
 * <pre>
 * g = grad + weightDecay * p
 * m = beta1 * m + (1 - beta1) * g
 * u = max(beta2 * u, |g| + eps)
 * p = p - lr / (1 - beta1^t) * m / u
 * </pre>
 */
public final class Adamax extends Optimizer<Adamax.Options> {

    /** Adamax's hyper-parameters; {@link #options()} gives PyTorch's defaults. */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean maximize)
            implements BetasOptions<Options> {

        public Options {
            Check.nonNegative("Adamax", "lr", lr);
            Check.unitOpen("Adamax", "beta1", beta1);
            Check.unitOpen("Adamax", "beta2", beta2);
            Check.nonNegative("Adamax", "eps", eps);
            Check.nonNegative("Adamax", "weightDecay", weightDecay);
        }

        @Override
        public Options withLr(double lr) {
            return new Options(lr, beta1, beta2, eps, weightDecay, maximize);
        }

        @Override
        public Options withBetas(double beta1, double beta2) {
            return new Options(lr, beta1, beta2, eps, weightDecay, maximize);
        }

        public Options withEps(double eps) {
            return new Options(lr, beta1, beta2, eps, weightDecay, maximize);
        }

        public Options withWeightDecay(double weightDecay) {
            return new Options(lr, beta1, beta2, eps, weightDecay, maximize);
        }

        public Options withMaximize(boolean maximize) {
            return new Options(lr, beta1, beta2, eps, weightDecay, maximize);
        }
    }

    /** lr = 2e-3, betas = (0.9, 0.999), eps = 1e-8, no weight decay. */
    public static Options options() {
        return new Options(2e-3, 0.9, 0.999, 1e-8, 0, false);
    }

    public Adamax(List<Tensor> params) {
        this(params, options());
    }

    public Adamax(List<Tensor> params, Options options) {
        super(params, options);
    }

    @Override
    protected void update(Options o, float[] p, float[] g, ParamState s) {
        long t = s.incrementStep();
        float[] m = s.buffer("expAvg", 0f);
        float[] u = s.buffer("expInf", 0f);
        float sign = o.maximize() ? -1f : 1f;
        float wd = (float) o.weightDecay();
        float b1 = (float) o.beta1(), a1 = (float) (1 - o.beta1()), b2 = (float) o.beta2(), eps = (float) o.eps();
        float negClr = (float) -(o.lr() / (1 - Math.pow(o.beta1(), t)));
        Parallel.forRange(p.length, GRAIN, (from, to) -> kernel(p, g, m, u, from, to, sign, wd, b1, a1, b2, eps,
                negClr));
    }

    /** The Adamax update of elements {@code [from, to)}. */
    static void kernel(float[] p, float[] g, float[] m, float[] u, int from, int to, float sign, float wd, float b1,
                       float a1, float b2, float eps, float negClr) {
        for (int i = from; i < to; i++) {
            float gi = sign * g[i];
            if (wd != 0f) gi = gi + wd * p[i];
            float mi = m[i] * b1 + a1 * gi;
            m[i] = mi;
            float ui = Math.max(u[i] * b2, Math.abs(gi) + eps);
            u[i] = ui;
            p[i] = p[i] + negClr * mi / ui;
        }
    }
}
