package io.neurite.nn;

import io.neurite.nn.functional.PoolOptions;
import java.util.function.Function;

/**
 * The optional arguments of an average-pooling layer: {@code AvgPool2d.builder(3).stride(2).padding(1)
 * .countIncludePad(false).build()}. Each size takes one value (for every pooled dimension) or one per dimension.
 */
public final class AvgPoolBuilder<L extends Layer> {

    private PoolOptions options;
    private final Function<PoolOptions, L> make;

    AvgPoolBuilder(int[] kernelSize, Function<PoolOptions, L> make) {
        this.options = PoolOptions.of(kernelSize);
        this.make = make;
    }

    /** The step between windows (default: the kernel size). */
    public AvgPoolBuilder<L> stride(int... value) {
        options = options.withStride(value);
        return this;
    }

    /** Implicit zero padding on both sides, at most half the kernel (default 0). */
    public AvgPoolBuilder<L> padding(int... value) {
        options = options.withPadding(value);
        return this;
    }

    /** Rounds the output size up, keeping a last partial window that starts inside the input or left padding. */
    public AvgPoolBuilder<L> ceilMode(boolean value) {
        options = options.withCeilMode(value);
        return this;
    }

    /** Whether the zero padding counts in the divisor (default true). */
    public AvgPoolBuilder<L> countIncludePad(boolean value) {
        options = options.withCountIncludePad(value);
        return this;
    }

    /** Divide every window sum by {@code value} instead of the window size ({@link AvgPool2d} only). */
    public AvgPoolBuilder<L> divisorOverride(int value) {
        options = options.withDivisorOverride(value);
        return this;
    }

    public L build() {
        return make.apply(options);
    }
}
