package io.neurite.nn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Modules held in a list and registered as children named 0, 1, 2, ... ({@code torch.nn.ModuleList}),
 * so their parameters belong to the owner. It has no forward: the owner decides how to call them.
 *
 * <pre>{@code
 * final ModuleList<Linear> blocks = register("blocks", new ModuleList<>());
 * for (int i = 0; i < 4; i++) blocks.add(new Linear(64, 64));
 * for (Linear block : blocks) x = block.forward(x).relu();
 * }</pre>
 *
 * @param <M> the type of the modules held
 */
public final class ModuleList<M extends Module> extends Module implements Iterable<M> {

    private final List<M> modules = new ArrayList<>();

    @SafeVarargs
    public ModuleList(M... modules) {
        for (M m : modules) add(m);
    }

    public ModuleList(List<? extends M> modules) {
        for (M m : modules) add(m);
    }

    /** Appends a module under the next index. Returns this. */
    public ModuleList<M> add(M module) {
        register(Integer.toString(modules.size()), module);
        modules.add(module);
        return this;
    }

    /** The module at {@code index} (negative counts from the end). */
    public M get(int index) {
        int i = index < 0 ? index + modules.size() : index;
        if (i < 0 || i >= modules.size()) {
            throw new IndexOutOfBoundsException("ModuleList.get: index " + index + " out of range for "
                    + modules.size() + " modules");
        }
        return modules.get(i);
    }

    public int size() {
        return modules.size();
    }

    public boolean isEmpty() {
        return modules.isEmpty();
    }

    @Override
    public Iterator<M> iterator() {
        return List.copyOf(modules).iterator();
    }
}
