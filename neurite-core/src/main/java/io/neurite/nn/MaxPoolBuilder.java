package io.neurite.nn;

import io.neurite.nn.functional.PoolOptions;
import java.util.function.Function;

/**
 * The optional arguments of a max-pooling layer: {@code MaxPool2d.builder(3).stride(2).padding(1).build()}.
 * Each size takes one value (for every pooled dimension) or one per dimension.
 */
public final class MaxPoolBuilder<L extends Layer> {

    private PoolOptions options;
    private final Function<PoolOptions, L> make;

    MaxPoolBuilder(int[] kernelSize, Function<PoolOptions, L> make) {
        this.options = PoolOptions.of(kernelSize);
        this.make = make;
    }

    /** The step between windows (default: the kernel size). */
    public MaxPoolBuilder<L> stride(int... value) {
        options = options.withStride(value);
        return this;
    }

    /** Implicit -infinity padding on both sides, at most half the kernel (default 0). */
    public MaxPoolBuilder<L> padding(int... value) {
        options = options.withPadding(value);
        return this;
    }

    /** The spacing between the elements of a window (default 1). */
    public MaxPoolBuilder<L> dilation(int... value) {
        options = options.withDilation(value);
        return this;
    }

    /** Rounds the output size up, keeping a last partial window that starts inside the input or left padding. */
    public MaxPoolBuilder<L> ceilMode(boolean value) {
        options = options.withCeilMode(value);
        return this;
    }

    public L build() {
        return make.apply(options);
    }
}
