package io.neurite.nn;

import io.neurite.tensor.Tensor;
import java.util.List;

/** Layers applied in order; children are named 0, 1, 2, ... as in PyTorch. */
public final class Sequential extends Layer {

    private int size;

    public Sequential(Layer... layers) {
        for (Layer layer : layers) add(layer);
    }

    public Sequential(List<? extends Layer> layers) {
        for (Layer layer : layers) add(layer);
    }

    /** Appends a layer under the next index. Returns this. */
    public Sequential add(Layer layer) {
        register(Integer.toString(size++), layer);
        return this;
    }

    /** The layer at {@code index} (negative counts from the end). */
    public Layer get(int index) {
        int i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("Sequential.get: index " + index + " out of range for " + size + " layers");
        }
        return (Layer) namedChildren().get(Integer.toString(i));
    }

    public int size() {
        return size;
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module layer : children()) x = ((Layer) layer).forward(x);
        return x;
    }
}
