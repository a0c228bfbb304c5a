package io.neurite.nn.functional;

import io.neurite.nn.loss.Reduction;
import io.neurite.tensor.Tensor;

/**
 * Binary cross-entropy of probabilities, or of logits with the sigmoid fused in (the stable form),
 * each fused in one pass forward and one backward. Use them through {@link io.neurite.nn.F}. Weights
 * are constants broadcast to the input's shape; the target gets a gradient when it requires grad.
 */
public final class BinaryCrossEntropy {

    /** PyTorch clamps each log at -100, so a probability of exactly 0 or 1 gives a finite loss. */
    private static final double LOG_FLOOR = -100;
    /** PyTorch's floor on {@code x (1 - x)} in the input gradient. */
    private static final double EPSILON = 1e-12;

    private BinaryCrossEntropy() {}

    /**
     * BCELoss: {@code l = -w (y log x + (1 - y) log(1 - x))}, each log clamped at -100; the input must
     * lie in [0, 1]. {@code weight} may be null.
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        String loss = "BCELoss";
        LossChecks.reduction(loss, reduction);
        LossChecks.sameShapeFloatTarget(loss, input, target);
        float[] w = weight == null ? null : LossChecks.broadcastWeight(loss, "weight", weight, input.shape());
        float[] x = input.detach().contiguousData();
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= 0f && x[i] <= 1f) continue;
            throw new IllegalArgumentException(loss + ": expected input values in [0, 1] (probabilities), got " + x[i]
                    + " at position " + LossChecks.position(i, input.shape()) + "; hint: did you mean BCEWithLogitsLoss?"
                    + " It takes raw scores (logits) and applies the sigmoid itself, stably; or apply sigmoid() first");
        }
        return Pointwise.apply("binaryCrossEntropy", new Probabilities(), input, target, w, null, reduction,
                input.numel());
    }

    /**
     * BCEWithLogitsLoss: {@code l = w ((1 - y) x + (1 + (p - 1) y) softplus(-x))} with
     * {@code softplus(-x) = log(1 + exp(-|x|)) + max(-x, 0)}: without {@code posWeight} (p = 1) this is
     * {@code max(x, 0) - x y + log(1 + exp(-|x|))}, finite for any x. {@code weight} and {@code posWeight}
     * (the weight of positive examples, typically one per class along the last dimension) may be null.
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                                      Reduction reduction) {
        String loss = "BCEWithLogitsLoss";
        LossChecks.reduction(loss, reduction);
        LossChecks.sameShapeFloatTarget(loss, input, target);
        float[] w = weight == null ? null : LossChecks.broadcastWeight(loss, "weight", weight, input.shape());
        float[] pw = posWeight == null ? null : LossChecks.broadcastWeight(loss, "pos_weight", posWeight, input.shape());
        return Pointwise.apply("binaryCrossEntropyWithLogits", new Logits(), input, target, w, pw, reduction,
                input.numel());
    }

    private record Probabilities() implements Pointwise {

        @Override
        public void values(Operands o, float[] out, int from, int to) {
            float[] x = o.x(), y = o.y(), w = o.w();
            for (int i = from; i < to; i++) {
                double l = (y[i] - 1.0) * Math.max(Math.log1p(-x[i]), LOG_FLOOR)
                        - y[i] * Math.max(Math.log(x[i]), LOG_FLOOR);
                out[i] = (float) (w == null ? l : l * w[i]);
            }
        }

        /** dl/dx = w (x - y) / max(x (1 - x), 1e-12); dl/dy = -w logit(x). */
        @Override
        public void grads(Operands o, float[] gx, float[] gy, int from, int to) {
            float[] x = o.x(), y = o.y(), w = o.w();
            for (int i = from; i < to; i++) {
                double wi = w == null ? 1 : w[i];
                if (gx != null) gx[i] = (float) (wi * (x[i] - y[i]) / Math.max((1.0 - x[i]) * x[i], EPSILON));
                if (gy != null) gy[i] = (float) (-wi * Math.log(x[i] / (1.0 - x[i])));
            }
        }
    }

    private record Logits() implements Pointwise {

        @Override
        public void values(Operands o, float[] out, int from, int to) {
            float[] x = o.x(), y = o.y(), w = o.w(), pw = o.pw();
            for (int i = from; i < to; i++) {
                double xi = x[i], yi = y[i];
                double weightOfLog = pw == null ? 1 : 1 + (pw[i] - 1.0) * yi;
                double l = (1 - yi) * xi + weightOfLog * softplusOfNegative(xi);
                out[i] = (float) (w == null ? l : l * w[i]);
            }
        }

        /**
         * dl/dx = w ((p y + 1 - y) sigmoid(x) - p y); dl/dy = w ((1 - p) log sigmoid(x) - x), with
         * {@code log sigmoid(x) = -softplus(-x)}.
         */
        @Override
        public void grads(Operands o, float[] gx, float[] gy, int from, int to) {
            float[] x = o.x(), y = o.y(), w = o.w(), pw = o.pw();
            for (int i = from; i < to; i++) {
                double xi = x[i], yi = y[i], p = pw == null ? 1 : pw[i], wi = w == null ? 1 : w[i];
                if (gx != null) {
                    double sigmoid = 1 / (1 + Math.exp(-xi));
                    gx[i] = (float) (wi * ((p * yi + 1 - yi) * sigmoid - p * yi));
                }
                if (gy != null) gy[i] = (float) (wi * ((p - 1) * softplusOfNegative(xi) - xi));
            }
        }

        /** {@code log(1 + exp(-x))}, stable for any x. */
        private static double softplusOfNegative(double x) {
            return Math.log1p(Math.exp(-Math.abs(x))) + Math.max(-x, 0);
        }
    }
}
