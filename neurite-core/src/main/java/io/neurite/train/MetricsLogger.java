package io.neurite.train;

import io.neurite.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Appends each epoch's logs to {@code metrics.jsonl} (one JSON object a line, with "epoch") and
 * {@code metrics.csv} in a folder. Each line is written with one append and forced to disk before the
 * next epoch, so an interrupted run leaves whole lines; a resumed run appends to the same files. The
 * CSV columns are fixed by its header (read back from an existing file); values logged under other
 * names go only to the JSON lines, and a column with no value is left empty.
 */
public final class MetricsLogger implements Callback {

    public static final String JSON_LINES = "metrics.jsonl", CSV = "metrics.csv";

    private final Path folder;
    private List<String> columns;

    public MetricsLogger(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    public Path jsonLinesPath() {
        return folder.resolve(JSON_LINES);
    }

    public Path csvPath() {
        return folder.resolve(CSV);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("epoch", epoch);
        logs.forEach((k, v) -> row.put(k, Double.isFinite(v) ? v : null));
        try {
            Files.createDirectories(folder);
            append(jsonLinesPath(), Json.write(row) + "\n");
            appendCsv(row);
        } catch (IOException e) {
            throw new UncheckedIOException("MetricsLogger: could not append epoch " + epoch + " in " + folder, e);
        }
    }

    private void appendCsv(Map<String, Object> row) throws IOException {
        Path csv = csvPath();
        StringBuilder sb = new StringBuilder();
        if (columns == null) {
            if (Files.exists(csv) && Files.size(csv) > 0) {
                try (var reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                    columns = Arrays.asList(reader.readLine().split(",", -1));
                }
            } else {
                columns = new ArrayList<>(row.keySet());
                sb.append(String.join(",", columns)).append('\n');
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) sb.append(',');
            Object v = row.get(columns.get(i));
            if (v != null) sb.append(v);
        }
        append(csv, sb.append('\n').toString());
    }

    private static void append(Path file, String text) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(false);
        }
    }
}
