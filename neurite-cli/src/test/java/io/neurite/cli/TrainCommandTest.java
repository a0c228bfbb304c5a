package io.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reproducibility, bad inputs, and the demo. */
class TrainCommandTest {

    @TempDir
    Path dir;

    private CliRun train(String output, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--dataset", "embedded", "--limit", "200",
                "--epochs", "2", "--batch-size", "32", "--augment", "--threads", "1", "--output",
                dir.resolve(output).toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Each epoch's loss, accuracy and validation loss from metrics.jsonl. */
    private List<List<Object>> losses(String output) throws IOException {
        List<List<Object>> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(output).resolve("metrics.jsonl"))) {
            Map<?, ?> m = (Map<?, ?>) Json.parse(line);
            out.add(List.of(m.get("loss"), m.get("accuracy"), m.get("val_loss")));
        }
        return out;
    }

    @Test
    void theSameSeedAndThreadsGiveTheSameLosses() throws IOException {
        CliRun a = train("a", "--seed", "7"), b = train("b", "--seed", "7"), c = train("c", "--seed", "8");
        for (CliRun r : List.of(a, b, c)) assertEquals(0, r.exit(), r.toString());
        assertEquals(2, losses("a").size());
        assertEquals(losses("a"), losses("b"));
        assertNotEquals(losses("a"), losses("c"));
    }

    private static void assertOneSentenceError(CliRun r, String expectedStart) {
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("neurite: " + expectedStart), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
    }

    @Test
    void badInputsFailWithOneSentenceAndANonZeroExit() throws IOException {
        assertOneSentenceError(train("m", "--model", "resnet999"), "ModelZoo: unknown model 'resnet999'");
        assertOneSentenceError(CliRun.of("train", "--dataset", "embedded", "--epochs", "0"),
                "train: --epochs must be at least 1, got 0");
        assertOneSentenceError(train("s", "--model", "sin"), "train: model 'sin' takes inputs [1, 1], not images");
        assertOneSentenceError(CliRun.of("train", "--dataset", "embedded", "--threads", "999"),
                "train: --threads 999 is more than the kernel pool's");
        assertOneSentenceError(train("x", "--early-stopping", "2", "--val-fraction", "0"),
                "train: --early-stopping watches the validation set");
        assertOneSentenceError(train("mo", "--monitor", "f1"), "train: unknown --monitor 'f1', expected one of loss, accuracy");
        Path missing = dir.resolve("no-such-dir");
        assertOneSentenceError(CliRun.of("train", "--dataset", "fashion-mnist", "--data-dir", missing.toString()),
                "Fashion-MNIST was not found: --data-dir " + missing + " is not a folder");
        assertOneSentenceError(CliRun.of("train", "--dataset", "mnist"), "--dataset mnist needs --data-dir DIR");
        assertOneSentenceError(CliRun.of("train", "--dataset", "imagenet"), "unknown dataset 'imagenet'");
        assertOneSentenceError(CliRun.of("train", "--dataset", "csv:" + missing.resolve("a.csv")),
                "the CSV file " + missing.resolve("a.csv") + " was not found");
    }

    @Test
    void aCorruptOrMissingCheckpointFailsWithOneSentenceNamingTheFile() throws IOException {
        assertEquals(0, train("run").exit());
        Path weights = dir.resolve("run").resolve("best").resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliRun eval = CliRun.of("eval", "--checkpoint", dir.resolve("run").toString());
        assertOneSentenceError(eval, weights.toString());

        Files.writeString(dir.resolve("run").resolve("run.json"), "{\"format\": \"neurite-run\", \"model\": ");
        assertOneSentenceError(CliRun.of("eval", "--checkpoint", dir.resolve("run").resolve("last").toString()),
                dir.resolve("run").resolve("run.json") + ": at byte offset");
        assertOneSentenceError(CliRun.of("predict", "--checkpoint", dir.toString(), "--index", "0"),
                dir + " is not a training run");
        assertOneSentenceError(CliRun.of("predict", "--checkpoint", dir.resolve("run").toString()),
                "predict: nothing to classify");
    }

    @Test
    void anOutputFolderHoldingARunIsReplacedOnlyWithOverwrite() {
        assertEquals(0, train("o").exit());
        assertOneSentenceError(train("o"), "train: the output folder " + dir.resolve("o") + " already holds a run");
        CliRun again = train("o", "--overwrite");
        assertEquals(0, again.exit(), again.toString());
    }

    @Test
    void demoOnTheEmbeddedDataPrintsTheTestAccuracyAndTheReport() {
        CliRun r = CliRun.of("demo", "--embedded", "--epochs", "1", "--output", dir.resolve("demo").toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("LeNet-5 on the Fashion-MNIST subset inside Neurite"), r.out());
        assertTrue(r.out().contains("epoch 1/1 - loss"), r.out());
        assertTrue(r.out().matches("(?s).*test accuracy 0\\.\\d{4} \\(\\d+/400\\).*"), r.out());
        assertTrue(r.out().contains("Ankle boot") && r.out().contains("macro avg"), r.out());
        assertTrue(r.out().contains("outputs: " + dir.resolve("demo")), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("demo").resolve("test-metrics.json")));
    }

    @Test
    void helpListsTheCommandsAndEachHasExamples() {
        CliRun help = CliRun.of("--help");
        for (String command : List.of("demo", "train", "eval", "predict")) {
            assertTrue(help.out().contains(command), help.out());
            CliRun h = CliRun.of(command, "--help");
            assertEquals(0, h.exit(), h.toString());
            assertTrue(h.out().contains("Example") && h.out().contains("neurite " + command), h.out());
        }
    }
}
