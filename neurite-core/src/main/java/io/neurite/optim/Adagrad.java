package io.neurite.optim;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Tensor;
import java.util.List;

/**
 * Adagrad (Duchi, Hazan and Singer, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization", JMLR 2011), as {@code torch.optim.Adagrad}: each coordinate's step
 * shrinks with the sum of its squared gradients.
 *
 * <pre>
 * g = grad + weightDecay * p
 * clr = lr / (1 + (t - 1) * lrDecay)
 * sum = sum + g^2                       (sum starts at initialAccumulatorValue)
 * p = p - clr * g / (sqrt(sum) + eps)
 * </pre>
 */
public final class Adagrad extends Optimizer<Adagrad.Options> {

    /** Adagrad's hyper-parameters; {@link #options()} gives PyTorch's defaults. */
    public record Options(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps,
                          boolean maximize) implements OptimizerOptions<Options> {

        public Options {
            Check.nonNegative("Adagrad", "lr", lr);
            Check.nonNegative("Adagrad", "lrDecay", lrDecay);
            Check.nonNegative("Adagrad", "weightDecay", weightDecay);
            Check.nonNegative("Adagrad", "initialAccumulatorValue", initialAccumulatorValue);
            Check.nonNegative("Adagrad", "eps", eps);
        }

        @Override
        public Options withLr(double lr) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
        }

        public Options withLrDecay(double lrDecay) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
        }

        public Options withWeightDecay(double weightDecay) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
        }

        public Options withInitialAccumulatorValue(double initialAccumulatorValue) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
        }

        public Options withEps(double eps) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
        }

        public Options withMaximize(boolean maximize) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
        }
    }

    /** lr = 1e-2, no lr decay or weight decay, initial accumulator 0, eps = 1e-10. */
    public static Options options() {
        return new Options(1e-2, 0, 0, 0, 1e-10, false);
    }

    public Adagrad(List<Tensor> params) {
        this(params, options());
    }

    public Adagrad(List<Tensor> params, Options options) {
        super(params, options);
    }

    @Override
    protected void update(Options o, float[] p, float[] g, ParamState s) {
        float[] sum = s.buffer("sum", (float) o.initialAccumulatorValue());
        long t = s.incrementStep();
        float sign = o.maximize() ? -1f : 1f;
        float wd = (float) o.weightDecay();
        float eps = (float) o.eps();
        float negClr = (float) -(o.lr() / (1 + (t - 1) * o.lrDecay()));
        Parallel.forRange(p.length, GRAIN, (from, to) -> kernel(p, g, sum, from, to, sign, wd, eps, negClr));
    }

    /** The Adagrad update of elements {@code [from, to)}. */
    static void kernel(float[] p, float[] g, float[] sum, int from, int to, float sign, float wd, float eps,
                       float negClr) {
        for (int i = from; i < to; i++) {
            float gi = sign * g[i];
            if (wd != 0f) gi = gi + wd * p[i];
            float si = sum[i] + gi * gi;
            sum[i] = si;
            p[i] = p[i] + negClr * gi / ((float) Math.sqrt(si) + eps);
        }
    }
}
