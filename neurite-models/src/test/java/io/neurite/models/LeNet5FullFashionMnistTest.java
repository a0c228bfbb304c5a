package io.neurite.models;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.neurite.models.examples.LeNet5Example;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The integration test of issue 6: LeNet-5 trained for one epoch on the full Fashion-MNIST training set
 * (60,000 images) reaches at least 85% on the 10,000 test images. The recipe is the notes' worked example,
 * {@link LeNet5Example}: standardized inputs, Adam lr 2e-3, batch 32, seed 5 (86.8%; seeds 1 to 3 reach
 * 86.9-87.6%).
 *
 * <p>Needs Debian's {@code dataset-fashion-mnist}. {@code .ci/run} installs it and sets
 * {@code NEURITE_REQUIRE_DATASETS=1}, which turns a missing data set into a failure instead of a skip.
 */
class LeNet5FullFashionMnistTest {

    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void oneEpochOnTheFullTrainingSetReaches85Percent() {
        requireDataset();
        LeNet5Example.Values result = new LeNet5Example().train(System.out);
        assertTrue(result.fullData(), "trained on " + result.data() + " instead of the full Fashion-MNIST");
        assertTrue(result.testAccuracy() >= 0.85, "test accuracy after one epoch: " + result.testAccuracy());
    }

    private static void requireDataset() {
        boolean present = Files.isRegularFile(DEBIAN.resolve("train-images-idx3-ubyte.gz"));
        if (!present && "1".equals(System.getenv("NEURITE_REQUIRE_DATASETS"))) {
            fail("Fashion-MNIST is missing from " + DEBIAN + " although NEURITE_REQUIRE_DATASETS=1; hint: "
                    + "apt-get install dataset-fashion-mnist");
        }
        Assumptions.assumeTrue(present, "Fashion-MNIST not installed at " + DEBIAN);
    }
}
