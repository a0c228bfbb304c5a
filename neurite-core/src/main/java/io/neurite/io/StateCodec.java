package io.neurite.io;

import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a state map (numbers, strings, booleans, null, lists, maps, tensors, as optimizers' and
 * schedules' {@code stateDict()} return) into JSON-ready data and back. Three single-key objects
 * stand for what JSON lacks: {@code {"$tensor": "key.path"}} (the tensor, stored in a safetensors
 * file under its key path), {@code {"$intKeys": {...}}} (a map with Integer keys, such as an
 * optimizer's per-parameter state) and {@code {"$double": "NaN"}} (NaN and the infinities).
 */
final class StateCodec {

    static final String TENSOR = "$tensor", INT_KEYS = "$intKeys", DOUBLE = "$double";
    private static final Set<String> TAGS = Set.of(TENSOR, INT_KEYS, DOUBLE);

    private StateCodec() {}

    /** JSON-ready form of {@code value}; tensors are added to {@code tensors} under their key path. */
    static Object encode(Object value, String path, Map<String, Tensor> tensors) {
        return switch (value) {
            case null -> null;
            case Tensor t -> {
                if (tensors.containsKey(path)) {
                    throw new IllegalArgumentException("Checkpoint.save: two tensors get the name '" + path
                            + "'; keys containing '.' collide with nested keys, rename one");
                }
                tensors.put(path, t);
                yield Map.of(TENSOR, path);
            }
            case Double d -> Double.isFinite(d) ? d : Map.of(DOUBLE, d.toString());
            case Float f -> Float.isFinite(f) ? f : Map.of(DOUBLE, Double.toString(f));
            case Number n -> n;
            case String s -> s;
            case Boolean b -> b;
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    out.add(encode(list.get(i), join(path, String.valueOf(i)), tensors));
                }
                yield out;
            }
            case Map<?, ?> map -> encodeMap(map, path, tensors);
            default -> throw new IllegalArgumentException("Checkpoint.save: cannot store '" + path + "' of type "
                    + value.getClass().getName() + "; expected a number, string, boolean, null, list, map or tensor");
        };
    }

    private static Object encodeMap(Map<?, ?> map, String path, Map<String, Tensor> tensors) {
        boolean allInts = !map.isEmpty() && map.keySet().stream().allMatch(k -> k instanceof Integer);
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : map.entrySet()) {
            if (!allInts && !(e.getKey() instanceof String)) {
                throw new IllegalArgumentException("Checkpoint.save: map '" + path + "' has key " + e.getKey()
                        + "; keys must be all strings or all integers");
            }
            String key = String.valueOf(e.getKey());
            out.put(key, encode(e.getValue(), join(path, key), tensors));
        }
        if (allInts) return Map.of(INT_KEYS, out);
        if (out.size() == 1 && TAGS.contains(out.keySet().iterator().next())) {
            throw new IllegalArgumentException("Checkpoint.save: map '" + path + "' has the reserved single key "
                    + out.keySet() + "; rename it");
        }
        return out;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The state {@link #encode} described, tensors taken from {@code tensors}; fails naming {@code source}. */
    static Object decode(Object value, Map<String, Tensor> tensors, String source) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object v : list) out.add(decode(v, tensors, source));
            return Collections.unmodifiableList(out);
        }
        if (!(value instanceof Map<?, ?> map)) return value;
        if (map.size() == 1 && map.get(TENSOR) instanceof String name) {
            Tensor t = tensors.get(name);
            if (t == null) {
                throw new IllegalArgumentException(source + ": refers to tensor '" + name + "' that "
                        + Checkpoint.STATE_TENSORS + " lacks");
            }
            return t;
        }
        if (map.size() == 1 && map.get(DOUBLE) instanceof String s) {
            return switch (s) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException(source + ": invalid " + DOUBLE + " value '" + s + "'");
            };
        }
        boolean ints = map.size() == 1 && map.get(INT_KEYS) instanceof Map<?, ?>;
        Map<?, ?> entries = ints ? (Map<?, ?>) map.get(INT_KEYS) : map;
        Map<Object, Object> out = new LinkedHashMap<>();
        for (var e : entries.entrySet()) {
            Object key = e.getKey();
            if (ints) {
                try {
                    key = Integer.valueOf((String) key);
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(source + ": " + INT_KEYS + " key '" + key
                            + "' is not an integer");
                }
            }
            out.put(key, decode(e.getValue(), tensors, source));
        }
        return Collections.unmodifiableMap(out);
    }
}
