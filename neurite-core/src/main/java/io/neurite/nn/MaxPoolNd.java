package io.neurite.nn;

import io.neurite.nn.functional.PoolOptions;
import io.neurite.tensor.Tensor;
import io.neurite.tensor.ValuesIndices;

/** What {@link MaxPool1d}, {@link MaxPool2d} and {@link MaxPool3d} share: options, checks, forward and printing. */
abstract class MaxPoolNd extends Layer {

    final PoolOptions options;
    private final int dims;

    MaxPoolNd(PoolOptions options, int dims) {
        this.options = options;
        this.dims = dims;
        if (!options.countIncludePad() || options.divisorOverride() != 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": countIncludePad and divisorOverride"
                    + " apply to average pooling only, got " + options);
        }
        options.check(toString(), dims);
    }

    @Override
    public Tensor forward(Tensor input) {
        options.outputShape(toString(), input.shape(), dims);
        return switch (dims) {
            case 1 -> F.maxPool1d(input, options);
            case 2 -> F.maxPool2d(input, options);
            default -> F.maxPool3d(input, options);
        };
    }

    /** The pooled values and the int32 flat index of each maximum within its plane (PyTorch's return_indices). */
    public ValuesIndices forwardWithIndices(Tensor input) {
        options.outputShape(toString(), input.shape(), dims);
        return switch (dims) {
            case 1 -> F.maxPool1dWithIndices(input, options);
            case 2 -> F.maxPool2dWithIndices(input, options);
            default -> F.maxPool3dWithIndices(input, options);
        };
    }

    /** The window, as given. */
    public PoolOptions options() {
        return options;
    }

    @Override
    public String extraRepr() {
        int[] stride = options.stride() == null ? options.kernelSize() : options.stride();
        return "kernel_size=" + PoolingSupport.size(options.kernelSize()) + ", stride=" + PoolingSupport.size(stride)
                + ", padding=" + PoolingSupport.size(options.padding()) + ", dilation="
                + PoolingSupport.size(options.dilation()) + ", ceil_mode=" + PythonRepr.bool(options.ceilMode());
    }
}
