package io.neurite.nn.functional;

import io.neurite.nn.loss.Reduction;
import io.neurite.tensor.Tensor;

/**
 * Regression losses of the difference {@code d = x - y} between input and target: squared, absolute,
 * smooth L1 and Huber, each fused (one pass forward, one backward). Use them through
 * {@link io.neurite.nn.F}. The target must have the input's shape: unlike PyTorch (which warns and
 * broadcasts) a mismatch fails, since {@code [N, 1]} against {@code [N]} silently compares every pair.
 * The target gets a gradient too ({@code -dl/dx}) when it requires grad.
 */
public final class RegressionLosses {

    private RegressionLosses() {}

    /** MSELoss: {@code l = d^2}. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return apply("MSELoss", "mseLoss", new Difference(Kind.SQUARED, 0f), input, target, reduction);
    }

    /** L1Loss: {@code l = |d|} (derivative {@code sign(d)}, 0 at 0). */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return apply("L1Loss", "l1Loss", new Difference(Kind.ABSOLUTE, 0f), input, target, reduction);
    }

    /**
     * SmoothL1Loss: {@code l = 0.5 d^2 / beta} where {@code |d| < beta}, else {@code |d| - 0.5 beta}
     * (Girshick, Fast R-CNN, 2015); {@code beta = 0} is L1Loss.
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, float beta) {
        if (!(beta >= 0f)) {
            throw new IllegalArgumentException("SmoothL1Loss: expected beta >= 0, got beta=" + beta
                    + "; hint: beta is the width of the quadratic zone, 1.0 by default");
        }
        Difference kind = beta == 0f ? new Difference(Kind.ABSOLUTE, 0f) : new Difference(Kind.SMOOTH_L1, beta);
        return apply("SmoothL1Loss", "smoothL1Loss", kind,
                input, target, reduction);
    }

    /**
     * HuberLoss: {@code l = 0.5 d^2} where {@code |d| < delta}, else {@code delta (|d| - 0.5 delta)}
     * (Huber, 1964); equal to {@code delta * SmoothL1Loss(beta = delta)}.
     */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, float delta) {
        if (!(delta > 0f)) {
            throw new IllegalArgumentException("HuberLoss: expected delta > 0, got delta=" + delta
                    + "; hint: delta is where the loss turns from quadratic to linear, 1.0 by default");
        }
        return apply("HuberLoss", "huberLoss", new Difference(Kind.HUBER, delta), input, target, reduction);
    }

    private static Tensor apply(String loss, String op, Pointwise kind, Tensor input, Tensor target, Reduction r) {
        LossChecks.reduction(loss, r);
        LossChecks.sameShapeFloatTarget(loss, input, target);
        return Pointwise.apply(op, kind, input, target, null, null, r, input.numel());
    }

    private enum Kind { SQUARED, ABSOLUTE, SMOOTH_L1, HUBER }

    /** A loss of {@code d = x - y}; {@code k} is SmoothL1's beta or Huber's delta. */
    private record Difference(Kind kind, float k) implements Pointwise {

        @Override
        public void values(Operands o, float[] out, int from, int to) {
            float[] x = o.x(), y = o.y();
            switch (kind) {
                case SQUARED -> {
                    for (int i = from; i < to; i++) {
                        float d = x[i] - y[i];
                        out[i] = d * d;
                    }
                }
                case ABSOLUTE -> {
                    for (int i = from; i < to; i++) out[i] = Math.abs(x[i] - y[i]);
                }
                case SMOOTH_L1 -> {
                    for (int i = from; i < to; i++) {
                        float d = x[i] - y[i], a = Math.abs(d);
                        out[i] = a < k ? 0.5f * d * d / k : a - 0.5f * k;
                    }
                }
                case HUBER -> {
                    for (int i = from; i < to; i++) {
                        float d = x[i] - y[i], a = Math.abs(d);
                        out[i] = a < k ? 0.5f * d * d : k * (a - 0.5f * k);
                    }
                }
            }
        }

        @Override
        public void grads(Operands o, float[] gx, float[] gy, int from, int to) {
            float[] x = o.x(), y = o.y();
            float[] g = gx != null ? gx : gy;
            switch (kind) {
                case SQUARED -> {
                    for (int i = from; i < to; i++) g[i] = 2f * (x[i] - y[i]);
                }
                case ABSOLUTE -> {
                    for (int i = from; i < to; i++) g[i] = Math.signum(x[i] - y[i]);
                }
                case SMOOTH_L1 -> {
                    for (int i = from; i < to; i++) {
                        float d = x[i] - y[i];
                        g[i] = d < -k ? -1f : d > k ? 1f : d / k;
                    }
                }
                case HUBER -> {
                    for (int i = from; i < to; i++) {
                        float d = x[i] - y[i];
                        g[i] = d < -k ? -k : d > k ? k : d;
                    }
                }
            }
            if (gx != null && gy != null) {
                for (int i = from; i < to; i++) gy[i] = -gx[i];
            } else if (gy != null) {
                for (int i = from; i < to; i++) gy[i] = -gy[i];
            }
        }
    }
}
