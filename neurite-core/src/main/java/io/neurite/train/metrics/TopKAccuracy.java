package io.neurite.train.metrics;

import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * The fraction of samples whose target is among the k highest scores, as
 * {@code sklearn.metrics.top_k_accuracy_score}. Ties are broken by the lower class index: class j is in the top k
 * when fewer than k classes score higher than it or score the same with a lower index. That is the order of
 * {@code torch.sort(scores, descending=True, stable=True)} and, for k = 1, of {@code torch.argmax}, so top-1
 * accuracy equals {@link Accuracy}. Two libraries order ties otherwise: {@code torch.topk} on CPU guarantees no
 * order among equal values (torch 1.13 gives indices [3, 5] for the top 2 of [3, 1, 3, 3, 2, 3], where the lower
 * index rule gives [0, 2]); scikit-learn reverses a stable ascending argsort, ranking the higher index first (for
 * scores [0.1, 0.1, 0.8], target 0 and k = 2 this metric counts a hit, scikit-learn a miss).
 *
 * <p>Shapes: predictions float scores [N, C] with C >= k, targets int32 [N] in [0, C).
 */
public final class TopKAccuracy implements Metric<Double> {

    private final int k;
    private long correct;
    private long total;

    /** Top-k accuracy, k >= 1. */
    public TopKAccuracy(int k) {
        if (k < 1) throw new IllegalArgumentException("TopKAccuracy: expected k >= 1, got k=" + k);
        this.k = k;
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        String op = "TopKAccuracy(k=" + k + ")";
        if (predictions.dim() != 2 || !predictions.isFloat() || predictions.size(1) < k) {
            throw new ShapeException(op + ": expected float scores [N, C] with C >= " + k
                    + ", got " + predictions.dtype().torchName() + " predictions " + predictions.shape()
                    + "; hint: k cannot exceed the number of classes", predictions.shape());
        }
        int c = predictions.size(1);
        int[] t = Inputs.classTargets(op, predictions, targets, c, false);
        float[] s = Inputs.values(op, "predictions", predictions);
        for (int i = 0; i < t.length; i++) {
            float target = s[i * c + t[i]];
            int ahead = 0;
            for (int j = 0; j < c; j++) {
                float v = s[i * c + j];
                if (v > target || (v == target && j < t[i])) ahead++;
            }
            if (ahead < k) correct++;
        }
        total += t.length;
    }

    @Override
    public Double compute() {
        Inputs.requireSamples("TopKAccuracy", total);
        return (double) correct / total;
    }

    @Override
    public void reset() {
        correct = 0;
        total = 0;
    }

    @Override
    public String name() {
        return "top" + k + "_accuracy";
    }
}
