package io.neurite.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reference cases computed with PyTorch, read from JSON fixtures on the test class path.
 *
 * <p>The default file, {@value #TENSOR_OPS}, is written by {@code scripts/fixtures/gen_tensor_fixtures.py}
 * (its header documents the conventions). A test takes the cases of one op and checks each in one
 * line:
 *
 * <pre>{@code
 * for (FixtureCase c : Fixtures.cases("add")) {
 *     Tensor out = build(c.input(0)).add(build(c.input(1)));   // build: shape, data, view -> Tensor
 *     c.assertOutput(dims(out), out.toFloatArray());
 * }
 * }</pre>
 *
 * <p>Or as a parameterized test: {@code @MethodSource} returning {@code Fixtures.cases("add").stream()};
 * a case prints as its name.
 */
public final class Fixtures {

    /** The tensor-op fixtures, a class-path resource. */
    public static final String TENSOR_OPS = "fixtures/tensor_ops.json";

    private static final Map<String, FixtureFile> LOADED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** Every case of {@value #TENSOR_OPS}, in file order. */
    public static List<FixtureCase> all() {
        return load(TENSOR_OPS).cases();
    }

    /** The cases of one op of {@value #TENSOR_OPS}; fails if the op has none (a typo must not pass). */
    public static List<FixtureCase> cases(String op) {
        return load(TENSOR_OPS).cases(op);
    }

    /** One case of {@value #TENSOR_OPS} by its unique name. */
    public static FixtureCase byName(String name) {
        return load(TENSOR_OPS).byName(name);
    }

    /** The op ids present in {@value #TENSOR_OPS}, in order of first appearance. */
    public static Set<String> ops() {
        return load(TENSOR_OPS).ops();
    }

    /** The PyTorch version that computed {@value #TENSOR_OPS}. */
    public static String torchVersion() {
        return load(TENSOR_OPS).torch();
    }

    /** Loads (once) a fixture file in the same format from the test class path. */
    public static FixtureFile load(String resource) {
        return LOADED.computeIfAbsent(resource, Fixtures::read);
    }

    // ------------------------------------------------------------------ comparison helpers

    /**
     * Checks a float result against a reference: same shape, and every value within
     * {@code atol + rtol * |expected|} (infinities must match exactly, NaN matches NaN).
     *
     * @throws AssertionError naming {@code what}, the shapes or the worst element
     */
    public static void assertClose(String what, FixtureTensor expected, int[] actualShape, float[] actual,
                                   double rtol, double atol) {
        assertShape(what, expected, actualShape);
        if (actual.length != expected.data().length) {
            throw new AssertionError(what + ": expected " + expected.data().length + " values, got "
                    + actual.length + " (shape " + Arrays.toString(actualShape) + ")");
        }
        int worst = -1;
        double worstExcess = 0;
        int bad = 0;
        for (int i = 0; i < actual.length; i++) {
            float e = expected.data()[i];
            float a = actual[i];
            double excess;
            if (Float.isNaN(e) || Float.isInfinite(e) || Float.isNaN(a) || Float.isInfinite(a)) {
                excess = Float.compare(e, a) == 0 || (e == a) ? 0 : Double.POSITIVE_INFINITY;
            } else {
                excess = Math.abs((double) a - e) - (atol + rtol * Math.abs(e));
            }
            if (excess > 0) {
                bad++;
                if (worst < 0 || excess > worstExcess) {
                    worst = i;
                    worstExcess = excess;
                }
            }
        }
        if (worst >= 0) {
            throw new AssertionError(String.format(
                    "%s: %d of %d values differ beyond rtol=%g atol=%g; worst at %s (flat %d): expected %s, got %s"
                            + " (abs error %s)%s",
                    what, bad, actual.length, rtol, atol, Arrays.toString(unravel(worst, expected.shape())), worst,
                    expected.data()[worst], actual[worst], Math.abs((double) actual[worst] - expected.data()[worst]),
                    actual.length <= 24 ? "\n  expected " + Arrays.toString(expected.data())
                            + "\n  actual   " + Arrays.toString(actual) : ""));
        }
    }

    /** Checks an integer result (indices) against a reference exactly. */
    public static void assertEquals(String what, FixtureTensor expected, int[] actualShape, int[] actual) {
        assertShape(what, expected, actualShape);
        int[] want = expected.intData() != null ? expected.intData() : toInts(expected.data());
        if (!Arrays.equals(want, actual)) {
            throw new AssertionError(what + ": expected " + Arrays.toString(want) + ", got "
                    + Arrays.toString(actual));
        }
    }

    private static void assertShape(String what, FixtureTensor expected, int[] actualShape) {
        if (!Arrays.equals(expected.shape(), actualShape)) {
            throw new AssertionError(what + ": expected shape " + Arrays.toString(expected.shape()) + ", got "
                    + Arrays.toString(actualShape));
        }
    }

    private static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    private static int[] toInts(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }

    // ------------------------------------------------------------------ types

    /** One fixture file: its header and its cases. */
    public record FixtureFile(String resource, String generator, String torch, List<FixtureCase> cases) {

        /** The cases of one op, in file order; fails if there are none. */
        public List<FixtureCase> cases(String op) {
            List<FixtureCase> out = cases.stream().filter(c -> c.op().equals(op)).toList();
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no fixture cases for op '" + op + "' in " + resource
                        + "; ops present: " + ops());
            }
            return out;
        }

        /** One case by name. */
        public FixtureCase byName(String name) {
            return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no fixture case named '" + name + "' in " + resource));
        }

        /** The op ids present, in order of first appearance. */
        public Set<String> ops() {
            Set<String> ops = new LinkedHashSet<>();
            cases.forEach(c -> ops.add(c.op()));
            return Collections.unmodifiableSet(ops);
        }
    }

    /**
     * A reference tensor. {@code data} is the row-major flattening of the logical tensor; for an int32
     * tensor {@code intData} holds the values and {@code data} the same values as floats (for a float32
     * tensor {@code intData} is null). Masks are float32 0/1. An input may carry a {@code view} (one
     * entry: "transpose" [d0, d1], "permute" [dims], "expand" [sizes] or "slice" [dim, start, end,
     * step]) to apply to the tensor built from shape and data; its gradient is then taken with respect
     * to that base tensor. Gradients and gradOutputs have dtype float32 and no view.
     */
    public record FixtureTensor(int[] shape, float[] data, int[] intData, String dtype, boolean requiresGrad,
                                Map<String, int[]> view, int[] viewShape) {

        public static final String FLOAT32 = "float32";
        public static final String INT32 = "int32";

        public int numel() {
            return data.length;
        }

        public int rank() {
            return shape.length;
        }

        public boolean isScalar() {
            return shape.length == 0;
        }

        public boolean isInt() {
            return INT32.equals(dtype);
        }

        public boolean hasView() {
            return view != null;
        }

        /** "transpose", "permute", "expand" or "slice"; null without a view. */
        public String viewKind() {
            return view == null ? null : view.keySet().iterator().next();
        }

        /** The view's integer arguments; null without a view. */
        public int[] viewArgs() {
            return view == null ? null : view.values().iterator().next().clone();
        }

        /** The shape the op sees: after the view, or the shape itself without one. */
        public int[] opShape() {
            return viewShape != null ? viewShape : shape;
        }

        @Override
        public String toString() {
            return dtype + Arrays.toString(shape) + (view == null ? ""
                    : "." + viewKind() + Arrays.toString(viewArgs()) + "->" + Arrays.toString(viewShape));
        }
    }

    /**
     * One reference case: an op applied to inputs with args, its outputs, the upstream gradients used,
     * the resulting input gradients, and the tolerances. Single-output ops have one entry in
     * {@link #outputs()} and {@code multiOutput() == false}; max/min with dim ([values, indices]), split
     * and chunk have {@code multiOutput() == true}. {@code grads} has one entry per input, null where the
     * input takes no gradient; {@code gradOutputs} has one entry per output, null for a
     * non-differentiable output; both are all null for ops with no gradient.
     */
    public record FixtureCase(String name, String op, Map<String, Object> args, List<FixtureTensor> inputs,
                              List<FixtureTensor> outputs, boolean multiOutput, List<FixtureTensor> gradOutputs,
                              List<FixtureTensor> grads, double rtol, double atol) {

        public FixtureTensor input(int i) {
            return inputs.get(i);
        }

        /** The output of a single-output op. */
        public FixtureTensor output() {
            if (multiOutput) {
                throw new IllegalStateException(name + ": op '" + op + "' has " + outputs.size()
                        + " outputs; use outputs() or output(i)");
            }
            return outputs.get(0);
        }

        public FixtureTensor output(int i) {
            return outputs.get(i);
        }

        /** The upstream gradient of a single-output op; null if the case has no gradient. */
        public FixtureTensor gradOutput() {
            if (multiOutput) {
                throw new IllegalStateException(name + ": op '" + op + "' has several outputs; use gradOutputs()");
            }
            return gradOutputs.get(0);
        }

        /** The expected gradient of input i (w.r.t. its base tensor, before its view); null if none. */
        public FixtureTensor grad(int i) {
            return grads.get(i);
        }

        /** True when the case checks gradients (some input has a reference gradient). */
        public boolean hasGradients() {
            return grads.stream().anyMatch(g -> g != null);
        }

        // -------------------------------------------------------------- args

        public boolean has(String key) {
            return args.containsKey(key);
        }

        public int argInt(String key) {
            Object v = required(key);
            if (v instanceof Number n && n.doubleValue() == n.intValue()) {
                return n.intValue();
            }
            throw badArg(key, "an int");
        }

        public int argInt(String key, int orElse) {
            return has(key) ? argInt(key) : orElse;
        }

        /** An int list; a single int reads as a one-element array. */
        public int[] argInts(String key) {
            Object v = required(key);
            if (v instanceof Number) {
                return new int[] {argInt(key)};
            }
            if (v instanceof List<?> list) {
                int[] out = new int[list.size()];
                for (int i = 0; i < out.length; i++) {
                    if (!(list.get(i) instanceof Number n) || n.doubleValue() != n.intValue()) {
                        throw badArg(key, "a list of ints");
                    }
                    out[i] = n.intValue();
                }
                return out;
            }
            throw badArg(key, "an int or a list of ints");
        }

        public int[] argInts(String key, int[] orElse) {
            return has(key) ? argInts(key) : orElse;
        }

        /** A number; the strings "inf", "-inf" and "nan" read as the non-finite values. */
        public double argDouble(String key) {
            Object v = required(key);
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            if (v instanceof String s) {
                Double d = nonFinite(s);
                if (d != null) {
                    return d;
                }
            }
            throw badArg(key, "a number");
        }

        public double argDouble(String key, double orElse) {
            return has(key) ? argDouble(key) : orElse;
        }

        public float argFloat(String key) {
            return (float) argDouble(key);
        }

        public float argFloat(String key, float orElse) {
            return has(key) ? argFloat(key) : orElse;
        }

        public boolean argBool(String key) {
            if (required(key) instanceof Boolean b) {
                return b;
            }
            throw badArg(key, "a boolean");
        }

        public boolean argBool(String key, boolean orElse) {
            return has(key) ? argBool(key) : orElse;
        }

        /** The arg as text: a string as is, a number or boolean in its JSON form (norm's p: 1, 2, "inf", "fro"). */
        public String argString(String key) {
            Object v = required(key);
            if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
                return Long.toString(d.longValue());
            }
            return String.valueOf(v);
        }

        private Object required(String key) {
            if (!args.containsKey(key)) {
                throw new IllegalArgumentException(name + ": no arg '" + key + "'; args are " + args.keySet());
            }
            return args.get(key);
        }

        private IllegalArgumentException badArg(String key, String expected) {
            return new IllegalArgumentException(name + ": arg '" + key + "' should be " + expected + ", got "
                    + args.get(key));
        }

        // -------------------------------------------------------------- assertions with this case's tolerances

        /** Checks a float tensor against a reference with this case's tolerances, naming the case. */
        public void assertClose(String what, FixtureTensor expected, int[] actualShape, float[] actual) {
            Fixtures.assertClose(name + " " + what, expected, actualShape, actual, rtol, atol);
        }

        /** Checks the (single) float output. */
        public void assertOutput(int[] actualShape, float[] actual) {
            assertClose("output", output(), actualShape, actual);
        }

        /** Checks output i of a multi-output op (float). */
        public void assertOutput(int i, int[] actualShape, float[] actual) {
            assertClose("output " + i, output(i), actualShape, actual);
        }

        /** Checks an int32 output (argmax, indices of max/min) exactly. */
        public void assertIntOutput(int i, int[] actualShape, int[] actual) {
            Fixtures.assertEquals(name + " output " + i, output(i), actualShape, actual);
        }

        /** Checks the gradient of input i (w.r.t. its base tensor). */
        public void assertGrad(int i, int[] actualShape, float[] actual) {
            FixtureTensor g = grad(i);
            if (g == null) {
                throw new IllegalStateException(name + ": input " + i + " has no reference gradient");
            }
            assertClose("grad of input " + i, g, actualShape, actual);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    // ------------------------------------------------------------------ parsing

    private static FixtureFile read(String resource) {
        ClassLoader loader = Fixtures.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("fixture file " + resource + " is not on the test class path; "
                        + "regenerate it with /usr/bin/python3 scripts/fixtures/gen_tensor_fixtures.py");
            }
            JsonNode root = JSON.readTree(in);
            List<FixtureCase> cases = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode c : array(root, "cases", resource)) {
                FixtureCase fc = parseCase(c, resource);
                if (!names.add(fc.name())) {
                    throw new IllegalStateException(resource + ": duplicate case name '" + fc.name() + "'");
                }
                cases.add(fc);
            }
            return new FixtureFile(resource, text(root, "generator"), text(root, "torch"), List.copyOf(cases));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture file " + resource, e);
        }
    }

    private static FixtureCase parseCase(JsonNode c, String resource) {
        String name = text(c, "name");
        String where = resource + " case '" + name + "'";
        String op = text(c, "op");
        if (name == null || op == null) {
            throw new IllegalStateException(resource + ": a case lacks name or op: " + abbreviate(c));
        }
        Map<String, Object> args = new LinkedHashMap<>();
        c.path("args").properties().forEach(e -> args.put(e.getKey(), toJava(e.getValue())));

        List<FixtureTensor> inputs = new ArrayList<>();
        for (JsonNode t : array(c, "inputs", where)) {
            inputs.add(parseTensor(t, where + " input " + inputs.size()));
        }
        boolean multi = c.has("outputs");
        List<FixtureTensor> outputs = new ArrayList<>();
        List<FixtureTensor> gradOutputs = new ArrayList<>();
        if (multi) {
            for (JsonNode t : array(c, "outputs", where)) {
                outputs.add(parseTensor(t, where + " output " + outputs.size()));
            }
            for (JsonNode t : array(c, "gradOutputs", where)) {
                gradOutputs.add(parseOptional(t, where + " gradOutput " + gradOutputs.size()));
            }
        } else {
            if (!c.has("output")) {
                throw new IllegalStateException(where + ": has neither output nor outputs");
            }
            outputs.add(parseTensor(c.get("output"), where + " output"));
            gradOutputs.add(parseOptional(c.path("gradOutput"), where + " gradOutput"));
        }
        if (gradOutputs.size() != outputs.size()) {
            throw new IllegalStateException(where + ": " + outputs.size() + " outputs but " + gradOutputs.size()
                    + " gradOutputs");
        }
        List<FixtureTensor> grads = new ArrayList<>();
        for (JsonNode t : array(c, "grads", where)) {
            grads.add(parseOptional(t, where + " grad " + grads.size()));
        }
        if (grads.size() != inputs.size()) {
            throw new IllegalStateException(where + ": " + inputs.size() + " inputs but " + grads.size() + " grads");
        }
        JsonNode tol = c.path("tol");
        return new FixtureCase(name, op, Collections.unmodifiableMap(args), List.copyOf(inputs),
                List.copyOf(outputs), multi, Collections.unmodifiableList(gradOutputs),
                Collections.unmodifiableList(grads), tol.path("rtol").asDouble(0), tol.path("atol").asDouble(0));
    }

    private static FixtureTensor parseOptional(JsonNode t, String where) {
        return t == null || t.isNull() || t.isMissingNode() ? null : parseTensor(t, where);
    }

    private static FixtureTensor parseTensor(JsonNode t, String where) {
        int[] shape = ints(t.get("shape"), where + " shape");
        String dtype = t.has("dtype") ? t.get("dtype").asText() : FixtureTensor.FLOAT32;
        if (!dtype.equals(FixtureTensor.FLOAT32) && !dtype.equals(FixtureTensor.INT32)) {
            throw new IllegalStateException(where + ": unknown dtype '" + dtype + "'");
        }
        JsonNode values = t.get("data");
        if (values == null || !values.isArray()) {
            throw new IllegalStateException(where + ": no data array");
        }
        long numel = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalStateException(where + ": negative size in shape " + Arrays.toString(shape));
            }
            numel *= s;
        }
        if (values.size() != numel) {
            throw new IllegalStateException(where + ": shape " + Arrays.toString(shape) + " holds " + numel
                    + " values but data has " + values.size());
        }
        float[] data = new float[values.size()];
        int[] intData = dtype.equals(FixtureTensor.INT32) ? new int[values.size()] : null;
        for (int i = 0; i < data.length; i++) {
            JsonNode v = values.get(i);
            if (intData != null) {
                if (!v.isIntegralNumber()) {
                    throw new IllegalStateException(where + ": int32 data holds " + v);
                }
                intData[i] = v.intValue();
                data[i] = intData[i];
            } else if (v.isNumber()) {
                data[i] = (float) v.doubleValue();  // the generator checks this round-trips exactly
            } else {
                Double d = v.isTextual() ? nonFinite(v.asText()) : null;
                if (d == null) {
                    throw new IllegalStateException(where + ": data[" + i + "] is not a number: " + v);
                }
                data[i] = d.floatValue();
            }
        }
        Map<String, int[]> view = null;
        int[] viewShape = null;
        if (t.hasNonNull("view")) {
            JsonNode vn = t.get("view");
            if (vn.size() != 1) {
                throw new IllegalStateException(where + ": a view has exactly one entry, got " + vn);
            }
            String kind = vn.fieldNames().next();
            if (!Set.of("transpose", "permute", "expand", "slice").contains(kind)) {
                throw new IllegalStateException(where + ": unknown view '" + kind + "'");
            }
            view = Map.of(kind, ints(vn.get(kind), where + " view"));
            viewShape = ints(t.get("viewShape"), where + " viewShape");
        }
        return new FixtureTensor(shape, data, intData, dtype, t.path("requiresGrad").asBoolean(false), view,
                viewShape);
    }

    private static Double nonFinite(String s) {
        return switch (s) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> null;
        };
    }

    private static Object toJava(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(x -> list.add(toJava(x)));
            return Collections.unmodifiableList(list);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        v.properties().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
        return Collections.unmodifiableMap(map);
    }

    private static int[] ints(JsonNode node, String where) {
        if (node == null || !node.isArray()) {
            throw new IllegalStateException(where + ": expected an int array, got " + node);
        }
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            if (!node.get(i).isIntegralNumber()) {
                throw new IllegalStateException(where + ": expected an int array, got " + node);
            }
            out[i] = node.get(i).intValue();
        }
        return out;
    }

    private static JsonNode array(JsonNode parent, String field, String where) {
        JsonNode a = parent.get(field);
        if (a == null || !a.isArray()) {
            throw new IllegalStateException(where + ": '" + field + "' is missing or not an array");
        }
        return a;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
