package io.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.data.datasets.EmbeddedFashionMNIST;
import io.neurite.data.datasets.LabeledImages;
import io.neurite.io.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One short training on the embedded data, then its outputs, eval and predict on them. */
class TrainEvalPredictTest {

    @TempDir
    static Path dir;
    static Path run;
    static CliRun train;

    @BeforeAll
    static void trainOnce() {
        run = dir.resolve("run");
        train = CliRun.of("train", "--model", "lenet5", "--dataset", "embedded", "--limit", "300", "--epochs", "1",
                "--batch-size", "32", "--output", run.toString());
        assertEquals(0, train.exit(), train.toString());
    }

    private static Map<?, ?> json(Path file) throws IOException {
        return (Map<?, ?>) Json.parse(Files.readString(file));
    }

    @Test
    void trainWritesEveryOutputAndTheyParse() throws IOException {
        for (String sub : List.of("best", "last")) {
            for (String f : List.of("model.safetensors", "optimizer.safetensors", "checkpoint.json")) {
                assertTrue(Files.isRegularFile(run.resolve(sub).resolve(f)), sub + "/" + f);
            }
        }
        Map<?, ?> config = json(run.resolve("run.json"));
        assertEquals("lenet5", config.get("model"));
        assertEquals("embedded", config.get("dataset"));
        assertEquals(10, ((List<?>) config.get("classes")).size());
        assertEquals("T-shirt/top", ((List<?>) config.get("classes")).get(0));
        assertEquals(42, ((Number) config.get("seed")).intValue());

        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertEquals(1, lines.size());
        Map<?, ?> epoch = (Map<?, ?>) Json.parse(lines.get(0));
        for (String key : List.of("epoch", "loss", "accuracy", "val_loss", "val_accuracy", "lr")) {
            assertTrue(epoch.get(key) instanceof Number, key + " in " + epoch);
        }
        List<String> csv = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(2, csv.size());
        assertTrue(csv.get(0).startsWith("epoch,loss,accuracy,val_loss,val_accuracy,lr"), csv.get(0));

        Map<?, ?> test = json(run.resolve("test-metrics.json"));
        double accuracy = ((Number) test.get("accuracy")).doubleValue();
        assertTrue(accuracy > 0.1 && accuracy <= 1, "accuracy " + accuracy);
        List<?> matrix = (List<?>) test.get("confusion_matrix");
        assertEquals(10, matrix.size());
        long total = 0, diagonal = 0;
        for (int i = 0; i < 10; i++) {
            List<?> row = (List<?>) matrix.get(i);
            for (Object v : row) total += ((Number) v).longValue();
            diagonal += ((Number) row.get(i)).longValue();
        }
        assertEquals(400, total);
        assertEquals(accuracy, diagonal / 400.0, 1e-12);
        assertEquals(10, ((List<?>) test.get("per_class")).size());
        assertTrue(test.get("macro_f1") instanceof Number);

        assertTrue(train.out().contains("epoch 1/1 - loss "), train.out());
        assertTrue(train.out().contains(String.format(java.util.Locale.ROOT, "test accuracy %.4f", accuracy)),
                train.out());
        assertTrue(train.out().contains("outputs: " + run), train.out());
    }

    @Test
    void evalOfTheRunReproducesTheTestAccuracyOfTraining() throws IOException {
        double accuracy = ((Number) json(run.resolve("test-metrics.json")).get("accuracy")).doubleValue();
        for (Path checkpoint : List.of(run, run.resolve("best"))) {
            CliRun eval = CliRun.of("eval", "--checkpoint", checkpoint.toString());
            assertEquals(0, eval.exit(), eval.toString());
            Matcher m = Pattern.compile("test accuracy (\\d\\.\\d+) \\((\\d+)/400\\)").matcher(eval.out());
            assertTrue(m.find(), eval.out());
            assertEquals(accuracy, Integer.parseInt(m.group(2)) / 400.0, 1e-12, eval.out());
            assertTrue(eval.out().contains("true\\pred  T-shirt/top  Trouser"), eval.out());
            assertTrue(eval.out().contains("macro avg"), eval.out());
        }
    }

    @Test
    void predictOnTestIndicesPrintsTheClassAndTopThreeProbabilities() {
        CliRun r = CliRun.of("predict", "--checkpoint", run.toString(), "--index", "0,5");
        assertEquals(0, r.exit(), r.toString());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].startsWith("test image 0 (true: Ankle boot): "), lines[0]);
        assertTrue(lines[1].startsWith("test image 5 (true: Trouser): "), lines[1]);
        for (String line : lines) {
            Matcher m = Pattern.compile("\\[(.+) (0\\.\\d{4}), (.+) (0\\.\\d{4}), (.+) (0\\.\\d{4})]$").matcher(line);
            assertTrue(m.find(), line);
            double p1 = Double.parseDouble(m.group(2)), p2 = Double.parseDouble(m.group(4)),
                    p3 = Double.parseDouble(m.group(6));
            assertTrue(p1 >= p2 && p2 >= p3 && p1 + p2 + p3 <= 1.0001, line);
            assertTrue(line.contains(": " + m.group(1) + "  ["), "the predicted class is the most probable: " + line);
        }
    }

    @Test
    void predictOnPngFilesMatchesTheSameTestImageAndInvertsLightBackgrounds() throws IOException {
        LabeledImages test = EmbeddedFashionMNIST.test();
        Path dark = dir.resolve("item3.png"), light = dir.resolve("item3-on-white.png");
        writePng(test, 3, false, dark);
        writePng(test, 3, true, light);
        CliRun byIndex = CliRun.of("predict", "--checkpoint", run.toString(), "--index", "3");
        CliRun byFile = CliRun.of("predict", "--checkpoint", run.toString(), dark.toString(), light.toString());
        assertEquals(0, byFile.exit(), byFile.toString());
        String expected = byIndex.out().strip().substring(byIndex.out().indexOf("): ") + 3);
        String[] lines = byFile.out().strip().split("\n");
        assertEquals(dark + ": " + expected, lines[0]);
        assertEquals(light + ": " + expected, lines[1], "an inverted copy (dark on white) is inverted back");
        CliRun notInverted = CliRun.of("predict", "--checkpoint", run.toString(), "--invert", "NO", light.toString());
        assertEquals(0, notInverted.exit(), notInverted.toString());
        assertTrue(!notInverted.out().contains(expected), notInverted.out());
    }

    @Test
    void plotDrawsTheRunsLearningCurve() {
        Path png = dir.resolve("curve.png");
        CliRun r = CliRun.of("plot", run.toString(), "--output", png.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(Files.isRegularFile(png), r.toString());
    }

    /** Test image {@code i} as an 8-bit grayscale PNG, optionally inverted (a dark item on white). */
    private static void writePng(LabeledImages images, int i, boolean invert, Path file) throws IOException {
        float[] px = images.image(i).contiguous().toFloatArray();
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int v = Math.round(px[y * 28 + x] * 255);
                img.getRaster().setSample(x, y, 0, invert ? 255 - v : v);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }
}
