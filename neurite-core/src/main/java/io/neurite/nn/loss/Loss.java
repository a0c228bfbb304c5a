package io.neurite.nn.loss;

import io.neurite.nn.Module;
import io.neurite.tensor.Tensor;
import java.util.Objects;

/**
 * A loss: a module computing how far {@code input} (the model's output) is from {@code target}, as
 * PyTorch's {@code _Loss}. Its math is the matching function in {@link io.neurite.nn.F}; class
 * weights are buffers (in the state dict under PyTorch's names).
 *
 * <pre>{@code
 * Loss criterion = new CrossEntropyLoss();
 * Tensor loss = criterion.forward(model.forward(images), labels);
 * loss.backward();
 * }</pre>
 */
public abstract class Loss extends Module {

    private final Reduction reduction;

    /** A loss with the given reduction; {@link Reduction#BATCHMEAN} is refused (only KLDivLoss takes it). */
    protected Loss(Reduction reduction) {
        this(reduction, false);
    }

    Loss(Reduction reduction, boolean batchmeanAllowed) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        if (reduction == Reduction.BATCHMEAN && !batchmeanAllowed) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": reduction batchmean is only defined for"
                    + " KLDivLoss, got it here; hint: use Reduction.MEAN or Reduction.SUM");
        }
    }

    /** How per-element losses are combined. */
    public final Reduction reduction() {
        return reduction;
    }

    /** The loss of {@code input} against {@code target}: a scalar, or per element with {@link Reduction#NONE}. */
    public abstract Tensor forward(Tensor input, Tensor target);
}
