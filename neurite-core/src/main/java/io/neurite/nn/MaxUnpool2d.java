package io.neurite.nn;

import io.neurite.nn.functional.PoolOptions;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * The partial inverse of {@link MaxPool2d} ({@code torch.nn.MaxUnpool2d}): zeros everywhere except each
 * pooled value put back at the index where its maximum was. Takes two tensors, so it is a {@link Module}
 * rather than a {@link Layer}.
 *
 * <p>Shapes: input and indices {@code (N, C, H, W)} or {@code (C, H, W)}; output height
 * {@code (H - 1) stride - 2 padding + kernel} (likewise the width), or the {@code outputSize} given to
 * {@link #forward(Tensor, Tensor, int...)}, e.g. the pooled input's size when pooling rounded down.
 *
 * <pre>{@code
 * ValuesIndices pooled = new MaxPool2d(2).forwardWithIndices(x);
 * Tensor restored = new MaxUnpool2d(2).forward(pooled.values(), pooled.indices());
 * }</pre>
 */
public final class MaxUnpool2d extends Module {

    private final PoolOptions options;

    /** Windows of {@code kernelSize}, stride = kernel, no padding. */
    public MaxUnpool2d(int kernelSize) {
        this(PoolOptions.of(kernelSize));
    }

    public MaxUnpool2d(int kernelSize, int stride) {
        this(PoolOptions.of(kernelSize).withStride(stride));
    }

    public MaxUnpool2d(int kernelSize, int stride, int padding) {
        this(PoolOptions.of(kernelSize).withStride(stride).withPadding(padding));
    }

    /** The options of the max pooling to invert (its dilation and ceil mode play no part). */
    public MaxUnpool2d(PoolOptions options) {
        this.options = options;
    }

    /** Unpools {@code input} with the {@code indices} of the pooling, to the default output size. */
    public Tensor forward(Tensor input, Tensor indices) {
        return forward(input, indices, new int[0]);
    }

    /** Unpools to {@code outputSize}: 2 values, or 4 of which the last 2 count; within a stride of the default. */
    public Tensor forward(Tensor input, Tensor indices, int... outputSize) {
        requireRank(input, 3, 4);
        if (!indices.shape().equals(input.shape())) {
            throw new ShapeException(this + ": expected indices of the input's shape " + input.shape() + ", got "
                    + indices.shape() + "; hint: pass the indices from MaxPool2d.forwardWithIndices", input.shape(),
                    indices.shape());
        }
        return F.maxUnpool2d(input, indices, options, outputSize);
    }

    @Override
    public String extraRepr() {
        int[] stride = options.stride() == null ? options.kernelSize() : options.stride();
        return "kernel_size=" + PoolingSupport.tuple(options.kernelSize(), 2) + ", stride="
                + PoolingSupport.tuple(stride, 2) + ", padding=" + PoolingSupport.tuple(options.padding(), 2);
    }
}
