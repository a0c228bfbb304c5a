package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * {@code x_i - log sum_j exp(x_j)} along {@code dim} ({@code torch.nn.LogSoftmax}), computed without overflow.
 *
 * <p>Shapes: any with at least one dimension; the output has the input's shape.
 */
public final class LogSoftmax extends Layer {

    private final int dim;

    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        input.shape().normalizeDim(dim, this.toString());
        return F.logSoftmax(input, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
