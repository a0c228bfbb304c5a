package io.neurite.nn;

import io.neurite.nn.functional.PoolOptions;

/**
 * Max pooling over the last dimension of a sequence: each output is the largest element of its window
 * ({@code torch.nn.MaxPool1d}).
 *
 * <p>Shapes: input {@code (N, C, L)} or {@code (C, L)}, output {@code (N, C, L_out)} or {@code (C, L_out)}
 * with, per pooled dimension,
 * {@code out = floor((in + 2 padding - dilation (kernel - 1) - 1) / stride) + 1} (rounded up in ceil
 * mode, dropping a last window that would start in the right padding). Padding is -infinity and at
 * most half the kernel. {@link #forwardWithIndices} also returns the int32 flat index of each maximum
 * within its plane, for inspecting which element won.
 *
 * <pre>{@code
 * new MaxPool1d(2);                                          // kernel 2, stride 2
 * MaxPool1d.builder(3).stride(2).padding(1).ceilMode(true).build();
 * }</pre>
 */
public final class MaxPool1d extends MaxPoolNd {

    /** Windows of {@code kernelSize} (in every pooled dimension), stride = kernel. */
    public MaxPool1d(int kernelSize) {
        this(PoolOptions.of(kernelSize));
    }

    /** Windows of {@code kernelSize} moved by {@code stride}. */
    public MaxPool1d(int kernelSize, int stride) {
        this(PoolOptions.of(kernelSize).withStride(stride));
    }

    /** From full options (sizes as one value or 1 values); see {@link PoolOptions}. */
    public MaxPool1d(PoolOptions options) {
        super(options, 1);
    }

    /** Windows of {@code kernelSize} (one value, or 1), the other arguments in the builder. */
    public static MaxPoolBuilder<MaxPool1d> builder(int... kernelSize) {
        return new MaxPoolBuilder<>(kernelSize, MaxPool1d::new);
    }
}
