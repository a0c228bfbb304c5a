package io.neurite.data.transforms;

/** Argument checks whose messages name the transform, the argument, what was expected and its value. */
final class Check {

    private Check() {
    }

    static IllegalArgumentException bad(String op, String arg, Object value, String expected) {
        return new IllegalArgumentException(op + ": expected " + arg + " " + expected + ", got " + arg + "=" + value);
    }

    static int positive(String op, String arg, int value) {
        if (value <= 0) throw bad(op, arg, value, "> 0");
        return value;
    }

    static double probability(String op, String arg, double p) {
        if (!(p >= 0 && p <= 1)) throw bad(op, arg, p, "in [0, 1]");
        return p;
    }

    /** A range {lo, hi} with lo <= hi, both finite. */
    static double[] range(String op, String arg, double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            throw bad(op, arg, "(" + lo + ", " + hi + ")", "a finite range (min, max) with min <= max");
        }
        return new double[] {lo, hi};
    }

    /** {@code {h, w}} from one size (square) or two. */
    static int[] size(String op, String arg, int... size) {
        if (size == null || size.length < 1 || size.length > 2) {
            throw bad(op, arg, size == null ? "null" : java.util.Arrays.toString(size), "one or two sizes (h, w)");
        }
        int h = size[0], w = size.length == 2 ? size[1] : size[0];
        if (h <= 0 || w <= 0) throw bad(op, arg, java.util.Arrays.toString(size), "positive");
        return new int[] {h, w};
    }

    /** Per-channel values of length 1 (broadcast) or {@code channels}. */
    static float channelValue(String op, String arg, float[] values, int channels, int c) {
        if (values.length == 1) return values[0];
        if (values.length != channels) {
            throw new IllegalArgumentException(op + ": expected " + arg + " with 1 or " + channels
                    + " values (one per channel), got " + values.length + " for an image with " + channels
                    + " channels");
        }
        return values[c];
    }
}
