package io.neurite.nn.functional;

import io.neurite.nn.loss.Reduction;
import io.neurite.tensor.DType;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * Losses with a target of 1 or -1 saying whether inputs should be similar (or ranked first): cosine
 * embedding, margin ranking and hinge embedding. They are built from tensor operations, as in
 * PyTorch, and get their gradients from them. Use them through {@link io.neurite.nn.F}.
 */
public final class EmbeddingLosses {

    /** Added to each squared norm so a zero vector gives a cosine of 0, not NaN (PyTorch's value). */
    private static final float EPSILON = 1e-12f;

    private EmbeddingLosses() {}

    /**
     * CosineEmbeddingLoss: with {@code cos} the cosine similarity of matching rows of {@code [N, D]}
     * inputs (or of two {@code [D]} vectors), {@code l = 1 - cos} where {@code y = 1} and
     * {@code max(0, cos - margin)} where {@code y = -1}; the target is {@code [N]} (or {@code []}).
     */
    public static Tensor cosineEmbeddingLoss(Tensor input1, Tensor input2, Tensor target, float margin,
                                             Reduction reduction) {
        String loss = "CosineEmbeddingLoss";
        LossChecks.reduction(loss, reduction);
        LossChecks.floatInput(loss, input1);
        LossChecks.floatInput(loss, input2);
        LossChecks.sameShape(loss, "input2", "input1", input1, input2);
        if (input1.dim() != 1 && input1.dim() != 2) {
            throw new ShapeException(loss + ": expected inputs of shape [N, D] or [D], got " + input1.shape()
                    + "; hint: flatten each example to a vector first", input1.shape());
        }
        int dim = input1.dim() - 1;
        Shape expected = input1.dim() == 2 ? Shape.of(input1.size(0)) : Shape.of();
        Tensor y = signs(loss, target, expected, "one per row of the inputs " + input1.shape());
        Tensor dot = input1.mul(input2).sum(dim);
        Tensor norms = input1.mul(input1).sum(dim).add(EPSILON).mul(input2.mul(input2).sum(dim).add(EPSILON));
        Tensor cos = dot.div(norms.sqrt());
        Tensor out = Tensor.where(y.eq(1f), cos.rsub(1f), cos.sub(margin).clampMin(0f));
        return reduce(out, reduction);
    }

    /**
     * MarginRankingLoss: {@code l = max(0, -y (x1 - x2) + margin)}: {@code y = 1} asks for
     * {@code x1 > x2 + margin}, {@code y = -1} for the opposite. All three have one shape.
     */
    public static Tensor marginRankingLoss(Tensor input1, Tensor input2, Tensor target, float margin,
                                           Reduction reduction) {
        String loss = "MarginRankingLoss";
        LossChecks.reduction(loss, reduction);
        LossChecks.floatInput(loss, input1);
        LossChecks.floatInput(loss, input2);
        LossChecks.sameShape(loss, "input2", "input1", input1, input2);
        Tensor y = signs(loss, target, input1.shape(), "one per input element");
        return reduce(y.neg().mul(input1.sub(input2)).add(margin).clampMin(0f), reduction);
    }

    /**
     * HingeEmbeddingLoss: {@code l = x} where {@code y = 1} and {@code max(0, margin - x)} where
     * {@code y = -1}, for an input of distances (e.g. L1 between pairs) and a target of its shape.
     */
    public static Tensor hingeEmbeddingLoss(Tensor input, Tensor target, float margin, Reduction reduction) {
        String loss = "HingeEmbeddingLoss";
        LossChecks.reduction(loss, reduction);
        LossChecks.floatInput(loss, input);
        Tensor y = signs(loss, target, input.shape(), "one per input element");
        return reduce(Tensor.where(y.eq(1f), input, input.rsub(margin).clampMin(0f)), reduction);
    }

    /** The target as float, after checking its shape and that every value is 1 or -1. */
    private static Tensor signs(String loss, Tensor target, Shape expected, String what) {
        if (!target.shape().equals(expected)) {
            throw new ShapeException(loss + ": expected a target of shape " + expected + " (" + what + "), got "
                    + target.shape() + "; hint: the target holds 1 (similar, or first ranked higher) or -1",
                    target.shape(), expected);
        }
        float[] values = target.toFloatArray();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == 1f || values[i] == -1f) continue;
            throw new IllegalArgumentException(loss + ": expected target values 1 or -1, got " + values[i]
                    + " at position " + LossChecks.position(i, target.shape())
                    + "; hint: map 0/1 labels to -1/1 with target.toFloat().mul(2).sub(1)");
        }
        return target.dtype() == DType.FLOAT32 ? target : target.toFloat();
    }

    private static Tensor reduce(Tensor out, Reduction reduction) {
        return switch (reduction) {
            case NONE -> out;
            case SUM -> out.sum();
            default -> out.mean();
        };
    }
}
