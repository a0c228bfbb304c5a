package io.neurite.models;

import io.neurite.nn.Layer;
import io.neurite.tensor.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The named models the command line can train: each entry builds a fresh model (random weights from the
 * global generator, see {@code Tensor.manualSeed}) for 28x28 grayscale images with 10 classes, except
 * {@code sin} (inputs [N, 1]).
 *
 * <pre>{@code
 * Layer model = ModelZoo.create("lenet5");
 * ModelZoo.entries().forEach(e -> System.out.println(e.name() + " " + e.parameterCount()));
 * }</pre>
 */
public final class ModelZoo {

    /**
     * A zoo model: its name, a one-line description, how to build it, its parameter count and the
     * shape of one input batch it takes (for summaries and benchmarks).
     */
    public record Entry(String name, String description, Supplier<Layer> factory, long parameterCount,
                        Shape inputShape) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        Shape image = Shape.of(1, 1, 28, 28);
        add("mlp", "MLP 784-256-128-10 with ReLU", () -> new MLP(List.of(784, 256, 128, 10), Activation.RELU), 235_146,
                image);
        add("lenet5", "LeNet-5: conv-pool-conv-pool-fc-fc-fc, ReLU and max pooling, 28x28 input padded by 2",
                LeNet5::new, LeNet5.PARAMETERS_28X28, image);
        add("simplecnn", "The notes' SimpleCNN: (conv-batchnorm-ReLU-dropout 0.5) x2 with 32 and 64 channels, linear",
                () -> new SimpleCNN(1, 10, 28, 28), 520_778, image);
        add("sin", "The notes' sin(3x) regressor: MLP 1-64-128-1 with ReLU", SinRegressor::new, 8_577, Shape.of(1, 1));
    }

    private ModelZoo() {}

    private static void add(String name, String description, Supplier<Layer> factory, long parameterCount,
                            Shape inputShape) {
        ENTRIES.put(name, new Entry(name, description, factory, parameterCount, inputShape));
    }

    /** All entries in a fixed order. */
    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /** The entry called {@code name} (case-insensitive). */
    public static Entry entry(String name) {
        Entry entry = ENTRIES.get(name.toLowerCase(java.util.Locale.ROOT));
        if (entry == null) {
            throw new IllegalArgumentException("ModelZoo: unknown model '" + name + "', expected one of "
                    + ENTRIES.keySet());
        }
        return entry;
    }

    /** A freshly built model called {@code name}. */
    public static Layer create(String name) {
        return entry(name).factory().get();
    }
}
