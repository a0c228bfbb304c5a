package io.neurite.data;

import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * Samples are the rows of two tensors: sample {@code i} is {@code (inputs[i], targets[i])}, read as views
 * (PyTorch's {@code TensorDataset} with two tensors).
 *
 * <p>Shapes: {@code inputs} {@code [N, *]}, {@code targets} {@code [N, *]} (a 1-D int tensor {@code [N]}
 * of class labels, typically).
 */
public final class TensorDataset implements Dataset<Sample> {

    private final Tensor inputs;
    private final Tensor targets;

    public TensorDataset(Tensor inputs, Tensor targets) {
        if (inputs.dim() == 0 || targets.dim() == 0 || inputs.size(0) != targets.size(0)) {
            throw new ShapeException("TensorDataset: expected inputs and targets with the same first dimension"
                    + " (the number of samples), got inputs " + inputs.shape() + " and targets " + targets.shape()
                    + "; hint: one row per sample in both", inputs.shape(), targets.shape());
        }
        this.inputs = inputs;
        this.targets = targets;
    }

    @Override
    public int size() {
        return inputs.size(0);
    }

    @Override
    public Sample get(int index) {
        Dataset.checkIndex("TensorDataset.get", index, size());
        return new Sample(inputs.select(0, index), targets.select(0, index));
    }

    public Tensor inputs() {
        return inputs;
    }

    public Tensor targets() {
        return targets;
    }
}
