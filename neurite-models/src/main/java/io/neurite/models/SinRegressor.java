package io.neurite.models;

import io.neurite.nn.Layer;
import io.neurite.nn.Linear;
import io.neurite.tensor.Tensor;

/**
 * The notes' first network (seeds/000), which learns f(x) = sin(3x) on [-1, 1]: Linear 1-64, ReLU,
 * Linear 64-128, ReLU, Linear 128-1, with the notes' child names {@code hidden1}, {@code hidden2},
 * {@code output}. Input [N, 1], output [N, 1]; 8577 parameters.
 */
public final class SinRegressor extends Layer {

    private final Linear hidden1 = register("hidden1", new Linear(1, 64));
    private final Linear hidden2 = register("hidden2", new Linear(64, 128));
    private final Linear output = register("output", new Linear(128, 1));

    @Override
    public Tensor forward(Tensor x) {
        return output.forward(hidden2.forward(hidden1.forward(x).relu()).relu());
    }
}
