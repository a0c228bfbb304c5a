package io.neurite.nn.loss;

import io.neurite.nn.F;
import io.neurite.tensor.Tensor;

/**
 * The cross-entropy between the softmax of raw class scores (logits) and the targets: PyTorch's
 * {@code nn.CrossEntropyLoss}, the loss of classification. The log-softmax is fused in: pass logits,
 * not probabilities.
 *
 * <p>Targets are int32 class indices, or float32 class probabilities (soft labels) of the input's
 * shape. With class weights {@code w}, label smoothing {@code e} and {@code lp = logSoftmax(x)}, an
 * index target {@code t} gives {@code l = (1 - e) w_t (-lp_t) + (e / C) sum_c w_c (-lp_c)}; targets
 * equal to {@code ignoreIndex} give 0. MEAN divides the sum by {@code sum w_t} over the targets not
 * ignored (NaN if all are ignored), exactly as PyTorch; for probabilities it divides by the number of
 * rows ({@code N d1 ...}).
 *
 * <p>Shapes: input {@code [N, C]}, {@code [N, C, d1, ...]} (e.g. per-pixel {@code [N, C, H, W]}) or
 * {@code [C]}; target {@code [N]}, {@code [N, d1, ...]} or {@code []} (indices in {@code [0, C)}), or
 * the input's shape (probabilities); output a scalar, or the target's index shape with
 * {@link Reduction#NONE}.
 *
 * <pre>{@code
 * Loss loss = CrossEntropyLoss.builder().weight(classWeights).labelSmoothing(0.1f).build();
 * Tensor value = loss.forward(logits, labels);   // logits [64, 10], labels int32 [64]
 * }</pre>
 */
public final class CrossEntropyLoss extends Loss {

    private final int ignoreIndex;
    private final float labelSmoothing;

    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    public CrossEntropyLoss(Reduction reduction) {
        this(builder().reduction(reduction));
    }

    private CrossEntropyLoss(Builder b) {
        super(b.reduction);
        if (!(b.labelSmoothing >= 0f && b.labelSmoothing <= 1f)) {
            throw new IllegalArgumentException("CrossEntropyLoss: expected label_smoothing in [0, 1], got "
                    + b.labelSmoothing);
        }
        if (b.weight != null) registerBuffer("weight", Weights.perClass("CrossEntropyLoss", b.weight));
        this.ignoreIndex = b.ignoreIndex;
        this.labelSmoothing = b.labelSmoothing;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The class weights, or null. */
    public Tensor weight() {
        return buffer("weight");
    }

    public int ignoreIndex() {
        return ignoreIndex;
    }

    public float labelSmoothing() {
        return labelSmoothing;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.crossEntropy(input, target, weight(), ignoreIndex, reduction(), labelSmoothing);
    }

    /** Options: {@code weight} (none), {@code ignoreIndex} (-100), {@code reduction} (MEAN), {@code labelSmoothing} (0). */
    public static final class Builder {
        private Tensor weight;
        private int ignoreIndex = F.DEFAULT_IGNORE_INDEX;
        private Reduction reduction = Reduction.MEAN;
        private float labelSmoothing;

        private Builder() {}

        /** A weight per class, shape {@code [C]}: rescales each class's loss (e.g. for imbalanced classes). */
        public Builder weight(Tensor weight) {
            this.weight = weight;
            return this;
        }

        /** A target value that is skipped (no loss, no gradient, not counted in the mean). */
        public Builder ignoreIndex(int ignoreIndex) {
            this.ignoreIndex = ignoreIndex;
            return this;
        }

        public Builder reduction(Reduction reduction) {
            this.reduction = reduction;
            return this;
        }

        /** Mixes the target with the uniform distribution: {@code (1 - e) target + e / C} (Szegedy et al., 2016). */
        public Builder labelSmoothing(float labelSmoothing) {
            this.labelSmoothing = labelSmoothing;
            return this;
        }

        public CrossEntropyLoss build() {
            return new CrossEntropyLoss(this);
        }
    }
}
