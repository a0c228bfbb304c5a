package io.neurite.nn.functional;

import io.neurite.nn.loss.Reduction;
import io.neurite.tensor.Tensor;

/**
 * The Kullback-Leibler divergence of a target distribution from the input's, with the input given
 * as log-probabilities (e.g. a log-softmax). Use it through {@link io.neurite.nn.F#klDiv}.
 *
 * <p>Pointwise {@code l = y (log y - x)} (0 where {@code y = 0}), or {@code l = exp(y) (y - x)} when
 * the target is given as log-probabilities too. {@link Reduction#BATCHMEAN} divides the sum by the
 * batch size, which is the true KL divergence; MEAN divides by the number of elements, as PyTorch.
 * The target gradient is {@code log y + 1 - x}, taken as 0 where {@code y = 0} (PyTorch 1.13 gives NaN
 * there).
 */
public final class KlDivergence {

    static final String LOSS = "KLDivLoss";

    private KlDivergence() {}

    public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
        if (reduction == null) throw new IllegalArgumentException(LOSS + ": reduction must not be null");
        LossChecks.sameShapeFloatTarget(LOSS, input, target);
        double denominator = reduction == Reduction.BATCHMEAN ? (input.dim() == 0 ? 1 : input.size(0)) : input.numel();
        return Pointwise.apply("klDiv", new Divergence(logTarget), input, target, null, null, reduction, denominator);
    }

    private record Divergence(boolean logTarget) implements Pointwise {

        @Override
        public void values(Operands o, float[] out, int from, int to) {
            float[] x = o.x(), y = o.y();
            for (int i = from; i < to; i++) {
                double yi = y[i];
                out[i] = (float) (logTarget ? Math.exp(yi) * (yi - x[i]) : xlogy(yi) - yi * x[i]);
            }
        }

        @Override
        public void grads(Operands o, float[] gx, float[] gy, int from, int to) {
            float[] x = o.x(), y = o.y();
            for (int i = from; i < to; i++) {
                double yi = y[i];
                if (gx != null) gx[i] = (float) (logTarget ? -Math.exp(yi) : -yi);
                if (gy != null) {
                    gy[i] = (float) (logTarget ? Math.exp(yi) * (yi - x[i] + 1) : yi == 0 ? 0 : Math.log(yi) + 1 - x[i]);
                }
            }
        }

        /** {@code y log y}, 0 at {@code y = 0} (PyTorch's xlogy). */
        private static double xlogy(double y) {
            return y == 0 ? 0 : y * Math.log(y);
        }
    }
}
