package io.neurite.models;

import io.neurite.nn.Layer;
import io.neurite.nn.ReLU;
import io.neurite.nn.Sigmoid;
import io.neurite.nn.Tanh;
import java.util.function.Supplier;

/** The hidden-layer activations a zoo model can be built with. */
public enum Activation {
    RELU(ReLU::new),
    TANH(Tanh::new),
    SIGMOID(Sigmoid::new);

    private final Supplier<Layer> factory;

    Activation(Supplier<Layer> factory) {
        this.factory = factory;
    }

    /** A new layer computing this activation. */
    public Layer layer() {
        return factory.get();
    }
}
