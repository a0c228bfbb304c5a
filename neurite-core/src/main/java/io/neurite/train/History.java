package io.neurite.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@link Trainer#fit} returns: one row per epoch mapping each logged name (loss, val_loss, lr, ...) to its value. */
public final class History {

    private final List<Map<String, Double>> epochs = new ArrayList<>();

    void add(Map<String, Double> logs) {
        epochs.add(Collections.unmodifiableMap(new LinkedHashMap<>(logs)));
    }

    /** The rows, one per epoch trained, in order. */
    public List<Map<String, Double>> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** Number of epochs trained. */
    public int size() {
        return epochs.size();
    }

    /** The values of {@code name} epoch by epoch; fails naming the logged keys when it was never logged. */
    public List<Double> get(String name) {
        List<Double> out = new ArrayList<>(epochs.size());
        for (Map<String, Double> row : epochs) {
            Double v = row.get(name);
            if (v == null) {
                throw new IllegalArgumentException("History.get: no value named \"" + name + "\" (logged: "
                        + row.keySet() + "); hint: validation metrics are prefixed with val_");
            }
            out.add(v);
        }
        return out;
    }

    /** The last epoch's row; fails when no epoch was trained. */
    public Map<String, Double> last() {
        if (epochs.isEmpty()) throw new IllegalStateException("History.last: no epoch was trained");
        return epochs.get(epochs.size() - 1);
    }

    @Override
    public String toString() {
        return "History" + epochs;
    }
}
