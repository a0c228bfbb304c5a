package io.neurite.optim;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts an options record to plain data (component name to Double, Integer, Boolean, String or
 * enum name) and back, for {@link Optimizer#stateDict()}.
 */
final class OptionsCodec {

    private OptionsCodec() {}

    static Map<String, Object> toMap(Record options) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : options.getClass().getRecordComponents()) {
            Object v = read(c, options);
            out.put(c.getName(), v instanceof Enum<?> e ? e.name() : v);
        }
        return out;
    }

    /** A record like {@code template} with the values of {@code values}; fails on unknown keys or types. */
    @SuppressWarnings("unchecked")
    static <R extends Record> R fromMap(R template, Map<String, ?> values, String where) {
        RecordComponent[] components = template.getClass().getRecordComponents();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent c : components) byName.put(c.getName(), c);
        for (String key : values.keySet()) {
            if (!byName.containsKey(key)) {
                throw new IllegalArgumentException(where + ": unknown hyper-parameter '" + key + "'; expected "
                        + byName.keySet());
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            args[i] = values.containsKey(c.getName())
                    ? convert(values.get(c.getName()), c.getType(), where + " '" + c.getName() + "'")
                    : read(c, template);
        }
        try {
            Constructor<?> ctor = template.getClass().getDeclaredConstructor(types);
            return (R) ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(where + ": cannot rebuild " + template.getClass().getName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Object v, Class<?> type, String where) {
        if (type == double.class && v instanceof Number n) return n.doubleValue();
        if (type == int.class && v instanceof Number n && n.doubleValue() == n.intValue()) return n.intValue();
        if (type == boolean.class && v instanceof Boolean b) return b;
        if (type == String.class && (v == null || v instanceof String)) return v;
        if (type.isEnum() && v instanceof String s) {
            try {
                return Enum.valueOf((Class<? extends Enum>) type, s);
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(where + ": expected a " + type.getSimpleName() + ", got " + v);
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
        }
    }
}
