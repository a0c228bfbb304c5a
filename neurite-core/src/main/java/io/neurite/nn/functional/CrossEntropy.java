package io.neurite.nn.functional;

import io.neurite.kernels.RowKernels;
import io.neurite.nn.loss.Reduction;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.DType;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * Cross-entropy of raw scores (logits) against class indices or class probabilities, fused with the
 * log-softmax: one pass per row computes the stable log-sum-exp, the loss, and in backward the
 * gradient {@code softmax - target}, with no intermediate {@code [N, C]} graph. Use it through
 * {@link io.neurite.nn.F#crossEntropy}.
 *
 * <p>With {@code lp = logSoftmax(x)} along the class dimension, smoothing {@code e} and weights
 * {@code w}, PyTorch's definition: for a class index {@code t} (not ignored),
 * {@code l = (1 - e) w_t (-lp_t) + (e / C) sum_c w_c (-lp_c)}, and MEAN divides the sum by
 * {@code sum w_t} over the targets not ignored (NaN when all are ignored); for probabilities
 * {@code p}, with {@code q = (1 - e) p + e / C}, {@code l = -sum_c w_c q_c lp_c}, and MEAN divides
 * by the number of rows. Gradient: {@code dl/dx_c = softmax_c sum_k w_k q_k - w_c q_c}, with
 * {@code q} the smoothed one-hot for class indices.
 *
 * <p>The exponentials of the forward pass are kept for backward when a gradient is needed (as PyTorch
 * keeps the log-softmax), so each element costs one exp.
 */
public final class CrossEntropy {

    static final String LOSS = "CrossEntropyLoss";

    private CrossEntropy() {}

    /**
     * The cross-entropy of {@code input} ({@code [N, C]}, {@code [N, C, d1, ...]} or {@code [C]}) against
     * int32 class indices ({@code [N]}, {@code [N, d1, ...]} or {@code []}) or float32 probabilities of
     * the input's shape. {@code weight} ({@code [C]}) may be null; {@code ignoreIndex} applies to
     * indices only.
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, int ignoreIndex,
                                      Reduction reduction, float labelSmoothing) {
        LossChecks.reduction(LOSS, reduction);
        if (!(labelSmoothing >= 0f && labelSmoothing <= 1f)) {
            throw new IllegalArgumentException(LOSS + ": expected label_smoothing in [0, 1], got " + labelSmoothing
                    + "; hint: typical values are 0.1 or less");
        }
        int classDim = ClassTargets.classDim(LOSS, input);
        if (target.dtype() == DType.FLOAT32 && target.shape().equals(input.shape())) {
            return probabilities(input, target, weight, reduction, labelSmoothing, classDim);
        }
        return indices(input, ClassTargets.of(LOSS, input, target, weight, ignoreIndex, true), reduction,
                labelSmoothing, classDim);
    }

    private static Tensor indices(Tensor input, ClassTargets t, Reduction reduction, float eps, int classDim) {
        RowLayout layout = RowLayout.of(input.shape(), classDim);
        float[] z = layout.rowsOf(input);
        int c = t.classes;
        float[] w = t.weight;
        float[] rowMax = new float[layout.rows], rowSum = new float[layout.rows];
        float[] e = Autograd.isGradEnabled() && input.requiresGrad() ? new float[z.length] : null;
        float[] loss = new float[layout.rows];
        float smooth = eps / c;
        Softmax.forRows(layout, (from, to) -> {
            for (int r = from; r < to; r++) {
                if (t.labels[r] == t.ignoreIndex) continue;
                int off = r * c;
                float m = rowMax[r] = RowKernels.max(z, off, c);
                float logSum = (float) Math.log(rowSum[r] = exps(z, off, c, m, e));
                float value = (1f - eps) * t.rowWeight(r) * ((m - z[off + t.labels[r]]) + logSum);
                if (eps > 0f) value -= smooth * RowKernels.weightedSum(z, off, c, m, logSum, w, 0, null, 0);
                loss[r] = value;
            }
        });
        double weightTotal = 0;
        for (int r = 0; r < layout.rows; r++) weightTotal += t.rowWeight(r);
        Tensor out = LossReduction.of(loss, t.shape, reduction, weightTotal);
        float weightSum = t.weightSum();
        double denominator = weightTotal;
        return Autograd.record("crossEntropy", out, new Tensor[] {input}, new Tensor[] {input}, g -> {
            float[] scale = LossReduction.scales(g, reduction, denominator);
            float[] gx = new float[z.length];
            Softmax.forRows(layout, (from, to) -> {
                for (int r = from; r < to; r++) {
                    if (t.labels[r] == t.ignoreIndex) continue;
                    int off = r * c;
                    float s = scale[scale.length == 1 ? 0 : r];
                    float wt = t.rowWeight(r);
                    float mass = (1f - eps) * wt + smooth * weightSum;
                    RowKernels.scale(e, off, c, s * mass / rowSum[r], gx, off);
                    gx[off + t.labels[r]] -= s * (1f - eps) * wt;
                    if (eps > 0f) RowKernels.addScaled(gx, off, c, -s * smooth, w, 0, null, 0);
                }
            });
            return new Tensor[] {layout.fromRows(gx, false)};
        });
    }

    private static Tensor probabilities(Tensor input, Tensor target, Tensor weight, Reduction reduction, float eps,
                                        int classDim) {
        RowLayout layout = RowLayout.of(input.shape(), classDim);
        int c = layout.n;
        float[] w = null;
        if (weight != null) {
            LossChecks.constantWeight(LOSS, "weight", weight);
            if (weight.dim() != 1 || weight.size(0) != c) {
                throw new ShapeException(LOSS + ": expected a weight of shape [" + c + "] (one per class), got "
                        + weight.shape() + " for input " + input.shape(), weight.shape(), input.shape());
            }
            w = weight.toFloatArray();
        }
        float[] cw = w;
        float[] z = layout.rowsOf(input);
        float[] p = layout.rowsOf(target);
        float[] rowMax = new float[layout.rows], rowSum = new float[layout.rows];
        float[] e = Autograd.isGradEnabled() && input.requiresGrad() ? new float[z.length] : null;
        boolean targetGrad = target.requiresGrad();
        float[] loss = new float[layout.rows];
        float smooth = eps / c;
        Softmax.forRows(layout, (from, to) -> {
            for (int r = from; r < to; r++) {
                int off = r * c;
                float m = rowMax[r] = RowKernels.max(z, off, c);
                float logSum = (float) Math.log(rowSum[r] = exps(z, off, c, m, e));
                float value = -(1f - eps) * RowKernels.weightedSum(z, off, c, m, logSum, p, off, cw, 0);
                if (eps > 0f) value -= smooth * RowKernels.weightedSum(z, off, c, m, logSum, cw, 0, null, 0);
                loss[r] = value;
            }
        });
        Tensor out = LossReduction.of(loss, ClassTargets.indexShape(input.shape()), reduction, layout.rows);
        float weightSum = w == null ? c : RowKernels.weightedSum(w, 0, c, 0f, 0f, null, 0, null, 0);
        return Autograd.record("crossEntropy", out, new Tensor[] {input, target}, new Tensor[] {input, target}, g -> {
            float[] scale = LossReduction.scales(g, reduction, layout.rows);
            float[] gx = e != null ? new float[z.length] : null;
            float[] gp = targetGrad ? new float[z.length] : null;
            Softmax.forRows(layout, (from, to) -> {
                for (int r = from; r < to; r++) {
                    int off = r * c;
                    float s = scale[scale.length == 1 ? 0 : r];
                    if (gx != null) {
                        float targetMass = RowKernels.weightedSum(p, off, c, 0f, 0f, cw, 0, null, 0);
                        float mass = (1f - eps) * targetMass + smooth * weightSum;
                        RowKernels.scale(e, off, c, s * mass / rowSum[r], gx, off);
                        RowKernels.addScaled(gx, off, c, -s * (1f - eps), p, off, cw, 0);
                        if (eps > 0f) RowKernels.addScaled(gx, off, c, -s * smooth, cw, 0, null, 0);
                    }
                    if (gp != null) {
                        float logSum = (float) Math.log(rowSum[r]);
                        RowKernels.shiftScale(z, off, c, rowMax[r], logSum, -s * (1f - eps), cw, 0, gp, off);
                    }
                }
            });
            return new Tensor[] {gx == null ? null : layout.fromRows(gx, false),
                                 gp == null ? null : layout.fromRows(gp, false)};
        });
    }

    /**
     * The sum of {@code exp(z - m)} over a row; with {@code e} (kept when a gradient will be needed) the
     * exponentials are stored too, so that backward rescales them instead of computing them again.
     */
    private static float exps(float[] z, int off, int c, float m, float[] e) {
        return e == null ? RowKernels.sumExp(z, off, c, m) : RowKernels.sumExpStore(z, off, c, m, e, off);
    }
}
