package io.neurite.cli.train;

import io.neurite.io.AtomicFiles;
import io.neurite.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Writes a JSON object for people to read too: one top-level key a line, written atomically. */
final class JsonFiles {

    private JsonFiles() {}

    static void write(Path file, Map<String, Object> object) throws IOException {
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Object> e : object.entrySet()) {
            sb.append("  ").append(Json.write(e.getKey())).append(": ").append(Json.write(e.getValue()))
                    .append(++i < object.size() ? ",\n" : "\n");
        }
        AtomicFiles.write(file, sb.append("}\n").toString().getBytes(StandardCharsets.UTF_8));
    }
}
