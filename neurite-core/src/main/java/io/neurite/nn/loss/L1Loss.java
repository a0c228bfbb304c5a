package io.neurite.nn.loss;

import io.neurite.nn.F;
import io.neurite.tensor.Tensor;

/**
 * The absolute error {@code |x - y|} between input and target, averaged by default: PyTorch's
 * {@code nn.L1Loss}.
 *
 * <p>Shapes: input any shape; target the same shape; output a scalar, or the input's shape with
 * {@link Reduction#NONE}.
 */
public final class L1Loss extends Loss {

    public L1Loss() {
        this(Reduction.MEAN);
    }

    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.l1Loss(input, target, reduction());
    }
}
