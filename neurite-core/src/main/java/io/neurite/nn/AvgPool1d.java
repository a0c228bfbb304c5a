package io.neurite.nn;

import io.neurite.nn.functional.PoolOptions;

/**
 * Average pooling over the last dimension of a sequence: each output is the mean of its window
 * ({@code torch.nn.AvgPool1d}).
 *
 * <p>Shapes: input {@code (N, C, L)} or {@code (C, L)}, output {@code (N, C, L_out)} or {@code (C, L_out)}
 * with, per pooled dimension,
 * {@code out = floor((in + 2 padding - kernel) / stride) + 1} (rounded up in ceil mode, dropping a last
 * window that would start in the right padding). Padding is zeros, at most half the kernel. The divisor
 * is the window size clipped to the padded input ({@code countIncludePad}, default), or the number of
 * input elements in the window.
 *
 * <pre>{@code
 * new AvgPool1d(2);
 * AvgPool1d.builder(3).stride(2).padding(1).countIncludePad(false).build();
 * }</pre>
 */
public final class AvgPool1d extends AvgPoolNd {

    /** Windows of {@code kernelSize} (in every pooled dimension), stride = kernel. */
    public AvgPool1d(int kernelSize) {
        this(PoolOptions.of(kernelSize));
    }

    /** Windows of {@code kernelSize} moved by {@code stride}. */
    public AvgPool1d(int kernelSize, int stride) {
        this(PoolOptions.of(kernelSize).withStride(stride));
    }

    /** From full options (sizes as one value or 1 values); see {@link PoolOptions}. */
    public AvgPool1d(PoolOptions options) {
        super(options, 1);
    }

    /** Windows of {@code kernelSize} (one value, or 1), the other arguments in the builder. */
    public static AvgPoolBuilder<AvgPool1d> builder(int... kernelSize) {
        return new AvgPoolBuilder<>(kernelSize, AvgPool1d::new);
    }

    @Override
    public String extraRepr() {
        int[] stride = options.stride() == null ? options.kernelSize() : options.stride();
        return "kernel_size=" + PoolingSupport.tuple(options.kernelSize(), 1) + ", stride="
                + PoolingSupport.tuple(stride, 1) + ", padding=" + PoolingSupport.tuple(options.padding(), 1);
    }
}
