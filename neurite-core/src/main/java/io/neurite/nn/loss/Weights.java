package io.neurite.nn.loss;

import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/** Checks of the weight tensors a loss keeps as buffers (their shapes against the input are checked in forward). */
final class Weights {

    private Weights() {}

    /** A float32 {@code [C]} class weight, detached. */
    static Tensor perClass(String loss, Tensor weight) {
        if (weight.dim() != 1) {
            throw new ShapeException(loss + ": expected a weight of shape [C] (one value per class), got "
                    + weight.shape(), weight.shape());
        }
        return ofFloats(loss, "weight", weight);
    }

    /** A float32 weight, detached. */
    static Tensor ofFloats(String loss, String name, Tensor weight) {
        if (!weight.isFloat()) {
            throw new IllegalArgumentException(loss + ": expected a float32 " + name + ", got "
                    + weight.dtype().torchName() + "; hint: convert with toFloat()");
        }
        return weight.detach();
    }
}
