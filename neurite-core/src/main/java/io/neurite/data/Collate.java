package io.neurite.data;

import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Functions that turn the samples of one mini-batch into batch tensors (PyTorch's {@code default_collate}):
 * tensors are stacked along a new first dimension; integer labels become a 1-D int tensor.
 */
public final class Collate {

    private Collate() {}

    /** Stacks inputs and targets: {@code [B, *input]} and {@code [B, *target]} (int {@code [B]} for labels). */
    public static Batch samples(List<Sample> samples) {
        List<Tensor> inputs = new ArrayList<>(samples.size());
        List<Tensor> targets = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            inputs.add(s.input());
            targets.add(s.target());
        }
        return new Batch(Tensor.stack(inputs, 0), Tensor.stack(targets, 0));
    }

    /** Stacks same-shaped tensors along a new first dimension: {@code [B, *shape]}. */
    public static Tensor tensors(List<Tensor> tensors) {
        return Tensor.stack(tensors, 0);
    }

    /** Class labels as a 1-D int tensor {@code [B]}. */
    public static Tensor labels(List<Integer> labels) {
        int[] out = new int[labels.size()];
        for (int i = 0; i < out.length; i++) out[i] = labels.get(i);
        return Tensor.ofInts(out, out.length);
    }
}
