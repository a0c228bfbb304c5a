package io.neurite.cli.train;

import io.neurite.train.MetricsLogger;
import io.neurite.train.ModelCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes a run folder ready: created when missing; an empty one is used as is; one holding an earlier run is
 * emptied of that run's files only with {@code overwrite} (the checkpoints keep the best value and the metrics
 * files are appended to, so a new run must not start among an old run's files); anything else is refused.
 */
final class OutputFolder {

    private static final List<String> RUN_FILES = List.of(RunFolder.RUN_JSON, RunFolder.TEST_METRICS,
            MetricsLogger.JSON_LINES, MetricsLogger.CSV);

    private OutputFolder() {}

    static Path prepare(Path dir, boolean overwrite) throws IOException {
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            if (!Files.isRegularFile(dir.resolve(RunFolder.RUN_JSON))) {
                throw new IOException("train: the output folder " + dir + " is not empty and holds no Neurite run;"
                        + " choose another --output");
            }
            if (!overwrite) {
                throw new IOException("train: the output folder " + dir + " already holds a run; choose another"
                        + " --output or add --overwrite to replace it");
            }
            for (String name : RUN_FILES) Files.deleteIfExists(dir.resolve(name));
            for (String sub : List.of(ModelCheckpoint.BEST, ModelCheckpoint.LAST)) deleteTree(dir.resolve(sub));
        }
        return Files.createDirectories(dir);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
