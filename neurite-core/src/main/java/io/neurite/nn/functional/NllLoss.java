package io.neurite.nn.functional;

import io.neurite.nn.loss.Reduction;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;

/**
 * The negative log-likelihood of log-probabilities against class indices: {@code l = -w_t x_t} for
 * each target {@code t} that is not {@code ignoreIndex} (0 for ignored ones); MEAN divides the sum by
 * {@code sum w_t} over the targets not ignored (NaN when all are ignored), as PyTorch. Use it through
 * {@link io.neurite.nn.F#nllLoss}.
 */
public final class NllLoss {

    static final String LOSS = "NLLLoss";

    private NllLoss() {}

    /**
     * The loss of {@code input} ({@code [N, C]}, {@code [N, C, d1, ...]} or {@code [C]}, typically a
     * log-softmax) against int32 indices ({@code [N]}, {@code [N, d1, ...]} or {@code []}); {@code weight}
     * ({@code [C]}) may be null.
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction) {
        LossChecks.reduction(LOSS, reduction);
        ClassTargets t = ClassTargets.of(LOSS, input, target, weight, ignoreIndex, false);
        int c = t.classes;
        int inner = input.dim() <= 2 ? 1 : input.numel() / Math.max(1, input.size(0) * c);
        float[] x = input.detach().contiguousData();
        int rows = t.labels.length;
        float[] loss = new float[rows];
        double weightTotal = 0;
        for (int r = 0; r < rows; r++) {
            if (t.labels[r] == ignoreIndex) continue;
            float wt = t.rowWeight(r);
            loss[r] = -wt * x[at(r, t.labels[r], c, inner)];
            weightTotal += wt;
        }
        Tensor out = LossReduction.of(loss, t.shape, reduction, weightTotal);
        double denominator = weightTotal;
        return Autograd.record("nllLoss", out, new Tensor[] {input}, new Tensor[] {input}, g -> {
            float[] scale = LossReduction.scales(g, reduction, denominator);
            float[] gx = new float[x.length];
            for (int r = 0; r < rows; r++) {
                if (t.labels[r] == ignoreIndex) continue;
                gx[at(r, t.labels[r], c, inner)] = -t.rowWeight(r) * scale[scale.length == 1 ? 0 : r];
            }
            return new Tensor[] {Tensor.wrap(gx, input.shape())};
        });
    }

    /** The flat position of class {@code k} of row {@code r} ({@code [N, d...]} order) in {@code [N, C, d...]}. */
    private static int at(int r, int k, int c, int inner) {
        return (r / inner) * c * inner + k * inner + r % inner;
    }
}
