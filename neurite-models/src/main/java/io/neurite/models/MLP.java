package io.neurite.models;

import io.neurite.nn.Layer;
import io.neurite.nn.Linear;
import io.neurite.nn.Sequential;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-layer perceptron: Linear layers of the given sizes with the activation between them (none after
 * the last). Inputs of rank > 2 (e.g. images [N, 1, 28, 28]) are flattened from dim 1. The layers sit in a
 * {@link Sequential} child named {@code layers}, so parameters are named as in PyTorch's
 * {@code nn.Sequential}: {@code layers.0.weight}, {@code layers.2.weight}, ...
 *
 * <pre>{@code
 * MLP mlp = new MLP(List.of(784, 256, 128, 10), Activation.RELU);   // 235146 parameters
 * }</pre>
 */
public final class MLP extends Layer {

    private final List<Integer> sizes;
    private final Sequential layers;

    public MLP(List<Integer> sizes, Activation activation) {
        if (sizes.size() < 2 || sizes.stream().anyMatch(s -> s == null || s < 1)) {
            throw new IllegalArgumentException("MLP: expected at least 2 positive sizes (inputs, ..., outputs), got "
                    + sizes + "; hint: new MLP(List.of(784, 256, 128, 10), Activation.RELU)");
        }
        this.sizes = List.copyOf(sizes);
        List<Layer> list = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.size(); i++) {
            if (i > 0) list.add(activation.layer());
            list.add(new Linear(sizes.get(i), sizes.get(i + 1)));
        }
        this.layers = register("layers", new Sequential(list));
    }

    /** The layer sizes, inputs first. */
    public List<Integer> sizes() {
        return sizes;
    }

    @Override
    public Tensor forward(Tensor input) {
        return layers.forward(input.dim() > 2 ? input.flatten(1, -1) : input);
    }
}
