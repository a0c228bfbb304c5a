package io.neurite.nn.loss;

import io.neurite.nn.F;
import io.neurite.tensor.Tensor;

/**
 * The squared error {@code (x - y)^2} between input and target, averaged by default: PyTorch's
 * {@code nn.MSELoss}, the loss of regression.
 *
 * <p>Shapes: input any shape; target the same shape (a mismatch fails rather than broadcast); output
 * a scalar, or the input's shape with {@link Reduction#NONE}.
 */
public final class MSELoss extends Loss {

    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.mseLoss(input, target, reduction());
    }
}
