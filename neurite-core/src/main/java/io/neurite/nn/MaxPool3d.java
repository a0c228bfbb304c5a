package io.neurite.nn;

import io.neurite.nn.functional.PoolOptions;

/**
 * Max pooling over depth, height and width: each output is the largest element of its window
 * ({@code torch.nn.MaxPool3d}).
 *
 * <p>Shapes: input {@code (N, C, D, H, W)} or {@code (C, D, H, W)}, output {@code (N, C, D_out, H_out, W_out)}
 * or {@code (C, D_out, H_out, W_out)} with, per pooled dimension,
 * {@code out = floor((in + 2 padding - dilation (kernel - 1) - 1) / stride) + 1} (rounded up in ceil
 * mode, dropping a last window that would start in the right padding). Padding is -infinity and at
 * most half the kernel. {@link #forwardWithIndices} also returns the int32 flat index of each maximum
 * within its plane, for inspecting which element won.
 *
 * <pre>{@code
 * new MaxPool3d(2);                                          // kernel 2, stride 2
 * MaxPool3d.builder(3).stride(2).padding(1).ceilMode(true).build();
 * }</pre>
 */
public final class MaxPool3d extends MaxPoolNd {

    /** Windows of {@code kernelSize} (in every pooled dimension), stride = kernel. */
    public MaxPool3d(int kernelSize) {
        this(PoolOptions.of(kernelSize));
    }

    /** Windows of {@code kernelSize} moved by {@code stride}. */
    public MaxPool3d(int kernelSize, int stride) {
        this(PoolOptions.of(kernelSize).withStride(stride));
    }

    /** From full options (sizes as one value or 3 values); see {@link PoolOptions}. */
    public MaxPool3d(PoolOptions options) {
        super(options, 3);
    }

    /** Windows of {@code kernelSize} (one value, or 3), the other arguments in the builder. */
    public static MaxPoolBuilder<MaxPool3d> builder(int... kernelSize) {
        return new MaxPoolBuilder<>(kernelSize, MaxPool3d::new);
    }
}
