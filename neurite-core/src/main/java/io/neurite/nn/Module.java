package io.neurite.nn;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The base of every layer and model: explicitly registered parameters, buffers (such as running
 * statistics) and children, addressed by PyTorch's dotted names ({@code features.0.weight}).
 *
 * <pre>{@code
 * class Net extends Layer {
 *     final Linear hidden = register("hidden", new Linear(1, 64));
 *     final Linear output = register("output", new Linear(64, 1));
 *     public Tensor forward(Tensor x) { return output.forward(hidden.forward(x).relu()); }
 * }
 * }</pre>
 */
public abstract class Module {

    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    // ---------------------------------------------------------------- registration

    /** Registers a trainable tensor under {@code name}; it is made to require grad. Returns it. */
    protected final Tensor registerParameter(String name, Tensor parameter) {
        checkName(name);
        Objects.requireNonNull(parameter, "parameter");
        if (!parameter.isLeaf()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".registerParameter: '" + name
                    + "' must be a leaf tensor, got one produced by '" + parameter.gradFn().op()
                    + "'; hint: pass tensor.detach()");
        }
        parameters.put(name, parameter.requiresGrad(true));
        return parameter;
    }

    /** Registers a non-trainable tensor saved in the state dict (e.g. running mean). Returns it. */
    protected final Tensor registerBuffer(String name, Tensor buffer) {
        checkName(name);
        buffers.put(name, Objects.requireNonNull(buffer, "buffer"));
        return buffer;
    }

    /** Registers a child module under {@code name}. Returns it. */
    protected final <M extends Module> M register(String name, M child) {
        checkName(name);
        children.put(name, Objects.requireNonNull(child, "child"));
        return child;
    }

    /** Replaces a registered parameter or buffer's tensor (used when loading weights). */
    final void replaceTensor(String name, Tensor value) {
        if (parameters.containsKey(name)) {
            parameters.put(name, value.requiresGrad(parameters.get(name).requiresGrad()));
        } else {
            buffers.put(name, value);
        }
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": a registered name must be non-empty"
                    + " and contain no '.', got '" + name + "'");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the name '" + name
                    + "' is already registered");
        }
    }

    // ---------------------------------------------------------------- traversal

    /** This module's own parameter by name, or null. */
    protected final Tensor parameter(String name) {
        return parameters.get(name);
    }

    /** This module's own buffer by name, or null. */
    protected final Tensor buffer(String name) {
        return buffers.get(name);
    }

    /** All parameters of this module and its descendants, in registration order. */
    public final List<Tensor> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /** All parameters by dotted name, each tensor once (a shared tensor under its first name). */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Map<Tensor, Boolean> seen = new java.util.IdentityHashMap<>();
        collect("", out, seen, true);
        return Collections.unmodifiableMap(out);
    }

    /** All buffers by dotted name. */
    public final Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, new java.util.IdentityHashMap<>(), false);
        return Collections.unmodifiableMap(out);
    }

    private void collect(String prefix, Map<String, Tensor> out, Map<Tensor, Boolean> seen, boolean params) {
        for (var e : (params ? parameters : buffers).entrySet()) {
            if (seen.put(e.getValue(), true) == null) out.put(prefix + e.getKey(), e.getValue());
        }
        for (var e : children.entrySet()) e.getValue().collect(prefix + e.getKey() + ".", out, seen, params);
    }

    /** The direct children, in registration order. */
    public final List<Module> children() {
        return List.copyOf(children.values());
    }

    /** The direct children by name. */
    public final Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(children);
    }

    /** This module and all descendants, depth first, by dotted name ("" for this one). */
    public final Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        List<Object[]> stack = new ArrayList<>();
        stack.add(new Object[] {"", this});
        while (!stack.isEmpty()) {
            Object[] top = stack.remove(stack.size() - 1);
            String name = (String) top[0];
            Module m = (Module) top[1];
            out.put(name, m);
            List<Map.Entry<String, Module>> kids = new ArrayList<>(m.children.entrySet());
            for (int i = kids.size() - 1; i >= 0; i--) {
                String child = name.isEmpty() ? kids.get(i).getKey() : name + "." + kids.get(i).getKey();
                stack.add(new Object[] {child, kids.get(i).getValue()});
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** This module and all descendants, depth first. */
    public final List<Module> modules() {
        return List.copyOf(namedModules().values());
    }

    /** Calls {@code fn} on every descendant, then on this module (PyTorch's order). Returns this. */
    public final Module apply(Consumer<Module> fn) {
        for (Module child : children.values()) child.apply(fn);
        fn.accept(this);
        return this;
    }

    // ---------------------------------------------------------------- modes and gradients

    /** Training mode (dropout active, batch norm using batch statistics), for this and all children. */
    public final Module train() {
        return train(true);
    }

    public final Module train(boolean mode) {
        apply(m -> m.training = mode);
        return this;
    }

    /** Evaluation mode, for this and all children. */
    public final Module eval() {
        return train(false);
    }

    public final boolean isTraining() {
        return training;
    }

    /** Clears the gradient of every parameter (sets it to null, as PyTorch's default). */
    public final void zeroGrad() {
        for (Tensor p : parameters()) p.setGrad(null);
    }

    /** Freezes ({@code false}) or unfreezes every parameter, e.g. to train only a new head. Returns this. */
    public final Module requiresGrad(boolean value) {
        for (Tensor p : parameters()) p.requiresGrad(value);
        return this;
    }

    // ---------------------------------------------------------------- state

    /**
     * Parameters and buffers by dotted name: the live tensors, detached (they share storage with the
     * model, as PyTorch's state_dict does; clone them to keep a snapshot).
     */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collectState("", out);
        return Collections.unmodifiableMap(out);
    }

    private void collectState(String prefix, Map<String, Tensor> out) {
        parameters.forEach((k, v) -> out.put(prefix + k, v.detach()));
        buffers.forEach((k, v) -> out.put(prefix + k, v.detach()));
        children.forEach((k, v) -> v.collectState(prefix + k + ".", out));
    }

    /**
     * Copies values from {@code state} into this module's parameters and buffers. With {@code strict},
     * fails listing every missing and unexpected key; a shape mismatch always fails. Nothing is
     * changed unless every check passes.
     */
    public final StateDictResult loadStateDict(Map<String, Tensor> state, boolean strict) {
        Map<String, Tensor> own = stateDict();
        List<String> missing = new ArrayList<>(), unexpected = new ArrayList<>(), mismatched = new ArrayList<>();
        for (String key : own.keySet()) if (!state.containsKey(key)) missing.add(key);
        for (var e : state.entrySet()) {
            Tensor target = own.get(e.getKey());
            if (target == null) {
                unexpected.add(e.getKey());
            } else if (!target.shape().equals(e.getValue().shape())) {
                mismatched.add(e.getKey() + ": checkpoint " + e.getValue().shape() + ", model " + target.shape());
            }
        }
        if (!mismatched.isEmpty() || (strict && (!missing.isEmpty() || !unexpected.isEmpty()))) {
            StringBuilder msg = new StringBuilder(getClass().getSimpleName() + ".loadStateDict: the state does not fit");
            if (!missing.isEmpty()) msg.append("\n  missing keys: ").append(missing);
            if (!unexpected.isEmpty()) msg.append("\n  unexpected keys: ").append(unexpected);
            if (!mismatched.isEmpty()) msg.append("\n  shape mismatches: ").append(mismatched);
            msg.append("\n  hint: the checkpoint must come from the same architecture");
            if (mismatched.isEmpty()) msg.append("; pass strict=false to load only the matching keys");
            throw new ShapeException(msg.toString());
        }
        try (var scope = Autograd.noGrad()) {
            for (var e : state.entrySet()) {
                Tensor target = own.get(e.getKey());
                if (target != null) target.copyInPlace(e.getValue());
            }
        }
        return new StateDictResult(List.copyOf(missing), List.copyOf(unexpected));
    }

    /** Keys the model has that the loaded state lacked, and keys the state had that the model lacks. */
    public record StateDictResult(List<String> missingKeys, List<String> unexpectedKeys) {}

    // ---------------------------------------------------------------- description

    /** The part inside the parentheses of this module's one-line form, e.g. {@code in_features=1, ...}. */
    public String extraRepr() {
        return "";
    }

    /** The architecture, printed as PyTorch prints it. */
    @Override
    public String toString() {
        String head = getClass().getSimpleName() + "(" + extraRepr();
        if (children.isEmpty()) return head + ")";
        StringBuilder sb = new StringBuilder(head).append("\n");
        for (var e : children.entrySet()) {
            String child = e.getValue().toString().replace("\n", "\n  ");
            sb.append("  (").append(e.getKey()).append("): ").append(child).append("\n");
        }
        return sb.append(")").toString();
    }

    /** Number of elements over all parameters. */
    public final long parameterCount() {
        long n = 0;
        for (Tensor p : parameters()) n += p.numel();
        return n;
    }

    /** Fails unless {@code input} has the expected rank, naming this module and the shape. */
    protected final void requireRank(Tensor input, int... ranks) {
        for (int r : ranks) if (input.dim() == r) return;
        throw new ShapeException(getClass().getSimpleName() + "(" + extraRepr() + "): expected input with "
                + java.util.Arrays.toString(ranks).replace("[", "").replace("]", "").replace(", ", " or ")
                + " dimensions, got shape " + input.shape(), input.shape());
    }
}
