package io.neurite.data.datasets;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * MNIST (LeCun, Bottou, Bengio and Haffner, 1998): 70000 grayscale 28x28 handwritten digits, 60000 for
 * training and 10000 for testing, as torchvision's {@code MNIST}.
 *
 * <p>Looked for in {@code ~/.neurite/datasets/mnist}, then downloaded from torchvision's mirrors; see
 * {@link IdxDatasetLocator} to change either.
 *
 * <pre>{@code
 * LabeledImages test = MNIST.test();   // images [10000, 1, 28, 28] in [0, 1], labels int32 [10000]
 * }</pre>
 */
public final class MNIST {

    /** Class names, index = label (torchvision's). */
    public static final List<String> CLASSES = List.of("0 - zero", "1 - one", "2 - two", "3 - three", "4 - four",
            "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine");

    /** Files, published MD5s and download mirrors (as torchvision's). */
    public static final IdxDatasetSpec SPEC = new IdxDatasetSpec("MNIST", "mnist", CLASSES,
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("http://yann.lecun.com/exdb/mnist/")),
            Map.of(IdxDatasetSpec.TRAIN_IMAGES, "f68b3c2dcbeaaa9fbdd348bbdeb94873",
                    IdxDatasetSpec.TRAIN_LABELS, "d53e105ee54ea40749a09fcbcd1e9432",
                    IdxDatasetSpec.TEST_IMAGES, "9fb629c4189551a2d022fa330f9573f3",
                    IdxDatasetSpec.TEST_LABELS, "ec29112dd5afa0611ce80d1b7f02629c"),
            List.of(), null);

    private MNIST() {}

    /** A locator with the default cache and mirrors, to be adjusted. */
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
