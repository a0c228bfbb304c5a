package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * {@code exp(x_i) / sum_j exp(x_j)} along {@code dim} ({@code torch.nn.Softmax}): each slice along
 * {@code dim} becomes a probability distribution.
 *
 * <p>Shapes: any with at least one dimension; the output has the input's shape.
 */
public final class Softmax extends Layer {

    private final int dim;

    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        input.shape().normalizeDim(dim, this.toString());
        return F.softmax(input, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
