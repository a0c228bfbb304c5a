package io.neurite.nn.functional;

import io.neurite.tensor.Tensor;

/** Argument checks shared by the functions of this package, with messages naming the function. */
final class Checks {

    private Checks() {}

    static void requireFloat(String op, Tensor t) {
        if (!t.isFloat()) {
            throw new IllegalArgumentException(op + ": expected a float32 tensor, got " + t.dtype().torchName()
                    + " of shape " + t.shape() + "; hint: convert with toFloat()");
        }
    }

    static void requireFloat(String op, String what, Tensor t) {
        if (!t.isFloat()) {
            throw new IllegalArgumentException(op + ": expected " + what + " to be float32, got "
                    + t.dtype().torchName() + " of shape " + t.shape() + "; hint: convert with toFloat()");
        }
    }
}
