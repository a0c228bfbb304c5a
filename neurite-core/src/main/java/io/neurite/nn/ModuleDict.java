package io.neurite.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Modules held by name and registered as children under those names ({@code torch.nn.ModuleDict}), in
 * insertion order. It has no forward: the owner picks which module to call.
 *
 * <pre>{@code
 * final ModuleDict<Layer> heads = register("heads", new ModuleDict<>());
 * heads.put("digits", new Linear(128, 10)).put("parity", new Linear(128, 2));
 * Tensor logits = heads.get(task).forward(features);
 * }</pre>
 *
 * @param <M> the type of the modules held
 */
public final class ModuleDict<M extends Module> extends Module {

    private final Map<String, M> modules = new LinkedHashMap<>();

    public ModuleDict() {}

    /** With the entries of {@code modules}, in its iteration order. */
    public ModuleDict(Map<String, ? extends M> modules) {
        modules.forEach(this::put);
    }

    /**
     * Adds a module under {@code key} (a non-empty name without '.'). Returns this. A key can be added
     * once: registered children cannot be replaced.
     */
    public ModuleDict<M> put(String key, M module) {
        if (modules.containsKey(key)) {
            throw new IllegalArgumentException("ModuleDict.put: the key '" + key + "' is already present; keys are "
                    + keys() + "; hint: use another key");
        }
        register(key, module);
        modules.put(key, module);
        return this;
    }

    /** The module under {@code key}; fails listing the keys when absent. */
    public M get(String key) {
        M m = modules.get(key);
        if (m == null) {
            throw new IllegalArgumentException("ModuleDict.get: no module under the key '" + key + "'; keys are "
                    + keys());
        }
        return m;
    }

    public boolean containsKey(String key) {
        return modules.containsKey(key);
    }

    /** The keys, in insertion order. */
    public List<String> keys() {
        return List.copyOf(modules.keySet());
    }

    /** The modules, in insertion order. */
    public List<M> values() {
        return List.copyOf(modules.values());
    }

    public int size() {
        return modules.size();
    }
}
