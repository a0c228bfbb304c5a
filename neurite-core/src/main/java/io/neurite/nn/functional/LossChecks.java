package io.neurite.nn.functional;

import io.neurite.nn.loss.Reduction;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.DType;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.Arrays;

/** Argument checks shared by the losses; each message names the loss, what it expected and what it got. */
final class LossChecks {

    private LossChecks() {}

    static void reduction(String loss, Reduction reduction) {
        if (reduction == null) throw new IllegalArgumentException(loss + ": reduction must not be null");
        if (reduction == Reduction.BATCHMEAN) {
            throw new IllegalArgumentException(loss + ": reduction batchmean is only defined for KLDivLoss, got it here"
                    + "; hint: use Reduction.MEAN or Reduction.SUM");
        }
    }

    static void floatInput(String loss, Tensor input) {
        if (input.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(loss + ": expected a float32 input, got " + input.dtype().torchName()
                    + " of shape " + input.shape() + "; hint: the input is the model's output; convert with toFloat()");
        }
    }

    /** A float target of exactly the input's shape (PyTorch broadcasts with a warning; a mismatch is a bug). */
    static void sameShapeFloatTarget(String loss, Tensor input, Tensor target) {
        floatInput(loss, input);
        if (target.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(loss + ": expected a float32 target, got " + target.dtype().torchName()
                    + " of shape " + target.shape() + "; hint: convert with target.toFloat()"
                    + " (class indices belong to CrossEntropyLoss or NLLLoss)");
        }
        sameShape(loss, "target", "input", input, target);
    }

    /** {@code other} (called {@code what}) must have the shape of {@code input} (called {@code reference}). */
    static void sameShape(String loss, String what, String reference, Tensor input, Tensor other) {
        if (input.shape().equals(other.shape())) return;
        throw new ShapeException(loss + ": expected " + what + " of the " + reference + "'s shape " + input.shape()
                + ", got " + other.shape() + "; hint: " + reshapeHint(what, reference, input.shape(), other.shape())
                + (broadcastable(input.shape(), other.shape())
                    ? " (losses do not broadcast: " + input.shape() + " against " + other.shape() + " would pair every"
                        + " element with every other)" : ""), input.shape(), other.shape());
    }

    private static boolean broadcastable(Shape a, Shape b) {
        try {
            Shape.broadcast("", a, b);
            return true;
        } catch (ShapeException e) {
            return false;
        }
    }

    /** How to make {@code other} match {@code input} when they differ by one size-1 dimension. */
    private static String reshapeHint(String what, String reference, Shape input, Shape other) {
        if (input.numel() == other.numel()) {
            int[] a = input.dims(), b = other.dims();
            if (a.length == b.length + 1) {
                int d = insertedOne(a, b);
                if (d >= 0) return "use " + what + ".unsqueeze(" + d + ") or " + reference + ".squeeze(" + d + ")";
            } else if (b.length == a.length + 1) {
                int d = insertedOne(b, a);
                if (d >= 0) return "use " + what + ".squeeze(" + d + ") or " + reference + ".unsqueeze(" + d + ")";
            }
            return "reshape the " + what + " with " + what + ".reshape(" + dimsList(a) + ")";
        }
        return "the " + what + " must hold one value per " + reference + " element";
    }

    /** The index at which {@code longer} has an extra size-1 dimension compared to {@code shorter}, or -1. */
    private static int insertedOne(int[] longer, int[] shorter) {
        for (int d = 0; d < longer.length; d++) {
            if (longer[d] != 1) continue;
            int[] without = new int[shorter.length];
            for (int i = 0, j = 0; i < longer.length; i++) if (i != d) without[j++] = longer[i];
            if (Arrays.equals(without, shorter)) return d;
        }
        return -1;
    }

    /** A weight tensor: float32, a constant (no gradient is defined for it, as in PyTorch). */
    static void constantWeight(String loss, String name, Tensor weight) {
        if (weight.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(loss + ": expected a float32 " + name + ", got "
                    + weight.dtype().torchName() + "; hint: convert with toFloat()");
        }
        if (weight.requiresGrad() && Autograd.isGradEnabled()) {
            throw new IllegalArgumentException(loss + ": " + name + " requires grad, but no gradient is defined for it"
                    + " (as in PyTorch); hint: pass " + name + ".detach()");
        }
    }

    /** {@code weight} broadcast to {@code shape}, as a dense array; fails naming the shapes. */
    static float[] broadcastWeight(String loss, String name, Tensor weight, Shape shape) {
        constantWeight(loss, name, weight);
        Shape joined;
        try {
            joined = Shape.broadcast(loss, weight.shape(), shape);
        } catch (ShapeException e) {
            joined = null;
        }
        if (joined == null || !joined.equals(shape)) {
            throw new ShapeException(loss + ": expected a " + name + " that broadcasts to the input's shape " + shape
                    + ", got " + weight.shape() + "; hint: give one value per class along the last dimension, e.g. shape ["
                    + (shape.rank() == 0 ? 1 : shape.size(-1)) + "]", weight.shape(), shape);
        }
        return weight.detach().expand(shape.dims()).contiguousData();
    }

    /** {@code [i, j]}: the multi-index of flat position {@code flat} in {@code shape}. */
    static String position(int flat, Shape shape) {
        int[] dims = shape.dims();
        int[] idx = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            idx[d] = flat % dims[d];
            flat /= dims[d];
        }
        return Arrays.toString(idx);
    }

    static String dimsList(int[] dims) {
        return Arrays.toString(dims).replace("[", "").replace("]", "");
    }
}
