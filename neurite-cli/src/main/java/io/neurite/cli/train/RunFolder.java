package io.neurite.cli.train;

import io.neurite.data.io.CorruptFileException;
import io.neurite.io.Checkpoint;
import io.neurite.io.Json;
import io.neurite.models.ModelZoo;
import io.neurite.nn.Layer;
import io.neurite.train.ModelCheckpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The folder {@code neurite train} writes: {@code run.json} (the configuration, the class names and the
 * normalization, enough to rebuild the model and its input), {@code best/} and {@code last/} checkpoints,
 * {@code metrics.jsonl}/{@code metrics.csv} and {@code test-metrics.json}. A run's model is its {@code best/}
 * checkpoint: the best value of {@code --monitor} (by default the lowest validation loss; the training loss
 * without validation).
 */
public final class RunFolder {

    public static final String RUN_JSON = "run.json", TEST_METRICS = "test-metrics.json";
    private static final String FORMAT = "neurite-run";

    /**
     * What eval and predict need from {@code run.json}.
     *
     * @param model        the zoo model name
     * @param dataset      the {@code --dataset} trained on
     * @param dataDir      its {@code --data-dir}, or null
     * @param testData     its {@code --test-data}, or null
     * @param seed         the seed (fixes the test split of a CSV file or folder)
     * @param classes      class names, index = the model's output
     * @param preprocessing the normalization of the inputs
     */
    public record Run(String model, String dataset, Path dataDir, Path testData, long seed, List<String> classes,
            Preprocessing preprocessing) {}

    /** A run read back: its configuration, its folder and the checkpoint folder whose weights to load. */
    public record Opened(Run run, Path folder, Path checkpoint) {

        /** The zoo model with the checkpoint's weights, in eval mode. */
        public Layer loadModel() throws IOException {
            Layer model = ModelZoo.create(run.model());
            Checkpoint.load(checkpoint, model);
            model.eval();
            return model;
        }
    }

    private RunFolder() {}

    /** Writes {@code run.json}, one top-level key a line. */
    public static void write(Path folder, Map<String, Object> config) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("format", FORMAT);
        all.putAll(config);
        JsonFiles.write(folder.resolve(RUN_JSON), all);
    }

    /**
     * Opens a run folder, or its {@code best/} or {@code last/} checkpoint folder: a run folder means its
     * {@code best/} checkpoint.
     */
    public static Opened open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no checkpoint at " + dir + ": the folder does not exist; pass the folder"
                    + " `neurite train` wrote (e.g. runs/demo) or its best/ or last/ sub-folder");
        }
        Path runFolder = Files.isRegularFile(dir.resolve(RUN_JSON)) ? dir
                : dir.toAbsolutePath().getParent() != null
                        && Files.isRegularFile(dir.toAbsolutePath().getParent().resolve(RUN_JSON))
                        ? dir.toAbsolutePath().getParent() : null;
        if (runFolder == null) {
            throw new IOException(dir + " is not a training run: neither it nor its parent holds " + RUN_JSON
                    + "; pass the folder `neurite train` wrote (e.g. runs/demo) or its best/ or last/ sub-folder");
        }
        Path checkpoint = runFolder == dir ? dir.resolve(ModelCheckpoint.BEST) : dir;
        return new Opened(read(runFolder.resolve(RUN_JSON)), runFolder, checkpoint);
    }

    private static Run read(Path file) throws IOException {
        Object parsed;
        try {
            parsed = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (Json.JsonException e) {
            throw new CorruptFileException(file, e.position(), "not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))) {
            throw new CorruptFileException(file, 0, "not a Neurite run description (expected \"format\": \""
                    + FORMAT + "\")");
        }
        Map<?, ?> normalize = field(m, "normalize", Map.class, file);
        List<String> classes = new ArrayList<>();
        for (Object c : field(m, "classes", List.class, file)) classes.add(String.valueOf(c));
        return new Run(field(m, "model", String.class, file), field(m, "dataset", String.class, file),
                path(m.get("dataDir")), path(m.get("testData")), field(m, "seed", Number.class, file).longValue(),
                classes, new Preprocessing(field(normalize, "mean", Number.class, file).floatValue(),
                        field(normalize, "std", Number.class, file).floatValue()));
    }

    private static <T> T field(Map<?, ?> m, String key, Class<T> type, Path file) throws CorruptFileException {
        Object v = m.get(key);
        if (!type.isInstance(v)) {
            throw new CorruptFileException(file, 0, "'" + key + "' should be a " + type.getSimpleName() + ", got "
                    + v + "; the run description is damaged");
        }
        return type.cast(v);
    }

    private static Path path(Object value) {
        return value == null ? null : Path.of(value.toString());
    }
}
