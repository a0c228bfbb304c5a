package io.neurite.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.train.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private static Map<String, Double> logs() {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", 0.51234);
        logs.put("accuracy", 0.8125);
        logs.put("val_loss", 0.4);
        logs.put("val_accuracy", 0.85);
        logs.put("lr", 0.001);
        logs.put("epoch_time", 9.84);
        logs.put("samples_per_sec", 6012.4);
        return logs;
    }

    @Test
    void anEpochIsOnePlainLine() {
        StringWriter text = new StringWriter();
        EpochLine line = new EpochLine(new PrintWriter(text), 5);
        line.onEpochEnd(1, logs());
        assertEquals("epoch 2/5 - loss 0.5123 - accuracy 0.8125 - val_loss 0.4000 - val_accuracy 0.8500 - lr 0.00100"
                + " - 6012 samples/s - 9.8s" + System.lineSeparator(), text.toString());
    }

    @Test
    void theTerminalBarShowsBatchesLossAccuracyAndSpeedThenTheEpochLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter lines = new StringWriter();
        TerminalProgress bar = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new PrintWriter(lines), 2, 3);
        bar.onEpochBegin(0, new LinkedHashMap<>());
        for (int b = 0; b < 3; b++) bar.onProgress(new Progress(0, b, 3, 0.7, Map.of("accuracy", 0.75), 5000));
        bar.onEpochEnd(0, logs());
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("epoch 1/2") && shown.contains("3/3"), shown);
        assertTrue(shown.contains("loss 0.7000 acc 0.750 5000/s"), shown);
        assertTrue(lines.toString().startsWith("epoch 1/2 - loss 0.5123"), lines.toString());
    }
}
