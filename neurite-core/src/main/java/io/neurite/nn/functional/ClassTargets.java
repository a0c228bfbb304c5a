package io.neurite.nn.functional;

import io.neurite.tensor.DType;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * Checked class-index targets of {@code [N, C, d1, ...]} (or {@code [C]}) scores: the labels in
 * {@code [N, d1, ...]} order, the class weights, and the checks shared by CrossEntropyLoss and
 * NLLLoss (shape, dtype, every index in range unless it is {@code ignoreIndex}).
 */
final class ClassTargets {

    final int classes;
    final int[] labels;
    /** One weight per class, or null for all ones. */
    final float[] weight;
    final int ignoreIndex;
    final Shape shape;

    private ClassTargets(int classes, int[] labels, float[] weight, int ignoreIndex, Shape shape) {
        this.classes = classes;
        this.labels = labels;
        this.weight = weight;
        this.ignoreIndex = ignoreIndex;
        this.shape = shape;
    }

    /** The class dimension: 1, or 0 for an unbatched {@code [C]} input. */
    static int classDim(String loss, Tensor input) {
        LossChecks.floatInput(loss, input);
        if (input.dim() == 0) {
            throw new ShapeException(loss + ": expected an input of shape [N, C], [N, C, d1, ...] or [C], got a scalar"
                    + "; hint: the input holds one score per class", input.shape());
        }
        return input.dim() == 1 ? 0 : 1;
    }

    /** The shape of class-index targets for {@code input}: its shape without the class dimension. */
    static Shape indexShape(Shape input) {
        int[] dims = input.dims();
        int skip = dims.length == 1 ? 0 : 1;
        int[] out = new int[dims.length - 1];
        for (int d = 0, j = 0; d < dims.length; d++) if (d != skip) out[j++] = dims[d];
        return Shape.of(out);
    }

    static ClassTargets of(String loss, Tensor input, Tensor target, Tensor weight, int ignoreIndex,
                           boolean probabilitiesAllowed) {
        int classDim = classDim(loss, input);
        int classes = input.size(classDim);
        Shape expected = indexShape(input.shape());
        String accepted = "a target of shape " + expected + " (class indices for input " + input.shape() + ")"
                + (probabilitiesAllowed ? " or float32 class probabilities of shape " + input.shape() : "");
        if (!target.shape().equals(expected)) {
            String hint = target.shape().equals(input.shape())
                    ? (target.dtype() == DType.INT32 && probabilitiesAllowed
                        ? "for one-hot or soft labels convert with target.toFloat()"
                        : "for one-hot labels take the class of each row: target.argmax(" + classDim + ", false)")
                    : target.dim() == expected.rank() + 1 && target.numel() == expected.numel()
                        ? "squeeze the size-1 dimension, e.g. target.reshape(" + LossChecks.dimsList(expected.dims()) + ")"
                        : "the target's first dimension must be the batch size and the class dimension " + classDim
                            + " of the input has no counterpart in it";
            throw new ShapeException(loss + ": expected " + accepted + ", got " + target.dtype().torchName()
                    + " of shape " + target.shape() + "; hint: " + hint, input.shape(), target.shape());
        }
        if (target.dtype() != DType.INT32) {
            throw new IllegalArgumentException(loss + ": expected int32 class indices for a target of shape "
                    + target.shape() + ", got " + target.dtype().torchName() + "; hint: convert with target.toInt()"
                    + (probabilitiesAllowed ? ", or pass class probabilities as a float32 target of the input's shape "
                    + input.shape() : ""));
        }
        int[] labels = target.toIntArray();
        for (int i = 0; i < labels.length; i++) {
            int t = labels[i];
            if (t == ignoreIndex || (t >= 0 && t < classes)) continue;
            throw new IllegalArgumentException(loss + ": target class index " + t + " at position "
                    + LossChecks.position(i, target.shape()) + " is out of range for " + classes + " classes (input "
                    + input.shape() + "); expected 0 <= index < " + classes + " or ignore_index=" + ignoreIndex
                    + "; hint: " + (t == classes ? "labels must start at 0; subtract 1 if they run from 1 to " + classes
                    : "check the number of classes of the model's output"));
        }
        float[] w = null;
        if (weight != null) {
            LossChecks.constantWeight(loss, "weight", weight);
            if (weight.dim() != 1 || weight.size(0) != classes) {
                throw new ShapeException(loss + ": expected a weight of shape [" + classes + "] (one per class), got "
                        + weight.shape() + "; hint: the input " + input.shape() + " has " + classes + " classes along"
                        + " dimension " + classDim, weight.shape(), input.shape());
            }
            w = weight.toFloatArray();
        }
        return new ClassTargets(classes, labels, w, ignoreIndex, expected);
    }

    /** The weight of the target at row {@code r}: 0 when ignored. */
    float rowWeight(int r) {
        int t = labels[r];
        if (t == ignoreIndex) return 0f;
        return weight == null ? 1f : weight[t];
    }

    /** The sum of the class weights ({@code C} without weights). */
    float weightSum() {
        if (weight == null) return classes;
        float s = 0;
        for (float v : weight) s += v;
        return s;
    }
}
