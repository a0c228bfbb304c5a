package io.neurite.models.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** An example's report together with what it printed. */
record Printed<V>(Report<V> report, String text) {

    static <V> Printed<V> run(WorkedExample<V> example) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report<V> report = example.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Printed<>(report, bytes.toString(StandardCharsets.UTF_8));
    }
}
