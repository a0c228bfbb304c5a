package io.neurite.cli.train;

import io.neurite.data.Splits;
import io.neurite.data.Subset;
import io.neurite.data.datasets.DatasetNotFoundException;
import io.neurite.data.datasets.EmbeddedFashionMNIST;
import io.neurite.data.datasets.FashionMNIST;
import io.neurite.data.datasets.IdxDatasetLocator;
import io.neurite.data.datasets.ImageFolder;
import io.neurite.data.datasets.LabeledImages;
import io.neurite.data.datasets.MNIST;
import io.neurite.data.io.CsvData;
import io.neurite.data.io.CsvReader;
import io.neurite.data.Sample;
import io.neurite.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@code --dataset} value into {@link ImageData}, for train, eval and predict alike:
 * <ul>
 *   <li>{@code fashion-mnist}: the IDX files in {@code --data-dir}, else in {@code ~/.neurite/datasets/fashion-mnist}
 *       or {@value #FASHION_MNIST_DIR} (Debian's {@code dataset-fashion-mnist}); never downloaded.
 *   <li>{@code mnist}: the IDX files in {@code --data-dir} (required).
 *   <li>{@code embedded}: the 1800/400-image Fashion-MNIST subset inside Neurite.
 *   <li>{@code csv:PATH}: the label in the first column, then 784 pixel columns (0-255 or 0-1), as Kaggle's
 *       {@code fashion-mnist_train.csv}; the test part is {@code --test-data} or a seeded 20% split. A file whose
 *       name contains "fashion" with labels 0-9 gets Fashion-MNIST's class names.
 *   <li>{@code folder:PATH}: one sub-folder per class (torchvision's ImageFolder) under {@code PATH/train} and
 *       {@code PATH/test}, or under {@code PATH} itself with a seeded 20% test split; images are read as
 *       grayscale and resized to 28x28.
 * </ul>
 */
public final class DataSource {

    public static final String FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";
    /** The share of a CSV file or image folder held out for testing when no separate test part is given. */
    public static final double TEST_FRACTION = 0.2;
    private static final int SIDE = 28;

    private DataSource() {}

    /**
     * Loads {@code dataset}; {@code dataDir} overrides the IDX folder, {@code testData} names a separate test CSV,
     * and {@code seed} fixes the test split of a CSV file or folder that has no test part.
     */
    public static ImageData load(String dataset, Path dataDir, Path testData, long seed) throws IOException {
        String kind = dataset.toLowerCase(Locale.ROOT);
        if (testData != null && !kind.startsWith("csv:")) {
            throw new IllegalArgumentException("--test-data applies to --dataset csv:PATH only, got --dataset "
                    + dataset);
        }
        if (kind.equals("fashion-mnist")) return fashionMnist(dataset, dataDir);
        if (kind.equals("mnist")) return mnist(dataset, dataDir);
        if (kind.equals("embedded")) {
            return new ImageData(dataset, EmbeddedFashionMNIST.train(), EmbeddedFashionMNIST.test(), true);
        }
        if (kind.startsWith("csv:")) return csv(dataset, Path.of(dataset.substring(4)), testData, seed);
        if (kind.startsWith("folder:")) return folder(dataset, Path.of(dataset.substring(7)), seed);
        throw new IllegalArgumentException("unknown dataset '" + dataset
                + "', expected fashion-mnist, mnist, embedded, csv:PATH or folder:PATH");
    }

    private static ImageData fashionMnist(String name, Path dataDir) throws IOException {
        IdxDatasetLocator locator = FashionMNIST.locator().withDownload(false);
        if (dataDir != null) {
            requireFolder(dataDir, "Fashion-MNIST");
            locator = locator.withCacheDir(dataDir).withSystemDirs(List.of());
        } else if (!Files.isDirectory(Path.of(FASHION_MNIST_DIR)) && !Files.isDirectory(locator.cacheDir())) {
            throw new DatasetNotFoundException("Fashion-MNIST was not found in " + FASHION_MNIST_DIR + " or "
                    + locator.cacheDir() + "; install it with `apt-get install dataset-fashion-mnist`, point "
                    + "--data-dir at its four IDX files, or use --dataset embedded (a subset inside Neurite)");
        }
        return new ImageData(name, locator.train(), locator.test(), true);
    }

    private static ImageData mnist(String name, Path dataDir) throws IOException {
        if (dataDir == null) {
            throw new IllegalArgumentException("--dataset mnist needs --data-dir DIR, a folder holding the four MNIST"
                    + " IDX files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-...)");
        }
        requireFolder(dataDir, "MNIST");
        IdxDatasetLocator locator = MNIST.locator().withDownload(false).withCacheDir(dataDir)
                .withSystemDirs(List.of());
        return new ImageData(name, locator.train(), locator.test(), false);
    }

    private static void requireFolder(Path dir, String what) throws DatasetNotFoundException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetNotFoundException(what + " was not found: --data-dir " + dir + " is not a folder; "
                    + "point it at the folder holding the four IDX files, or use --dataset embedded");
        }
    }

    private static ImageData csv(String name, Path file, Path testFile, long seed) throws IOException {
        LabeledImages all = readCsv(file, null);
        boolean fashion = all.classes().equals(FashionMNIST.CLASSES);
        if (testFile != null) return new ImageData(name, all, readCsv(testFile, all.classes()), fashion);
        return split(name, all, seed, fashion);
    }

    /** Reads a label-then-pixels CSV file; {@code classes} (of the training file) when reading a test file. */
    private static LabeledImages readCsv(Path file, List<String> classes) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetNotFoundException("the CSV file " + file + " was not found; expected a file with the"
                    + " label in the first column and 784 pixel columns, as Kaggle's fashion-mnist_train.csv");
        }
        CsvData data = new CsvReader().withHeader(hasHeader(file)).withLabelColumn(0).read(file);
        int pixels = data.features().size(1);
        if (pixels != SIDE * SIDE) {
            throw new IllegalArgumentException(file + ": expected " + SIDE * SIDE + " pixel columns after the label"
                    + " (28x28 images), got " + pixels);
        }
        Tensor images = data.features().reshape(data.rows(), 1, SIDE, SIDE);
        float max = 0;
        for (float v : images.toFloatArray()) max = Math.max(max, v);
        if (max > 1) images = images.div(255f);
        List<String> names = classes != null ? classes : classNames(file, data.classes());
        return new LabeledImages(images, data.labels(), names);
    }

    /** Whether the first line names the columns (Kaggle's files do) rather than holding numbers. */
    private static boolean hasHeader(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            String first = lines.findFirst().orElse("");
            return !first.isEmpty() && !Character.isDigit(first.strip().charAt(0));
        }
    }

    private static List<String> classNames(Path file, List<String> labels) {
        boolean fashion = file.getFileName().toString().toLowerCase(Locale.ROOT).contains("fashion");
        return fashion && labels.size() == FashionMNIST.CLASSES.size() ? FashionMNIST.CLASSES : labels;
    }

    private static ImageData folder(String name, Path root, long seed) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new DatasetNotFoundException("the image folder " + root + " was not found; expected one sub-folder"
                    + " per class, under " + root + "/train and " + root + "/test or under " + root + " itself");
        }
        Path train = root.resolve("train"), test = root.resolve("test");
        if (Files.isDirectory(train) && Files.isDirectory(test)) {
            LabeledImages tr = readFolder(train), te = readFolder(test);
            if (!tr.classes().equals(te.classes())) {
                throw new IllegalArgumentException("the class folders of " + train + " " + tr.classes()
                        + " differ from those of " + test + " " + te.classes() + "; give both the same classes");
            }
            return new ImageData(name, tr, te, false);
        }
        return split(name, readFolder(root), seed, false);
    }

    private static LabeledImages readFolder(Path dir) throws IOException {
        ImageFolder folder = new ImageFolder(dir, ImageFolder.Options.grayscale().withResize(SIDE, SIDE));
        List<Tensor> images = new ArrayList<>(folder.size());
        int[] labels = new int[folder.size()];
        for (int i = 0; i < folder.size(); i++) {
            images.add(folder.image(i));
            labels[i] = folder.label(i);
        }
        return new LabeledImages(Tensor.stack(images, 0), Tensor.ofInts(labels, labels.length), folder.classes());
    }

    /** A seeded split of one set of images into training and test parts ({@value #TEST_FRACTION} for testing). */
    private static ImageData split(String name, LabeledImages all, long seed, boolean flipSafe) {
        List<Subset<Sample>> parts = Splits.randomSplit(all, seed, 1 - TEST_FRACTION, TEST_FRACTION);
        return new ImageData(name, ImageData.select(all, parts.get(0).indices()),
                ImageData.select(all, parts.get(1).indices()), flipSafe);
    }
}
