package io.neurite.nn;

import io.neurite.nn.functional.PoolOptions;

/**
 * Max pooling over height and width: each output is the largest element of its window ({@code torch.nn.MaxPool2d}).
 *
 * <p>Shapes: input {@code (N, C, H, W)} or {@code (C, H, W)}, output {@code (N, C, H_out, W_out)} or
 * {@code (C, H_out, W_out)} with, per pooled dimension,
 * {@code out = floor((in + 2 padding - dilation (kernel - 1) - 1) / stride) + 1} (rounded up in ceil
 * mode, dropping a last window that would start in the right padding). Padding is -infinity and at
 * most half the kernel. {@link #forwardWithIndices} also returns the int32 flat index of each maximum
 * within its plane, for {@link MaxUnpool2d}.
 *
 * <pre>{@code
 * new MaxPool2d(2);                                          // kernel 2, stride 2
 * MaxPool2d.builder(3).stride(2).padding(1).ceilMode(true).build();
 * }</pre>
 */
public final class MaxPool2d extends MaxPoolNd {

    /** Windows of {@code kernelSize} (in every pooled dimension), stride = kernel. */
    public MaxPool2d(int kernelSize) {
        this(PoolOptions.of(kernelSize));
    }

    /** Windows of {@code kernelSize} moved by {@code stride}. */
    public MaxPool2d(int kernelSize, int stride) {
        this(PoolOptions.of(kernelSize).withStride(stride));
    }

    /** From full options (sizes as one value or 2 values); see {@link PoolOptions}. */
    public MaxPool2d(PoolOptions options) {
        super(options, 2);
    }

    /** Windows of {@code kernelSize} (one value, or 2), the other arguments in the builder. */
    public static MaxPoolBuilder<MaxPool2d> builder(int... kernelSize) {
        return new MaxPoolBuilder<>(kernelSize, MaxPool2d::new);
    }
}
