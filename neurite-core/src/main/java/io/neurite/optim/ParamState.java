package io.neurite.optim;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an optimizer remembers about one parameter between steps: flat buffers of the parameter's
 * size (momentum, moving averages) and scalars (the step count). Created on the parameter's first
 * step, as PyTorch's lazy {@code state[p]}.
 */
public final class ParamState {

    private final int numel;
    private final Map<String, float[]> buffers = new LinkedHashMap<>();
    private final Map<String, Double> scalars = new LinkedHashMap<>();

    ParamState(int numel) {
        this.numel = numel;
    }

    /** The number of elements of the parameter (and of every buffer). */
    public int numel() {
        return numel;
    }

    /** True if nothing has been stored yet (before the parameter's first step). */
    public boolean isEmpty() {
        return buffers.isEmpty() && scalars.isEmpty();
    }

    /** The buffer {@code name}, or null if it does not exist yet. */
    public float[] buffer(String name) {
        return buffers.get(name);
    }

    /** The buffer {@code name}, created filled with {@code initial} if it does not exist yet. */
    public float[] buffer(String name, float initial) {
        return buffers.computeIfAbsent(name, k -> {
            float[] b = new float[numel];
            if (initial != 0f) Arrays.fill(b, initial);
            return b;
        });
    }

    /** The scalar {@code name}, or {@code orElse} if it was never set. */
    public double scalar(String name, double orElse) {
        Double v = scalars.get(name);
        return v == null ? orElse : v;
    }

    public void setScalar(String name, double value) {
        scalars.put(name, value);
    }

    /** Adds one to the scalar {@code "step"} and returns the new count. */
    public long incrementStep() {
        double step = scalar("step", 0) + 1;
        setScalar("step", step);
        return (long) step;
    }

    Map<String, float[]> buffers() {
        return Collections.unmodifiableMap(buffers);
    }

    Map<String, Double> scalars() {
        return Collections.unmodifiableMap(scalars);
    }

    void putBuffer(String name, float[] data) {
        if (data.length != numel) {
            throw new IllegalArgumentException("ParamState: buffer '" + name + "' has " + data.length
                    + " elements, the parameter has " + numel);
        }
        buffers.put(name, data);
    }
}
