package io.neurite.nn;

import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * Splits dimension {@code dim} into the given sizes ({@code torch.nn.Unflatten}); the inverse of
 * {@link Flatten}.
 *
 * <p>Shapes: with {@code dim = 1, sizes = (C, H, W)}, {@code [N, C * H * W]} becomes {@code [N, C, H, W]}.
 */
public final class Unflatten extends Layer {

    private final int dim;
    private final int[] sizes;

    public Unflatten(int dim, int... sizes) {
        if (sizes.length == 0) {
            throw new IllegalArgumentException("Unflatten: expected at least one size, got none");
        }
        this.dim = dim;
        this.sizes = sizes.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        int product = 1;
        for (int s : sizes) product *= s;
        if (input.dim() == 0 || (dim < input.dim() && dim >= -input.dim() && product != input.size(dim)
                && product > 0)) {
            throw new ShapeException(this + ": expected dimension " + dim + " of size " + product + ", got input shape "
                    + input.shape(), input.shape());
        }
        return input.unflatten(dim, sizes);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim + ", unflattened_size=" + PythonRepr.tuple(sizes);
    }
}
