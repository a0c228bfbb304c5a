package io.neurite.nn;

import io.neurite.nn.functional.PoolOptions;

/**
 * Average pooling over height and width: each output is the mean of its window ({@code torch.nn.AvgPool2d}).
 *
 * <p>Shapes: input {@code (N, C, H, W)} or {@code (C, H, W)}, output {@code (N, C, H_out, W_out)} or
 * {@code (C, H_out, W_out)} with, per pooled dimension,
 * {@code out = floor((in + 2 padding - kernel) / stride) + 1} (rounded up in ceil mode, dropping a last
 * window that would start in the right padding). Padding is zeros, at most half the kernel. The divisor
 * is the window size clipped to the padded input ({@code countIncludePad}, default), or the number of
 * input elements in the window, or {@code divisorOverride} when set.
 *
 * <pre>{@code
 * new AvgPool2d(2);
 * AvgPool2d.builder(3).stride(2).padding(1).countIncludePad(false).build();
 * }</pre>
 */
public final class AvgPool2d extends AvgPoolNd {

    /** Windows of {@code kernelSize} (in every pooled dimension), stride = kernel. */
    public AvgPool2d(int kernelSize) {
        this(PoolOptions.of(kernelSize));
    }

    /** Windows of {@code kernelSize} moved by {@code stride}. */
    public AvgPool2d(int kernelSize, int stride) {
        this(PoolOptions.of(kernelSize).withStride(stride));
    }

    /** From full options (sizes as one value or 2 values); see {@link PoolOptions}. */
    public AvgPool2d(PoolOptions options) {
        super(options, 2);
    }

    /** Windows of {@code kernelSize} (one value, or 2), the other arguments in the builder. */
    public static AvgPoolBuilder<AvgPool2d> builder(int... kernelSize) {
        return new AvgPoolBuilder<>(kernelSize, AvgPool2d::new);
    }

    @Override
    public String extraRepr() {
        int[] stride = options.stride() == null ? options.kernelSize() : options.stride();
        return "kernel_size=" + PoolingSupport.size(options.kernelSize()) + ", stride=" + PoolingSupport.size(stride)
                + ", padding=" + PoolingSupport.size(options.padding());
    }
}
