package io.neurite.data.datasets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017; https://github.com/zalandoresearch/fashion-mnist,
 * MIT license): 70000 grayscale 28x28 images of clothing in 10 classes, 60000 for training and 10000
 * for testing, as torchvision's {@code FashionMNIST}.
 *
 * <p>Looked for in {@code ~/.neurite/datasets/fashion-mnist}, then {@code /usr/share/datasets/fashion-mnist}
 * (Debian: {@code apt-get install dataset-fashion-mnist}), then downloaded from Zalando's address; see
 * {@link IdxDatasetLocator} to change any of these. A subset ships inside Neurite as
 * {@link EmbeddedFashionMNIST}.
 *
 * <pre>{@code
 * LabeledImages train = FashionMNIST.train();   // images [60000, 1, 28, 28] in [0, 1], labels int32 [60000]
 * }</pre>
 */
public final class FashionMNIST {

    /** Class names, index = label. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Files, published MD5s (as torchvision's), Zalando's download address, Debian's install folder. */
    public static final IdxDatasetSpec SPEC = new IdxDatasetSpec("Fashion-MNIST", "fashion-mnist", CLASSES,
            List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
            Map.of(IdxDatasetSpec.TRAIN_IMAGES, "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                    IdxDatasetSpec.TRAIN_LABELS, "25c81989df183df01b3e8a0aad5dffbe",
                    IdxDatasetSpec.TEST_IMAGES, "bef4ecab320f06d8554ea6380940ec79",
                    IdxDatasetSpec.TEST_LABELS, "bb300cfdad3c16e7a12a480ee83cd310"),
            List.of(Path.of("/usr/share/datasets/fashion-mnist")), "apt-get install dataset-fashion-mnist");

    private FashionMNIST() {}

    /** A locator with the default cache, system folder and download address, to be adjusted. */
    public static IdxDatasetLocator locator() {
        return new IdxDatasetLocator(SPEC);
    }

    /** The 60000 training images. */
    public static LabeledImages train() throws IOException {
        return locator().train();
    }

    /** The 10000 test images. */
    public static LabeledImages test() throws IOException {
        return locator().test();
    }
}
