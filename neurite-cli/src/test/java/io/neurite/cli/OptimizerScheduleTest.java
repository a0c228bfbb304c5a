package io.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Every --optimizer and --schedule trains; schedules set the logged learning rates; early stopping stops. */
class OptimizerScheduleTest {

    @TempDir
    Path dir;

    private CliRun train(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--dataset", "embedded", "--limit", "96",
                "--batch-size", "32", "--threads", "1", "--output", dir.resolve(name).toString()));
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    /** The lr logged at the end of each epoch. */
    private List<Double> lrs(String name) throws IOException {
        List<Double> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(name).resolve("metrics.jsonl"))) {
            out.add(((Number) ((Map<?, ?>) Json.parse(line)).get("lr")).doubleValue());
        }
        return out;
    }

    @Test
    void everyOptimizerTrainsWithItsDefaultLearningRate() throws IOException {
        for (String opt : List.of("sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad")) {
            train(opt, "--optimizer", opt, "--epochs", "1");
            Map<?, ?> run = (Map<?, ?>) Json.parse(Files.readString(dir.resolve(opt).resolve("run.json")));
            double lr = ((Number) run.get("lr")).doubleValue();
            assertEquals(opt.startsWith("adam") ? 1e-3 : 1e-2, lr, 1e-12, opt);
            assertTrue(run.get("optimizerOptions").toString().contains(opt.equals("nesterov") ? "nesterov=true"
                    : opt.equals("momentum") ? "momentum=0.9" : "lr="), opt + ": " + run.get("optimizerOptions"));
        }
        CliRun bad = CliRun.of("train", "--dataset", "embedded", "--optimizer", "adam", "--momentum", "0.9");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("neurite: train: --momentum applies to sgd, momentum, nesterov and rmsprop"),
                bad.err());
        CliRun unknown = CliRun.of("train", "--dataset", "embedded", "--schedule", "warmup");
        assertTrue(unknown.err().startsWith("neurite: train: unknown --schedule 'warmup'"), unknown.err());
    }

    @Test
    void schedulesChangeTheLearningRateAsTheyShould() throws IOException {
        train("none", "--epochs", "2", "--lr", "0.01");
        assertEquals(List.of(0.01, 0.01), lrs("none"));
        train("step", "--epochs", "3", "--lr", "0.01", "--schedule", "step");
        List<Double> step = lrs("step");
        assertEquals(1e-3, step.get(0), 1e-12);
        assertEquals(1e-5, step.get(2), 1e-15);
        train("cosine", "--epochs", "2", "--lr", "0.01", "--schedule", "cosine");
        assertEquals(0.005, lrs("cosine").get(0), 1e-9, "half way through the batches: lr/2");
        assertEquals(0, lrs("cosine").get(1), 1e-12);
        train("onecycle", "--epochs", "2", "--lr", "0.01", "--schedule", "onecycle");
        assertEquals(0.01 / 25 / 1e4, lrs("onecycle").get(1), 1e-12, "onecycle ends at maxLr / 25 / 1e4");
        train("plateau", "--epochs", "2", "--schedule", "plateau");
        assertEquals(2, lrs("plateau").size());
    }

    @Test
    void earlyStoppingStopsWhenTheValidationLossStopsFalling() throws IOException {
        CliRun r = train("early", "--epochs", "20", "--early-stopping", "1", "--val-fraction", "0.3",
                "--optimizer", "sgd", "--lr", "0.5");
        Map<?, ?> test = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("early").resolve("test-metrics.json")));
        int epochs = ((Number) test.get("epochs_trained")).intValue();
        assertTrue(epochs < 20, r.out());
        assertEquals(epochs, Files.readAllLines(dir.resolve("early").resolve("metrics.jsonl")).size());
    }

    @Test
    void monitorAccuracyKeepsTheEpochWithTheHighestValidationAccuracyAsBest() throws IOException {
        train("acc", "--epochs", "4", "--val-fraction", "0.3", "--monitor", "accuracy");
        double highest = 0;
        for (String line : Files.readAllLines(dir.resolve("acc").resolve("metrics.jsonl"))) {
            highest = Math.max(highest, ((Number) ((Map<?, ?>) Json.parse(line)).get("val_accuracy")).doubleValue());
        }
        Map<?, ?> sidecar = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("acc/best/checkpoint.json")));
        Map<?, ?> saved = (Map<?, ?>) ((Map<?, ?>) sidecar.get("state")).get("metrics");
        assertEquals(highest, ((Number) saved.get("val_accuracy")).doubleValue(), 0);
        Map<?, ?> run = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("acc").resolve("run.json")));
        assertEquals("val_accuracy", run.get("monitor"));
    }
}
