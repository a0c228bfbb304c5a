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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training from a Kaggle-style CSV file and from an image folder, written from the embedded images. */
class DatasetOptionsTest {

    @TempDir
    Path dir;

    private static final LabeledImages IMAGES = EmbeddedFashionMNIST.test();

    /** Images [from, to) of the embedded test set as "label,pixel1,...,pixel784" rows with values 0-255. */
    private static void writeCsv(Path file, int from, int to) throws IOException {
        StringBuilder sb = new StringBuilder("label");
        for (int p = 1; p <= 784; p++) sb.append(",pixel").append(p);
        sb.append('\n');
        for (int i = from; i < to; i++) {
            sb.append(IMAGES.label(i));
            for (float v : IMAGES.image(i).contiguous().toFloatArray()) sb.append(',').append(Math.round(v * 255));
            sb.append('\n');
        }
        Files.writeString(file, sb);
    }

    private static Map<?, ?> json(Path file) throws IOException {
        return (Map<?, ?>) Json.parse(Files.readString(file));
    }

    @Test
    void aCsvFileWithASeparateTestFileTrainsAndEvaluates() throws IOException {
        Path train = dir.resolve("fashion-mnist_train.csv"), test = dir.resolve("fashion-mnist_test.csv");
        writeCsv(train, 0, 300);
        writeCsv(test, 300, 400);
        Path run = dir.resolve("csv-run");
        CliRun r = CliRun.of("train", "--dataset", "csv:" + train, "--test-data", test.toString(), "--epochs", "1",
                "--output", run.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("270 training, 30 validation, 100 test images"), r.out());
        Map<?, ?> config = json(run.resolve("run.json"));
        assertEquals("T-shirt/top", ((List<?>) config.get("classes")).get(0), "Kaggle's file name gives the names");
        assertEquals(100L, ((Number) json(run.resolve("test-metrics.json")).get("samples")).longValue());
        CliRun eval = CliRun.of("eval", "--checkpoint", run.toString());
        assertEquals(0, eval.exit(), eval.toString());
        assertTrue(eval.out().contains("on the 100 test images of csv:" + train), eval.out());
    }

    @Test
    void aCsvFileWithoutATestFileIsSplitAndBadColumnsAreRefused() throws IOException {
        Path data = dir.resolve("items.csv");
        writeCsv(data, 0, 200);
        CliRun r = CliRun.of("train", "--dataset", "csv:" + data, "--epochs", "1", "--val-fraction", "0",
                "--output", dir.resolve("split").toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("160 training, 0 validation, 40 test images"), r.out());
        assertEquals("0", ((List<?>) json(dir.resolve("split").resolve("run.json")).get("classes")).get(0));

        Path narrow = dir.resolve("narrow.csv");
        Files.writeString(narrow, "label,a,b\n1,0,255\n");
        CliRun bad = CliRun.of("train", "--dataset", "csv:" + narrow);
        assertEquals(1, bad.exit(), bad.toString());
        assertTrue(bad.err().startsWith("neurite: " + narrow + ": expected 784 pixel columns after the label"),
                bad.err());
    }

    @Test
    void anImageFolderWithTrainAndTestSubfoldersTrains() throws IOException {
        Path root = dir.resolve("images");
        int[] seen = new int[10];
        for (int i = 0; i < 400; i++) {
            int n = seen[IMAGES.label(i)]++;
            if (n >= 10) continue;
            String part = n < 2 ? "test" : "train"; // 8 training and 2 test images per class
            Path classDir = root.resolve(part).resolve(String.format("%d-%s", IMAGES.label(i),
                    IMAGES.classes().get(IMAGES.label(i)).replace('/', '-')));
            Files.createDirectories(classDir);
            writePng(IMAGES, i, classDir.resolve("img" + i + ".png"));
        }
        Path run = dir.resolve("folder-run");
        CliRun r = CliRun.of("train", "--dataset", "folder:" + root, "--epochs", "1", "--output", run.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("72 training, 8 validation, 20 test images"), r.out());
        assertEquals("0-T-shirt-top", ((List<?>) json(run.resolve("run.json")).get("classes")).get(0));

        Path three = dir.resolve("three");
        for (int c = 0; c < 3; c++) {
            Files.createDirectories(three.resolve("c" + c));
            writePng(IMAGES, c, three.resolve("c" + c).resolve("a.png"));
        }
        CliRun bad = CliRun.of("train", "--dataset", "folder:" + three, "--epochs", "1");
        assertEquals(1, bad.exit(), bad.toString());
        assertTrue(bad.err().startsWith("neurite: train: the model has 10 outputs but folder:" + three
                + " has 3 classes"), bad.err());
    }

    private static void writePng(LabeledImages images, int i, Path file) throws IOException {
        float[] px = images.image(i).contiguous().toFloatArray();
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) img.getRaster().setSample(x, y, 0, Math.round(px[y * 28 + x] * 255));
        }
        ImageIO.write(img, "png", file.toFile());
    }
}
