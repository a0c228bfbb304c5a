package io.neurite.nn;

import java.util.Arrays;

/** Shared by the pooling layers: PyTorch's printing of their sizes (with {@link PythonRepr}), a size check. */
final class PoolingSupport {

    private PoolingSupport() {}

    /** Fails unless an adaptive pooling layer's output size is 1 or {@code dims} positive sizes. */
    static void checkOutputSize(Layer layer, int[] outputSize, int dims) {
        if ((outputSize.length != 1 && outputSize.length != dims) || Arrays.stream(outputSize).anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException(layer.getClass().getSimpleName() + ": outputSize must be 1"
                    + (dims > 1 ? " or " + dims : "") + " positive size" + (dims > 1 ? "s" : "") + ", got "
                    + Arrays.toString(outputSize));
        }
    }

    /** One value as an int ({@code 3}), several as a tuple ({@code (2, 3)}): how PyTorch prints what was given. */
    static String size(int[] values) {
        return values.length == 1 ? Integer.toString(values[0]) : PythonRepr.tuple(values);
    }

    /** Always a tuple of {@code dims} values, one value repeated: {@code (3,)}, {@code (2, 2)} (PyTorch's _pair). */
    static String tuple(int[] values, int dims) {
        int[] all = new int[dims];
        for (int i = 0; i < dims; i++) all[i] = values.length == 1 ? values[0] : values[i];
        return PythonRepr.tuple(all);
    }

    /** Python's float repr for one value ({@code 2.0}), a tuple for several ({@code (2.0, 1.5)}). */
    static String floats(double[] values) {
        if (values.length == 1) return PythonRepr.number(values[0]);
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) sb.append(i > 0 ? ", " : "").append(PythonRepr.number(values[i]));
        return sb.append(")").toString();
    }
}
