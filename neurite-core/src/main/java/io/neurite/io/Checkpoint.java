package io.neurite.io;

import io.neurite.data.io.CorruptFileException;
import io.neurite.nn.Module;
import io.neurite.optim.Optimizer;
import io.neurite.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A training checkpoint in a folder: {@code model.safetensors} (the weights under PyTorch's dotted
 * names, readable by {@code safetensors.torch.load_file}), {@code optimizer.safetensors} (the tensors
 * found in the saved state, by key path, e.g. {@code optimizer.state.0.expAvg}) and
 * {@code checkpoint.json} (everything else: epoch, metrics, optimizer and schedule state, the
 * model's description). Each file is written atomically and the JSON last; all three carry the
 * same save id, so files from an interrupted save are detected on load rather than mixed.
 *
 * <pre>{@code
 * Checkpoint.save(dir, model, Map.of("epoch", 3, "optimizer", adam.stateDict(), "scheduler", sched.stateDict()));
 * Checkpoint.Loaded c = Checkpoint.load(dir, model);
 * adam.loadStateDict(c.optimizerState());
 * }</pre>
 */
public final class Checkpoint {

    public static final String WEIGHTS = "model.safetensors";
    public static final String STATE_TENSORS = "optimizer.safetensors";
    public static final String SIDECAR = "checkpoint.json";
    /** Keys of the state map that {@link Loaded} has accessors for. */
    public static final String OPTIMIZER = "optimizer", SCHEDULER = "scheduler";

    private static final String FORMAT = "neurite-checkpoint";
    private static final int VERSION = 1;
    private static final String ID_KEY = "neurite.checkpoint_id";

    private Checkpoint() {}

    /** What {@link #load} restored: the saved state map, the model description, and unmatched keys. */
    public record Loaded(Map<String, Object> state, String modelDescription, Module.StateDictResult weights) {

        /** The optimizer's state dict saved under {@value #OPTIMIZER}, for {@code optimizer.loadStateDict}. */
        public Map<String, Object> optimizerState() {
            return mapAt(OPTIMIZER);
        }

        /** The schedule's state dict saved under {@value #SCHEDULER}. */
        public Map<String, Object> schedulerState() {
            return mapAt(SCHEDULER);
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> mapAt(String key) {
            if (state.get(key) instanceof Map<?, ?> m) return (Map<String, Object>) m;
            throw new IllegalArgumentException("Checkpoint: the checkpoint has no '" + key + "' state (keys: "
                    + state.keySet() + "); save it with Checkpoint.save(dir, model, Map.of(\"" + key + "\", ...))");
        }
    }

    /** Saves the model's weights and {@code state} (epoch, metrics, optimizer/schedule state dicts) to {@code dir}. */
    public static void save(Path dir, Module model, Map<String, Object> state) throws IOException {
        Map<String, Tensor> stateTensors = new LinkedHashMap<>();
        Object encoded = StateCodec.encode(state, "", stateTensors);
        String id = UUID.randomUUID().toString();
        Files.createDirectories(dir);
        SafeTensors.write(dir.resolve(WEIGHTS), model.stateDict(), Map.of("format", "pt", ID_KEY, id));
        if (!stateTensors.isEmpty()) {
            SafeTensors.write(dir.resolve(STATE_TENSORS), stateTensors, Map.of("format", "pt", ID_KEY, id));
        }
        Map<String, Object> sidecar = new LinkedHashMap<>();
        sidecar.put("format", FORMAT);
        sidecar.put("version", VERSION);
        sidecar.put("id", id);
        sidecar.put("stateTensors", !stateTensors.isEmpty());
        sidecar.put("model", model.toString());
        sidecar.put("state", encoded);
        AtomicFiles.write(dir.resolve(SIDECAR), Json.write(sidecar).getBytes(StandardCharsets.UTF_8));
        if (stateTensors.isEmpty()) Files.deleteIfExists(dir.resolve(STATE_TENSORS));
    }

    /** As {@link #save(Path, Module, Map)}, with the optimizer's state dict under {@value #OPTIMIZER}. */
    public static void save(Path dir, Module model, Optimizer<?> optimizer, Map<String, Object> metadata)
            throws IOException {
        Map<String, Object> state = new LinkedHashMap<>(metadata);
        state.put(OPTIMIZER, optimizer.stateDict());
        save(dir, model, state);
    }

    /** Loads a checkpoint into {@code model} (every key must match) and returns the saved state. */
    public static Loaded load(Path dir, Module model) throws IOException {
        return load(dir, model, true);
    }

    /**
     * Loads a checkpoint from {@code dir}: checks that its files belong to one save, restores the
     * weights with {@link Module#loadStateDict} and returns the saved state with its tensors.
     */
    public static Loaded load(Path dir, Module model, boolean strict) throws IOException {
        Path sidecarPath = dir.resolve(SIDECAR);
        Map<?, ?> sidecar = readSidecar(sidecarPath);
        String id = String.valueOf(sidecar.get("id"));
        Path weightsPath = dir.resolve(WEIGHTS);
        SafeTensors.Contents weights = readPart(weightsPath, id, sidecarPath);
        Map<String, Tensor> stateTensors = Map.of();
        if (Boolean.TRUE.equals(sidecar.get("stateTensors"))) {
            stateTensors = readPart(dir.resolve(STATE_TENSORS), id, sidecarPath).tensors();
        }
        Object state = StateCodec.decode(sidecar.get("state"), stateTensors, sidecarPath.toString());
        if (!(state instanceof Map<?, ?>)) {
            throw new CorruptFileException(sidecarPath, 0, "'state' must be an object, got " + state);
        }
        Module.StateDictResult result = loadWeights(weightsPath, weights.tensors(), model, strict);
        @SuppressWarnings("unchecked")
        Map<String, Object> stateMap = (Map<String, Object>) state;
        return new Loaded(stateMap, String.valueOf(sidecar.get("model")), result);
    }

    /** Writes the model's weights alone as a safetensors file PyTorch loads ({@code load_file}). */
    public static void saveWeights(Path file, Module model) throws IOException {
        SafeTensors.write(file, model.stateDict(), Map.of("format", "pt"));
    }

    /** Loads weights from a safetensors file (e.g. from PyTorch's {@code save_file(model.state_dict())}). */
    public static Module.StateDictResult loadWeights(Path file, Module model, boolean strict) throws IOException {
        return loadWeights(file, SafeTensors.read(file).tensors(), model, strict);
    }

    private static Module.StateDictResult loadWeights(Path file, Map<String, Tensor> tensors, Module model,
            boolean strict) {
        try {
            return model.loadStateDict(tensors, strict);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": the weights do not fit " + model.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    private static Map<?, ?> readSidecar(Path path) throws IOException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "no checkpoint here: " + SIDECAR
                    + " is missing (was the save interrupted, or is this a weights-only file? use loadWeights)");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CorruptFileException(path, 0, "not valid UTF-8");
        }
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (Json.JsonException e) {
            long at = text.substring(0, e.position()).getBytes(StandardCharsets.UTF_8).length;
            throw new CorruptFileException(path, at, "not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))) {
            throw new CorruptFileException(path, 0, "not a Neurite checkpoint (expected \"format\": \"" + FORMAT
                    + "\")");
        }
        if (!Integer.valueOf(VERSION).equals(m.get("version"))) {
            throw new CorruptFileException(path, 0, "checkpoint version " + m.get("version")
                    + " is not supported; this Neurite reads version " + VERSION);
        }
        return m;
    }

    private static SafeTensors.Contents readPart(Path file, String id, Path sidecar) throws IOException {
        SafeTensors.Contents c = SafeTensors.read(file);
        String got = c.metadata().get(ID_KEY);
        if (!id.equals(got)) {
            throw new CorruptFileException(file, 8, "belongs to another save (id " + got + ") than " + sidecar
                    + " (id " + id + "); the save was interrupted or files were mixed: use a complete checkpoint");
        }
        return c;
    }
}
