package io.neurite.nn.functional;

import io.neurite.tensor.Shape;
import java.util.Arrays;

/**
 * The window of a pooling: PyTorch's {@code kernel_size, stride, padding, dilation, ceil_mode} and, for
 * average pooling, {@code count_include_pad, divisor_override}. Each size is one value (used for every
 * pooled dimension, as PyTorch's int) or one value per pooled dimension; a null stride means the kernel
 * size (PyTorch's default). Immutable: the {@code with} methods return a changed copy.
 *
 * <pre>{@code
 * F.maxPool2d(x, PoolOptions.of(3).withStride(2).withPadding(1).withCeilMode(true));
 * }</pre>
 *
 * @param divisorOverride the divisor of every average instead of the window size; 0 for none
 */
public record PoolOptions(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode,
                          boolean countIncludePad, int divisorOverride) {

    public PoolOptions {
        kernelSize = sizes("kernelSize", kernelSize, 1);
        stride = stride == null ? null : sizes("stride", stride, 1);
        padding = sizes("padding", padding, 0);
        dilation = sizes("dilation", dilation, 1);
        if (divisorOverride < 0) {
            throw new IllegalArgumentException("PoolOptions: divisorOverride must be positive (or 0 for none), got "
                    + divisorOverride);
        }
    }

    /** A window of {@code kernelSize} with PyTorch's defaults: stride = kernel, padding 0, dilation 1. */
    public static PoolOptions of(int... kernelSize) {
        return new PoolOptions(kernelSize, null, new int[] {0}, new int[] {1}, false, true, 0);
    }

    public PoolOptions withStride(int... value) {
        return new PoolOptions(kernelSize, value, padding, dilation, ceilMode, countIncludePad, divisorOverride);
    }

    /** Implicit padding on both sides: -infinity for max pooling, zeros for average pooling. */
    public PoolOptions withPadding(int... value) {
        return new PoolOptions(kernelSize, stride, value, dilation, ceilMode, countIncludePad, divisorOverride);
    }

    /** The spacing between the elements of a window (max pooling only). */
    public PoolOptions withDilation(int... value) {
        return new PoolOptions(kernelSize, stride, padding, value, ceilMode, countIncludePad, divisorOverride);
    }

    /** Rounds the output size up: a last, partial window is kept if it starts inside the input or left padding. */
    public PoolOptions withCeilMode(boolean value) {
        return new PoolOptions(kernelSize, stride, padding, dilation, value, countIncludePad, divisorOverride);
    }

    /** Average pooling: whether zero padding counts in the divisor (default true). */
    public PoolOptions withCountIncludePad(boolean value) {
        return new PoolOptions(kernelSize, stride, padding, dilation, ceilMode, value, divisorOverride);
    }

    /** Average pooling: divide every window sum by {@code value} instead of the window size. */
    public PoolOptions withDivisorOverride(int value) {
        return new PoolOptions(kernelSize, stride, padding, dilation, ceilMode, countIncludePad, value);
    }

    @Override
    public int[] kernelSize() {
        return kernelSize.clone();
    }

    /** The stride as given; null when it defaults to the kernel size. */
    @Override
    public int[] stride() {
        return stride == null ? null : stride.clone();
    }

    @Override
    public int[] padding() {
        return padding.clone();
    }

    @Override
    public int[] dilation() {
        return dilation.clone();
    }

    /**
     * Fails unless these options suit a pooling over {@code dims} dimensions (a value or {@code dims}
     * values per size; padding at most half the kernel, as PyTorch requires), naming {@code op}.
     */
    public void check(String op, int dims) {
        PoolGeometry.checkOptions(op, this, dims, null);
    }

    /**
     * The output shape of pooling {@code input} over its last {@code dims} dimensions; fails naming
     * {@code op} and the shape when the input has the wrong rank or is too small for the window.
     */
    public Shape outputShape(String op, Shape input, int dims) {
        return PoolGeometry.of(op, input, this, dims).outputShape;
    }

    /** The size of pooled dimension {@code d} of {@code dims} for a size array given as 1 or dims values. */
    static int at(int[] values, int d) {
        return values.length == 1 ? values[0] : values[d];
    }

    private static int[] sizes(String name, int[] values, int min) {
        if (values == null || values.length < 1 || values.length > 3) {
            throw new IllegalArgumentException("PoolOptions: " + name + " must hold 1 to 3 values, got "
                    + (values == null ? "null" : Arrays.toString(values)));
        }
        for (int v : values) {
            if (v < min) {
                throw new IllegalArgumentException("PoolOptions: " + name + " must be " + (min == 0 ? "non-negative"
                        : "positive") + ", got " + name + "=" + Arrays.toString(values));
            }
        }
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoolOptions p && Arrays.equals(kernelSize, p.kernelSize) && Arrays.equals(stride, p.stride)
                && Arrays.equals(padding, p.padding) && Arrays.equals(dilation, p.dilation) && ceilMode == p.ceilMode
                && countIncludePad == p.countIncludePad && divisorOverride == p.divisorOverride;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {Arrays.hashCode(kernelSize), Arrays.hashCode(stride),
            Arrays.hashCode(padding), Arrays.hashCode(dilation), ceilMode ? 1 : 0, countIncludePad ? 1 : 0,
            divisorOverride});
    }

    @Override
    public String toString() {
        return "PoolOptions[kernelSize=" + Arrays.toString(kernelSize) + ", stride="
                + (stride == null ? "kernelSize" : Arrays.toString(stride)) + ", padding=" + Arrays.toString(padding)
                + ", dilation=" + Arrays.toString(dilation) + ", ceilMode=" + ceilMode + ", countIncludePad="
                + countIncludePad + ", divisorOverride=" + divisorOverride + "]";
    }
}
