package io.neurite.nn;

import io.neurite.tensor.Tensor;
import java.util.function.UnaryOperator;

/** A module computing one tensor from one tensor: what {@link Sequential} chains. */
public abstract class Layer extends Module {

    public abstract Tensor forward(Tensor input);

    /** A Keras-like table of layers, output shapes and parameter counts (see {@link Summary}). */
    public String summary(io.neurite.tensor.Shape inputShape) {
        return Summary.of(this, inputShape);
    }

    /** A parameter-free layer from a function, e.g. {@code Layer.of("Square", x -> x.mul(x))}. */
    public static Layer of(String name, UnaryOperator<Tensor> fn) {
        return new Layer() {
            @Override
            public Tensor forward(Tensor input) {
                return fn.apply(input);
            }

            @Override
            public String toString() {
                return name + "()";
            }
        };
    }

    /** {@code x + body(x)}: a residual (skip) connection around {@code body}. */
    public static Layer residual(Layer body) {
        return new Residual(body);
    }
}
