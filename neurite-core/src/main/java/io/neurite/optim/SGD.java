package io.neurite.optim;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Tensor;
import java.util.List;

/**
 * Stochastic gradient descent, optionally with momentum (heavy ball or Nesterov), dampening,
 * weight decay (L2) and maximization, as {@code torch.optim.SGD}:
 *
 * <pre>
 * g = grad + weightDecay * p            (grad negated when maximizing)
 * b = g on the first step, else momentum * b + (1 - dampening) * g
 * p = p - lr * (nesterov ? g + momentum * b : b)          (p - lr * g without momentum)
 * </pre>
 *
 * Nesterov momentum: Sutskever et al., "On the importance of initialization and momentum in deep
 * learning", ICML 2013.
 */
public final class SGD extends Optimizer<SGD.Options> {

    /** SGD's hyper-parameters; {@link #options(double)} gives PyTorch's defaults for a learning rate. */
    public record Options(double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
                          boolean maximize) implements MomentumOptions<Options> {

        public Options {
            Check.nonNegative("SGD", "lr", lr);
            Check.nonNegative("SGD", "momentum", momentum);
            Check.unitClosed("SGD", "dampening", dampening);
            Check.nonNegative("SGD", "weightDecay", weightDecay);
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new IllegalArgumentException("SGD: nesterov momentum requires momentum > 0 and dampening = 0,"
                        + " got momentum=" + momentum + ", dampening=" + dampening);
            }
        }

        @Override
        public Options withLr(double lr) {
            return new Options(lr, momentum, dampening, weightDecay, nesterov, maximize);
        }

        @Override
        public Options withMomentum(double momentum) {
            return new Options(lr, momentum, dampening, weightDecay, nesterov, maximize);
        }

        public Options withDampening(double dampening) {
            return new Options(lr, momentum, dampening, weightDecay, nesterov, maximize);
        }

        public Options withWeightDecay(double weightDecay) {
            return new Options(lr, momentum, dampening, weightDecay, nesterov, maximize);
        }

        public Options withNesterov(boolean nesterov) {
            return new Options(lr, momentum, dampening, weightDecay, nesterov, maximize);
        }

        public Options withMaximize(boolean maximize) {
            return new Options(lr, momentum, dampening, weightDecay, nesterov, maximize);
        }
    }

    /** Plain SGD at learning rate {@code lr} (PyTorch requires the learning rate; the rest default to 0/false). */
    public static Options options(double lr) {
        return new Options(lr, 0, 0, 0, false, false);
    }

    public SGD(List<Tensor> params, double lr) {
        this(params, options(lr));
    }

    public SGD(List<Tensor> params, Options options) {
        super(params, options);
    }

    @Override
    protected void update(Options o, float[] p, float[] g, ParamState s) {
        float sign = o.maximize() ? -1f : 1f;
        float wd = (float) o.weightDecay();
        float negLr = (float) -o.lr();
        if (o.momentum() == 0) {
            Parallel.forRange(p.length, GRAIN, (from, to) -> plain(p, g, from, to, sign, wd, negLr));
            return;
        }
        boolean first = s.buffer("momentumBuffer") == null;
        float[] buf = s.buffer("momentumBuffer", 0f);
        float momentum = (float) o.momentum();
        float keep = (float) (1 - o.dampening());
        boolean nesterov = o.nesterov();
        Parallel.forRange(p.length, GRAIN, (from, to) ->
                momentum(p, g, buf, from, to, sign, wd, negLr, first, momentum, keep, nesterov));
    }

    /** {@code p += negLr * (sign * g + wd * p)} over {@code [from, to)}. */
    static void plain(float[] p, float[] g, int from, int to, float sign, float wd, float negLr) {
        for (int i = from; i < to; i++) {
            float d = sign * g[i];
            if (wd != 0f) d = d + wd * p[i];
            p[i] = p[i] + negLr * d;
        }
    }

    /** The momentum update over {@code [from, to)}; on the first step the buffer starts as the gradient. */
    static void momentum(float[] p, float[] g, float[] buf, int from, int to, float sign, float wd, float negLr,
                         boolean first, float momentum, float keep, boolean nesterov) {
        for (int i = from; i < to; i++) {
            float d = sign * g[i];
            if (wd != 0f) d = d + wd * p[i];
            float b = first ? d : buf[i] * momentum + keep * d;
            buf[i] = b;
            float step = nesterov ? d + momentum * b : b;
            p[i] = p[i] + negLr * step;
        }
    }
}
