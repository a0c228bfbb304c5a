package io.neurite.nn;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.Shape;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table of a model's layers, their output shapes and parameter counts, with totals of trainable
 * and frozen parameters, like Keras' {@code model.summary()}.
 *
 * <p>Output shapes come from one forward pass on zeros under no-grad, in eval mode (the modes are
 * restored afterwards). Every module is a row, nested ones indented under their parent; a module's
 * count includes its children's. Shapes are known for the model itself and, through
 * {@link Sequential}s, for each layer of the chain; children called from a custom forward show "-".
 *
 * <pre>{@code
 * System.out.println(Summary.of(model, Shape.of(1, 3, 200, 200)));
 * }</pre>
 */
public final class Summary {

    private record Row(String name, String output, long parameters) {}

    private Summary() {}

    /** The summary of {@code model} run on zeros of {@code inputShape} (including the batch dimension). */
    public static String of(Layer model, Shape inputShape) {
        return of(model, Tensor.zeros(inputShape.dims()));
    }

    /** The summary of {@code model} run on {@code example} (e.g. int32 indices for an embedding). */
    public static String of(Layer model, Tensor example) {
        Map<Module, Boolean> modes = new LinkedHashMap<>();
        for (Module m : model.modules()) modes.put(m, m.isTraining());
        List<Row> rows = new ArrayList<>();
        model.eval();
        try (var scope = Autograd.noGrad()) {
            walk(model, typeName(model), example, 0, rows);
        } finally {
            modes.forEach(Module::train);
        }
        long total = model.parameterCount(), trainable = 0;
        for (Tensor p : model.parameters()) if (p.requiresGrad()) trainable += p.numel();
        return format(example.shape(), rows, total, trainable);
    }

    /** Adds the row of {@code m} (its output when its input is known) and, indented, its children's. */
    private static void walk(Module m, String name, Tensor input, int depth, List<Row> rows) {
        String output = "-";
        if (input != null && m instanceof Layer layer) output = layer.forward(input).shape().toString();
        rows.add(new Row("  ".repeat(depth) + name, output, m.parameterCount()));
        Tensor x = m instanceof Sequential ? input : null;
        for (var child : m.namedChildren().entrySet()) {
            Module c = child.getValue();
            walk(c, child.getKey() + " (" + typeName(c) + ")", x, depth + 1, rows);
            if (x != null) x = ((Layer) c).forward(x);
        }
    }

    /** The class name, or for an anonymous class (e.g. {@code Layer.of("Square", ...)}) the name it prints. */
    private static String typeName(Module m) {
        String name = m.getClass().getSimpleName();
        return name.isEmpty() ? m.toString().split("\\(", 2)[0] : name;
    }

    private static String format(Shape input, List<Row> rows, long total, long trainable) {
        int nameWidth = "Layer (type)".length(), outWidth = "Output Shape".length(), paramWidth = "Param #".length();
        for (Row r : rows) {
            nameWidth = Math.max(nameWidth, r.name().length());
            outWidth = Math.max(outWidth, r.output().length());
            paramWidth = Math.max(paramWidth, count(r.parameters()).length());
        }
        String line = "%-" + (nameWidth + 3) + "s%-" + (outWidth + 3) + "s%" + paramWidth + "s%n";
        String rule = "=".repeat(nameWidth + outWidth + paramWidth + 6) + "\n";
        StringBuilder sb = new StringBuilder("Input shape: " + input + "\n");
        sb.append(String.format(Locale.ROOT, line, "Layer (type)", "Output Shape", "Param #")).append(rule);
        for (Row r : rows) sb.append(String.format(Locale.ROOT, line, r.name(), r.output(), count(r.parameters())));
        return sb.append(rule)
                .append("Total params: ").append(count(total)).append('\n')
                .append("Trainable params: ").append(count(trainable)).append('\n')
                .append("Frozen params: ").append(count(total - trainable)).append('\n')
                .toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
