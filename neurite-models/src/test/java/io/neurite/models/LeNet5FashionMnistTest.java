package io.neurite.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.data.Batch;
import io.neurite.data.DataLoader;
import io.neurite.data.Sample;
import io.neurite.data.datasets.EmbeddedFashionMNIST;
import io.neurite.data.datasets.LabeledImages;
import io.neurite.nn.loss.CrossEntropyLoss;
import io.neurite.optim.Adam;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The notes' LeNet-5 exercise on the embedded Fashion-MNIST subset (1800 training, 400 test images):
 * three epochs of Adam at lr 2e-3, batch 32, no augmentation, about 2-4 s. Seeds 1 to 6 reach 71-75%
 * test accuracy (lr 1e-3: 70-74%); PyTorch 1.13 with the same recipe reaches 71-77% over seeds 1 to 6.
 * The bound leaves room for that spread. The full-dataset accuracy targets are measured by the command line.
 */
class LeNet5FashionMnistTest {

    @Test
    void threeEpochsOnTheEmbeddedSubset() {
        Tensor.manualSeed(5);
        LabeledImages train = EmbeddedFashionMNIST.train(), test = EmbeddedFashionMNIST.test();
        LeNet5 net = new LeNet5();
        DataLoader<Sample, Batch> loader = DataLoader.builder(train).batchSize(32).shuffle(true).seed(5).build();
        Adam optimizer = new Adam(net.parameters(), 2e-3);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        float before = accuracy(net, test);
        long start = System.nanoTime();
        for (int epoch = 0; epoch < 3; epoch++) {
            net.train();
            loader.setEpoch(epoch);
            for (Batch batch : loader) {
                optimizer.zeroGrad();
                criterion.forward(net.forward(batch.inputs()), batch.targets()).backward();
                optimizer.step();
            }
        }
        float after = accuracy(net, test);
        System.out.printf("LeNet5 embedded Fashion-MNIST: test accuracy %.4f -> %.4f in %.1f s%n",
                before, after, (System.nanoTime() - start) / 1e9);
        assertTrue(before < 0.2f, "untrained accuracy: " + before);
        assertTrue(after > 0.68f, "test accuracy after 3 epochs: " + after);
    }

    private static float accuracy(LeNet5 net, LabeledImages test) {
        net.eval();
        try (var noGrad = Autograd.noGrad()) {
            return net.forward(test.images()).argmax(1, false).eq(test.labels()).mean().item();
        }
    }
}
