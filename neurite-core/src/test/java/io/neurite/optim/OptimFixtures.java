package io.neurite.optim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neurite.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The PyTorch references of {@code fixtures/optim.json}, written by
 * {@code scripts/fixtures/gen_optim_fixtures.py} (its header documents the format), and the
 * helpers that turn them into tensors and optimizers.
 */
public final class OptimFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode ROOT = read();

    private OptimFixtures() {}

    private static JsonNode read() {
        try (InputStream in = OptimFixtures.class.getClassLoader().getResourceAsStream("fixtures/optim.json")) {
            if (in == null) {
                throw new IllegalStateException("fixtures/optim.json is not on the test class path; regenerate it"
                        + " with /usr/bin/python3 scripts/fixtures/gen_optim_fixtures.py");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cases of one section as JUnit arguments (name, case). */
    public static Stream<Arguments> section(String name) {
        List<Arguments> out = new ArrayList<>();
        ROOT.get(name).forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
        if (out.isEmpty()) throw new IllegalStateException("no cases in section " + name);
        return out.stream();
    }

    /** One case of a section by name. */
    public static JsonNode byName(String section, String name) {
        for (JsonNode c : ROOT.get(section)) if (c.get("name").asText().equals(name)) return c;
        throw new IllegalArgumentException("no case '" + name + "' in section " + section);
    }

    /** A tensor {shape, data} as a new Neurite tensor. */
    public static Tensor tensor(JsonNode t) {
        int[] shape = new int[t.get("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = t.get("shape").get(i).asInt();
        return Tensor.of(floats(t.get("data")), shape);
    }

    public static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = array.get(i);
            out[i] = v.isTextual() ? Float.parseFloat(v.asText().replace("inf", "Infinity")
                    .replace("nan", "NaN")) : (float) v.asDouble();
        }
        return out;
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asDouble();
        return out;
    }

    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    /** Fails unless every value is within {@code atol + rtol * |expected|}, naming the worst element. */
    public static void assertClose(String what, float[] expected, float[] actual, double rtol, double atol) {
        if (expected.length != actual.length) {
            throw new AssertionError(what + ": expected " + expected.length + " values, got " + actual.length);
        }
        int worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < actual.length; i++) {
            double excess = Float.compare(expected[i], actual[i]) == 0 ? 0
                    : Math.abs((double) actual[i] - expected[i]) - (atol + rtol * Math.abs(expected[i]));
            if (Double.isNaN(excess)) excess = Double.POSITIVE_INFINITY;
            if (excess > 0 && (worst < 0 || excess > worstExcess)) {
                worst = i;
                worstExcess = excess;
            }
        }
        if (worst >= 0) {
            throw new AssertionError(what + ": element " + worst + " expected " + expected[worst] + ", got "
                    + actual[worst] + (actual.length <= 20 ? "\n  expected " + Arrays.toString(expected)
                    + "\n  actual   " + Arrays.toString(actual) : ""));
        }
    }

    /** The doubles within {@code atol + rtol * |expected|}. */
    public static void assertClose(String what, double[] expected, double[] actual, double rtol, double atol) {
        if (expected.length != actual.length) {
            throw new AssertionError(what + ": expected " + Arrays.toString(expected) + ", got "
                    + Arrays.toString(actual));
        }
        for (int i = 0; i < actual.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= atol + rtol * Math.abs(expected[i]))) {
                throw new AssertionError(what + ": expected " + Arrays.toString(expected) + ", got "
                        + Arrays.toString(actual));
            }
        }
    }

    // ---------------------------------------------------------------- optimizers by name

    /** The optimizer {@code kind} over {@code params} with PyTorch's defaults changed by {@code options}. */
    public static Optimizer<?> create(String kind, List<Tensor> params, Map<String, Object> options) {
        return switch (kind) {
            case "SGD" -> new SGD(params, with(SGD.options(0), options));
            case "Adagrad" -> new Adagrad(params, with(Adagrad.options(), options));
            case "RMSprop" -> new RMSprop(params, with(RMSprop.options(), options));
            case "Adam" -> new Adam(params, with(Adam.options(), options));
            case "AdamW" -> new AdamW(params, with(AdamW.options(), options));
            case "Adamax" -> new Adamax(params, with(Adamax.options(), options));
            case "NAdam" -> new NAdam(params, with(NAdam.options(), options));
            case "RAdam" -> new RAdam(params, with(RAdam.options(), options));
            case "Adadelta" -> new Adadelta(params, with(Adadelta.options(), options));
            case "LBFGS" -> new LBFGS(params, with(LBFGS.options(), options));
            default -> throw new IllegalArgumentException("unknown optimizer " + kind);
        };
    }

    /** {@code options} applied over {@code defaults} (by record component name). */
    public static <R extends Record> R with(R defaults, Map<String, ?> options) {
        return OptionsCodec.fromMap(defaults, options, "fixture");
    }

    /** Sets group {@code index}'s options to the defaults changed by {@code overrides}. */
    @SuppressWarnings("unchecked")
    public static <O extends OptimizerOptions<O>> void override(Optimizer<O> opt, int index, Map<String, ?> overrides) {
        opt.paramGroups().get(index).setOptions((O) with((Record) opt.defaults(), overrides));
    }

    /** Adds a group with the defaults changed by {@code overrides}. */
    @SuppressWarnings("unchecked")
    public static <O extends OptimizerOptions<O>> void addGroup(Optimizer<O> opt, List<Tensor> params,
                                                                Map<String, ?> overrides) {
        opt.addParamGroup(params, o -> (O) with((Record) o, overrides));
    }
}
