package io.neurite.models;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.neurite.data.Batch;
import io.neurite.data.DataLoader;
import io.neurite.data.Sample;
import io.neurite.data.datasets.FashionMNIST;
import io.neurite.data.datasets.LabeledImages;
import io.neurite.nn.loss.CrossEntropyLoss;
import io.neurite.optim.Adam;
import io.neurite.tensor.Tensor;
import io.neurite.train.Trainer;
import io.neurite.train.metrics.Accuracy;
import io.neurite.train.metrics.MetricCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The integration test of issue 6: LeNet-5 trained for one epoch on the full Fashion-MNIST training set
 * (60,000 images, standardized with the training set's mean 0.2860 and deviation 0.3530; Adam lr 2e-3, batch
 * 32) reaches at least 85% on the 10,000 test images. Seeds 1 to 3 reach 86.9-87.6% (lr 1e-3: 85.9-86.6%).
 *
 * <p>Needs Debian's {@code dataset-fashion-mnist}. {@code .ci/run} installs it and sets
 * {@code NEURITE_REQUIRE_DATASETS=1}, which turns a missing data set into a failure instead of a skip.
 */
class LeNet5FullFashionMnistTest {

    private static final float MEAN = 0.2860f, STD = 0.3530f;
    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void oneEpochOnTheFullTrainingSetReaches85Percent() throws IOException {
        requireDataset();
        Tensor.manualSeed(1);
        LabeledImages train = standardized(FashionMNIST.train()), test = standardized(FashionMNIST.test());
        LeNet5 net = new LeNet5();
        DataLoader<Sample, Batch> trainLoader = DataLoader.builder(train).batchSize(32).shuffle(true).seed(1).build();
        DataLoader<Sample, Batch> testLoader = DataLoader.builder(test).batchSize(1000).build();
        Trainer trainer = Trainer.builder(net, new CrossEntropyLoss(), new Adam(net.parameters(), 2e-3))
                .trainLoader(trainLoader)
                .metrics(() -> MetricCollection.of(new Accuracy()))
                .build();
        long start = System.nanoTime();
        trainer.fit(1);
        Map<String, Double> result = trainer.evaluate(testLoader);
        System.out.printf("LeNet5, 1 epoch on the full Fashion-MNIST: test %s in %.1f s%n", result,
                (System.nanoTime() - start) / 1e9);
        assertTrue(result.get("accuracy") >= 0.85, "test accuracy after one epoch: " + result);
    }

    private static LabeledImages standardized(LabeledImages images) {
        return new LabeledImages(images.images().sub(MEAN).div(STD), images.labels(), images.classes());
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
