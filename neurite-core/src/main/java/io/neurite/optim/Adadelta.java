package io.neurite.optim;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Tensor;
import java.util.List;

/**
 * Adadelta (Zeiler, "ADADELTA: An Adaptive Learning Rate Method", 2012), as
 * {@code torch.optim.Adadelta}; the step's scale comes from the running average of past updates,
 * so the learning rate defaults to 1:
 *
 * <pre>
 * g = grad + weightDecay * p
 * v = rho * v + (1 - rho) * g^2
 * delta = sqrt(u + eps) / sqrt(v + eps) * g
 * u = rho * u + (1 - rho) * delta^2
 * p = p - lr * delta
 * </pre>
 */
public final class Adadelta extends Optimizer<Adadelta.Options> {

    /** Adadelta's hyper-parameters; {@link #options()} gives PyTorch's defaults. */
    public record Options(double lr, double rho, double eps, double weightDecay, boolean maximize)
            implements OptimizerOptions<Options> {

        public Options {
            Check.nonNegative("Adadelta", "lr", lr);
            Check.unitClosed("Adadelta", "rho", rho);
            Check.nonNegative("Adadelta", "eps", eps);
            Check.nonNegative("Adadelta", "weightDecay", weightDecay);
        }

        @Override
        public Options withLr(double lr) {
            return new Options(lr, rho, eps, weightDecay, maximize);
        }

        public Options withRho(double rho) {
            return new Options(lr, rho, eps, weightDecay, maximize);
        }

        public Options withEps(double eps) {
            return new Options(lr, rho, eps, weightDecay, maximize);
        }

        public Options withWeightDecay(double weightDecay) {
            return new Options(lr, rho, eps, weightDecay, maximize);
        }

        public Options withMaximize(boolean maximize) {
            return new Options(lr, rho, eps, weightDecay, maximize);
        }
    }

    /** lr = 1.0, rho = 0.9, eps = 1e-6, no weight decay. */
    public static Options options() {
        return new Options(1.0, 0.9, 1e-6, 0, false);
    }

    public Adadelta(List<Tensor> params) {
        this(params, options());
    }

    public Adadelta(List<Tensor> params, Options options) {
        super(params, options);
    }

    @Override
    protected void update(Options o, float[] p, float[] g, ParamState s) {
        float[] v = s.buffer("squareAvg", 0f);
        float[] u = s.buffer("accDelta", 0f);
        float sign = o.maximize() ? -1f : 1f;
        float wd = (float) o.weightDecay(), rho = (float) o.rho(), a = (float) (1 - o.rho());
        float eps = (float) o.eps(), negLr = (float) -o.lr();
        Parallel.forRange(p.length, GRAIN, (from, to) -> kernel(p, g, v, u, from, to, sign, wd, rho, a, eps, negLr));
    }

    /** The Adadelta update of elements {@code [from, to)}. */
    static void kernel(float[] p, float[] g, float[] v, float[] u, int from, int to, float sign, float wd, float rho,
                       float oneMinusRho, float eps, float negLr) {
        for (int i = from; i < to; i++) {
            float gi = sign * g[i];
            if (wd != 0f) gi = gi + wd * p[i];
            float vi = v[i] * rho + oneMinusRho * gi * gi;
            v[i] = vi;
            float std = (float) Math.sqrt(vi + eps);
            float delta = (float) Math.sqrt(u[i] + eps) / std * gi;
            u[i] = u[i] * rho + oneMinusRho * delta * delta;
            p[i] = p[i] + negLr * delta;
        }
    }
}
