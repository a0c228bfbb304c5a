package io.neurite.nn;

import io.neurite.nn.functional.PoolOptions;
import io.neurite.tensor.Tensor;

/** What {@link AvgPool1d} and {@link AvgPool2d} share: options, checks, forward and printing. */
abstract class AvgPoolNd extends Layer {

    final PoolOptions options;
    private final int dims;

    AvgPoolNd(PoolOptions options, int dims) {
        this.options = options;
        this.dims = dims;
        for (int d : options.dilation()) {
            if (d != 1) throw new IllegalArgumentException(getClass().getSimpleName() + ": average pooling has no"
                    + " dilation, got " + options);
        }
        if (dims == 1 && options.divisorOverride() != 0) {
            throw new IllegalArgumentException("AvgPool1d: divisorOverride is not available in 1-D (as in PyTorch),"
                    + " got " + options + "; hint: use AvgPool2d, or scale the result");
        }
        options.check(toString(), dims);
    }

    @Override
    public Tensor forward(Tensor input) {
        options.outputShape(toString(), input.shape(), dims);
        return dims == 1 ? F.avgPool1d(input, options) : F.avgPool2d(input, options);
    }

    /** The window, as given. */
    public PoolOptions options() {
        return options;
    }
}
