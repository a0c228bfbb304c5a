package io.neurite.train;

import io.neurite.io.Checkpoint;
import io.neurite.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Saves checkpoints into a folder after every epoch: {@code last/} always, and {@code best/} when
 * {@code monitor} improved. Each is a {@link io.neurite.io.Checkpoint} folder (files written atomically)
 * holding the weights, optimizer and schedule state, the epoch count and the epoch's logs under
 * "metrics", ready for {@link Trainer#resume}. A run resumed into the same folder keeps the best value.
 */
public final class ModelCheckpoint implements Callback {

    public static final String LAST = "last", BEST = "best";

    private final Path folder;
    private final String monitor;
    private final EarlyStopping.Mode mode;
    private Trainer trainer;
    private double best;

    public ModelCheckpoint(Path folder, String monitor, EarlyStopping.Mode mode) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.mode = Objects.requireNonNull(mode, "mode");
        best = mode == EarlyStopping.Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    public Path lastPath() {
        return folder.resolve(LAST);
    }

    public Path bestPath() {
        return folder.resolve(BEST);
    }

    /** Also reads the best value back from an existing {@code best/} checkpoint, so a resumed run keeps it. */
    @Override
    public void onTrainBegin(Trainer trainer) {
        this.trainer = trainer;
        Path sidecar = bestPath().resolve(Checkpoint.SIDECAR);
        if (!Files.exists(sidecar)) return;
        try {
            Object saved = Json.parse(Files.readString(sidecar, StandardCharsets.UTF_8));
            if (saved instanceof Map<?, ?> top && top.get("state") instanceof Map<?, ?> state
                    && state.get("metrics") instanceof Map<?, ?> metrics
                    && metrics.get(monitor) instanceof Number value && isBetter(value.doubleValue())) {
                best = value.doubleValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ModelCheckpoint: could not read the best checkpoint " + sidecar, e);
        }
    }

    private boolean isBetter(double value) {
        return mode == EarlyStopping.Mode.MIN ? value < best : value > best;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Double value = logs.get(monitor);
        if (value == null) {
            throw new IllegalStateException("ModelCheckpoint: monitored \"" + monitor + "\" is not in the epoch logs "
                    + logs.keySet() + "; hint: validation values need a validation loader and are prefixed val_");
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("metrics", new LinkedHashMap<>(logs));
        try {
            trainer.saveCheckpoint(lastPath(), meta);
            if (isBetter(value)) {
                best = value;
                trainer.saveCheckpoint(bestPath(), meta);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ModelCheckpoint: could not save epoch " + epoch + " into " + folder, e);
        }
    }

    /** The best monitored value saved so far. */
    public double best() {
        return best;
    }
}
