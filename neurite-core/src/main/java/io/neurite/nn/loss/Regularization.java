package io.neurite.nn.loss;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.DType;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Penalties on parameter size to add to a loss, over the parameters you choose (e.g. only weights,
 * not biases): differentiable scalars.
 *
 * <pre>{@code
 * List<Tensor> weights = List.of(fc1.weight(), fc2.weight());
 * Tensor loss = criterion.forward(out, y).add(Regularization.l2(weights).mul(1e-4f));
 * }</pre>
 *
 * <p>The 1/2 convention: {@link #l2} is {@code sum w^2} with no 1/2, so adding {@code lambda * l2}
 * adds {@code 2 lambda w} to each gradient, the same as an optimizer's {@code weight_decay = 2 lambda}.
 * Texts that write the penalty as {@code (lambda / 2) sum w^2} get a gradient of {@code lambda w}, which
 * is weight decay {@code lambda}; to reproduce {@code weight_decay = wd} here, use {@code (wd / 2) * l2}.
 * (With adaptive optimizers such as Adam a penalty in the loss is not the same as decoupled weight
 * decay, AdamW.)
 */
public final class Regularization {

    private Regularization() {}

    /** {@code sum |w|} over every element of every tensor (L1, lasso); its gradient is {@code sign(w)}. */
    public static Tensor l1(Iterable<Tensor> params) {
        return penalty("l1", params, false);
    }

    /** {@code sum w^2} over every element of every tensor (L2, ridge; no 1/2); its gradient is {@code 2 w}. */
    public static Tensor l2(Iterable<Tensor> params) {
        return penalty("l2", params, true);
    }

    private static Tensor penalty(String op, Iterable<Tensor> params, boolean squared) {
        List<Tensor> list = new ArrayList<>();
        for (Tensor p : params) {
            if (p.dtype() != DType.FLOAT32) {
                throw new IllegalArgumentException("Regularization." + op + ": expected float32 parameters, got "
                        + p.dtype().torchName() + " of shape " + p.shape() + " at position " + list.size()
                        + "; hint: pass only trainable (float) tensors, e.g. model.parameters()");
            }
            list.add(p);
        }
        double total = 0;
        for (Tensor p : list) {
            for (float v : p.contiguousData()) total += squared ? (double) v * v : Math.abs(v);
        }
        Tensor[] inputs = list.toArray(new Tensor[0]);
        return Autograd.record(op, Tensor.scalar((float) total), inputs, inputs, g -> {
            float scale = g.item();
            Tensor[] grads = new Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                Tensor p = inputs[i];
                if (p.requiresGrad()) grads[i] = squared ? p.mul(2f * scale) : p.sign().mul(scale);
            }
            return grads;
        });
    }
}
