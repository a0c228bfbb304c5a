package io.neurite.optim;

import io.neurite.tensor.Tensor;
import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019), as {@code torch.optim.AdamW}: the parameter shrinks by
 * {@code p = p * (1 - lr * weightDecay)} before the Adam update, instead of the decay entering the
 * gradient (and so the moment estimates). Default weight decay 1e-2.
 */
public final class AdamW extends Optimizer<AdamW.Options> {

    /** AdamW's hyper-parameters; {@link #options()} gives PyTorch's defaults. */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                          boolean maximize) implements BetasOptions<Options> {

        public Options {
            Check.nonNegative("AdamW", "lr", lr);
            Check.unitOpen("AdamW", "beta1", beta1);
            Check.unitOpen("AdamW", "beta2", beta2);
            Check.nonNegative("AdamW", "eps", eps);
            Check.nonNegative("AdamW", "weightDecay", weightDecay);
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

    /** lr = 1e-3, betas = (0.9, 0.999), eps = 1e-8, weight decay 1e-2, no amsgrad. */
    public static Options options() {
        return new Options(1e-3, 0.9, 0.999, 1e-8, 1e-2, false, false);
    }

    public AdamW(List<Tensor> params) {
        this(params, options());
    }

    public AdamW(List<Tensor> params, Options options) {
        super(params, options);
    }

    @Override
    protected void update(Options o, float[] p, float[] g, ParamState s) {
        long t = s.incrementStep();
        Adam.apply(p, g, s, o.amsgrad(), Adam.Coefficients.of(t, o.lr(), o.beta1(), o.beta2(), o.eps(), 0,
                o.weightDecay(), o.maximize()));
    }
}
