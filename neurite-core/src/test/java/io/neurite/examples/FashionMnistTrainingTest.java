package io.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.data.Batch;
import io.neurite.data.DataLoader;
import io.neurite.data.Sample;
import io.neurite.data.datasets.EmbeddedFashionMNIST;
import io.neurite.data.datasets.LabeledImages;
import io.neurite.data.transforms.Compose;
import io.neurite.data.transforms.RandomCrop;
import io.neurite.data.transforms.RandomHorizontalFlip;
import io.neurite.data.transforms.Transform;
import io.neurite.nn.BatchNorm2d;
import io.neurite.nn.Conv2d;
import io.neurite.nn.Dropout;
import io.neurite.nn.Flatten;
import io.neurite.nn.Layer;
import io.neurite.nn.Linear;
import io.neurite.nn.MaxPool2d;
import io.neurite.nn.ReLU;
import io.neurite.nn.Sequential;
import io.neurite.nn.loss.CrossEntropyLoss;
import io.neurite.optim.Adam;
import io.neurite.optim.Optimizer;
import io.neurite.optim.SGD;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The pieces working together on real images: the embedded Fashion-MNIST subset through a shuffled,
 * augmented, prefetching DataLoader into a CNN (conv, batch norm, ReLU, pooling, dropout) trained with
 * cross-entropy. Runs in a few seconds; the full-dataset runs have their own command.
 */
class FashionMnistTrainingTest {

    private static Layer simpleCnn() {
        return new Sequential(
                new Conv2d(1, 8, 3), new BatchNorm2d(8), new ReLU(), new MaxPool2d(2), new Dropout(0.1),
                new Conv2d(8, 16, 3), new BatchNorm2d(16), new ReLU(), new MaxPool2d(2), new Dropout(0.1),
                new Flatten(), new Linear(16 * 5 * 5, 10));
    }

    private static float train(Layer model, Function<List<Tensor>, Optimizer<?>> optimizer, int epochs) {
        LabeledImages train = EmbeddedFashionMNIST.train(), test = EmbeddedFashionMNIST.test();
        Transform augment = new Compose(new RandomCrop(28, 2), new RandomHorizontalFlip(0.5));
        DataLoader<Sample, Batch> loader = DataLoader.builder(
                        train.mapRandom((s, g) -> new Sample(augment.apply(s.input(), g), s.target())))
                .batchSize(64).shuffle(true).seed(7).numWorkers(2).build();
        Optimizer<?> opt = optimizer.apply(model.parameters());
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        for (int epoch = 0; epoch < epochs; epoch++) {
            model.train();
            loader.setEpoch(epoch);
            for (Batch batch : loader) {
                opt.zeroGrad();
                criterion.forward(model.forward(batch.inputs()), batch.targets()).backward();
                opt.step();
            }
        }
        model.eval();
        try (var scope = Autograd.noGrad()) {
            Tensor predicted = model.forward(test.images()).argmax(1, false);
            return predicted.eq(test.labels()).mean().item();
        }
    }

    @Test
    void aSmallCnnLearnsFashionMnistWithAdamAndWithSgd() {
        Tensor.manualSeed(1);
        float adam = train(simpleCnn(), params -> new Adam(params, 1e-3), 4);
        assertTrue(adam > 0.70f, "test accuracy with Adam: " + adam);
        Tensor.manualSeed(1);
        float sgd = train(simpleCnn(), params -> new SGD(params, SGD.options(0.05).withMomentum(0.9)), 4);
        assertTrue(sgd > 0.70f, "test accuracy with SGD and momentum: " + sgd);
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        Tensor.manualSeed(3);
        float first = train(simpleCnn(), params -> new Adam(params, 1e-3), 1);
        Tensor.manualSeed(3);
        float second = train(simpleCnn(), params -> new Adam(params, 1e-3), 1);
        assertEquals(first, second);
    }
}
