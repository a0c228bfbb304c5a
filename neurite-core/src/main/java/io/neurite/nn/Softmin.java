package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * {@code exp(-x_i) / sum_j exp(-x_j)} along {@code dim} ({@code torch.nn.Softmin}): softmax of {@code -x}.
 *
 * <p>Shapes: any with at least one dimension; the output has the input's shape.
 */
public final class Softmin extends Layer {

    private final int dim;

    public Softmin(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        input.shape().normalizeDim(dim, this.toString());
        return F.softmin(input, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
