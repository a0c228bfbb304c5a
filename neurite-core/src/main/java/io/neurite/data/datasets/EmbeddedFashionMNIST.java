package io.neurite.data.datasets;

import io.neurite.data.io.IdxReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A class-balanced subset of Fashion-MNIST shipped inside Neurite, so that tests, examples and demos run
 * with no network and no dataset installed: 1800 training images (the first 180 of each class) and 400
 * test images (the first 40 of each class), 28x28 grayscale. Source, license (MIT, Zalando SE) and the
 * script that makes it: {@code io/neurite/data/datasets/fashion-mnist-small/README.md}.
 *
 * <pre>{@code
 * LabeledImages train = EmbeddedFashionMNIST.train();   // images [1800, 1, 28, 28] in [0, 1], labels [1800]
 * }</pre>
 */
public final class EmbeddedFashionMNIST {

    private static final String FOLDER = "fashion-mnist-small/";

    private EmbeddedFashionMNIST() {}

    /** 1800 training images, 180 per class, with {@link FashionMNIST#CLASSES}. */
    public static LabeledImages train() {
        return load(IdxDatasetSpec.TRAIN_IMAGES, IdxDatasetSpec.TRAIN_LABELS);
    }

    /** 400 test images, 40 per class. */
    public static LabeledImages test() {
        return load(IdxDatasetSpec.TEST_IMAGES, IdxDatasetSpec.TEST_LABELS);
    }

    private static LabeledImages load(String imagesFile, String labelsFile) {
        try {
            Path images = Path.of(FOLDER + imagesFile);
            Path labels = Path.of(FOLDER + labelsFile);
            return IdxDatasetLocator.pair(IdxReader.read(resource(imagesFile), images), images,
                    IdxReader.read(resource(labelsFile), labels), labels, FashionMNIST.CLASSES);
        } catch (IOException e) {
            throw new UncheckedIOException("EmbeddedFashionMNIST: the resource " + FOLDER
                    + " inside the Neurite jar is unreadable; the jar is damaged", e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EmbeddedFashionMNIST.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IOException("resource " + FOLDER + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        }
    }
}
