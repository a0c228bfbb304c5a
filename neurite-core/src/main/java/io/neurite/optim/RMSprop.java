package io.neurite.optim;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Tensor;
import java.util.List;

/**
 * RMSprop (Hinton, Coursera "Neural Networks for Machine Learning", lecture 6e; centered form:
 * Graves, "Generating Sequences With Recurrent Neural Networks", 2013), as
 * {@code torch.optim.RMSprop}:
 *
 * <pre>
 * g = grad + weightDecay * p
 * v = alpha * v + (1 - alpha) * g^2
 * a = sqrt(v) + eps                 (centered: m = alpha * m + (1 - alpha) * g, a = sqrt(v - m^2) + eps)
 * b = momentum * b + g / a,  p = p - lr * b    (without momentum: p = p - lr * g / a)
 * </pre>
 */
public final class RMSprop extends Optimizer<RMSprop.Options> {

    /** RMSprop's hyper-parameters; {@link #options()} gives PyTorch's defaults. */
    public record Options(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered,
                          boolean maximize) implements MomentumOptions<Options> {

        public Options {
            Check.nonNegative("RMSprop", "lr", lr);
            Check.unitClosed("RMSprop", "alpha", alpha);
            Check.nonNegative("RMSprop", "eps", eps);
            Check.nonNegative("RMSprop", "weightDecay", weightDecay);
            Check.nonNegative("RMSprop", "momentum", momentum);
        }

        @Override
        public Options withLr(double lr) {
            return new Options(lr, alpha, eps, weightDecay, momentum, centered, maximize);
        }

        @Override
        public Options withMomentum(double momentum) {
            return new Options(lr, alpha, eps, weightDecay, momentum, centered, maximize);
        }

        public Options withAlpha(double alpha) {
            return new Options(lr, alpha, eps, weightDecay, momentum, centered, maximize);
        }

        public Options withEps(double eps) {
            return new Options(lr, alpha, eps, weightDecay, momentum, centered, maximize);
        }

        public Options withWeightDecay(double weightDecay) {
            return new Options(lr, alpha, eps, weightDecay, momentum, centered, maximize);
        }

        public Options withCentered(boolean centered) {
            return new Options(lr, alpha, eps, weightDecay, momentum, centered, maximize);
        }

        public Options withMaximize(boolean maximize) {
            return new Options(lr, alpha, eps, weightDecay, momentum, centered, maximize);
        }
    }

    /** lr = 1e-2, alpha = 0.99, eps = 1e-8, no weight decay, no momentum, not centered. */
    public static Options options() {
        return new Options(1e-2, 0.99, 1e-8, 0, 0, false, false);
    }

    public RMSprop(List<Tensor> params) {
        this(params, options());
    }

    public RMSprop(List<Tensor> params, Options options) {
        super(params, options);
    }

    @Override
    protected void update(Options o, float[] p, float[] g, ParamState s) {
        s.incrementStep();
        float[] v = s.buffer("squareAvg", 0f);
        float[] mean = o.centered() ? s.buffer("gradAvg", 0f) : null;
        float[] buf = o.momentum() > 0 ? s.buffer("momentumBuffer", 0f) : null;
        Coefficients c = new Coefficients(o.maximize() ? -1f : 1f, (float) o.weightDecay(), (float) o.alpha(),
                (float) (1 - o.alpha()), (float) o.eps(), (float) o.momentum(), (float) -o.lr());
        Parallel.forRange(p.length, GRAIN, (from, to) -> kernel(p, g, v, mean, buf, from, to, c));
    }

    /** The per-step scalars as float32. */
    record Coefficients(float sign, float wd, float alpha, float oneMinusAlpha, float eps, float momentum,
                        float negLr) {}

    /** The RMSprop update of {@code [from, to)}; {@code mean} is null unless centered, {@code buf} without momentum. */
    static void kernel(float[] p, float[] g, float[] v, float[] mean, float[] buf, int from, int to,
                       Coefficients c) {
        final float sign = c.sign(), wd = c.wd(), alpha = c.alpha(), a1 = c.oneMinusAlpha(), eps = c.eps();
        final float momentum = c.momentum(), negLr = c.negLr();
        for (int i = from; i < to; i++) {
            float gi = sign * g[i];
            if (wd != 0f) gi = gi + wd * p[i];
            float vi = v[i] * alpha + a1 * gi * gi;
            v[i] = vi;
            float avg;
            if (mean != null) {
                float mi = mean[i] * alpha + a1 * gi;
                mean[i] = mi;
                avg = (float) Math.sqrt(vi + -1f * mi * mi);
            } else {
                avg = (float) Math.sqrt(vi);
            }
            avg = avg + eps;
            if (buf != null) {
                float b = buf[i] * momentum + gi / avg;
                buf[i] = b;
                p[i] = p[i] + negLr * b;
            } else {
                p[i] = p[i] + negLr * gi / avg;
            }
        }
    }
}
