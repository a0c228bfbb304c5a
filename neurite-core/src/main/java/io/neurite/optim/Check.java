package io.neurite.optim;

/** Hyper-parameter checks whose messages name the optimizer, the value and the allowed range. */
final class Check {

    private Check() {}

    /** Fails unless {@code value >= 0} (NaN fails): "Adam: lr must be >= 0, got -0.1". */
    static void nonNegative(String owner, String name, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be >= 0, got " + value);
        }
    }

    /** Fails unless {@code 0 <= value < 1}: "Adam: beta1 must be in [0, 1), got 1.2". */
    static void unitOpen(String owner, String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be in [0, 1), got " + value);
        }
    }

    /** Fails unless {@code 0 <= value <= 1}. */
    static void unitClosed(String owner, String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be in [0, 1], got " + value);
        }
    }

    /** Fails unless {@code value >= 1}. */
    static void positiveInt(String owner, String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(owner + ": " + name + " must be >= 1, got " + value);
        }
    }
}
