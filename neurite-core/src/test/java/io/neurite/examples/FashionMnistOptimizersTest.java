package io.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.data.Batch;
import io.neurite.data.DataLoader;
import io.neurite.data.Sample;
import io.neurite.data.datasets.EmbeddedFashionMNIST;
import io.neurite.data.datasets.LabeledImages;
import io.neurite.nn.Flatten;
import io.neurite.nn.Layer;
import io.neurite.nn.Linear;
import io.neurite.nn.ReLU;
import io.neurite.nn.Sequential;
import io.neurite.nn.loss.CrossEntropyLoss;
import io.neurite.optim.Adadelta;
import io.neurite.optim.Adagrad;
import io.neurite.optim.Adam;
import io.neurite.optim.AdamW;
import io.neurite.optim.Adamax;
import io.neurite.optim.LBFGS;
import io.neurite.optim.NAdam;
import io.neurite.optim.Optimizer;
import io.neurite.optim.RAdam;
import io.neurite.optim.RMSprop;
import io.neurite.optim.SGD;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer trains the same small MLP (784-64-10) on the embedded Fashion-MNIST subset (1800
 * training, 400 test images) for 10 epochs of 64-image batches (290 steps, a fraction of a second);
 * LBFGS takes full-batch steps on the first 600 training images. Each must reach a test accuracy of
 * 0.70 (chance is 0.10) and cut the training loss (2.30 at the start) by more than 60%.
 *
 * <p>Why 10 epochs and not 3: after 3 epochs PyTorch 1.13 itself, with this model, data and these
 * learning rates, ends anywhere between 0.53 and 0.72 (plain SGD) or 0.55 and 0.75 (Adadelta)
 * depending on the seed, so a fixed threshold would test luck. After 10 epochs Neurite reaches, over
 * seeds 5, 6 and 7: SGD 0.73-0.76, SGD+momentum 0.81-0.82, Nesterov 0.82-0.83, Adagrad 0.80-0.81,
 * RMSprop 0.78-0.81, Adam and AdamW 0.80-0.81, Adamax 0.77-0.79, NAdam 0.79-0.82, RAdam 0.74-0.76
 * (its warm-up rectification starts slowly), Adadelta 0.79-0.80; final training losses 0.37-0.75.
 * LBFGS (3 steps of up to 20 iterations) memorizes its 600 images (loss 7e-4) and reaches 0.775, as
 * PyTorch's does (loss 5e-4 to 6e-3, test accuracy 0.75 to 0.78 over seeds 0-2).
 */
class FashionMnistOptimizersTest {

    static final int EPOCHS = 10;
    static final LabeledImages TRAIN = EmbeddedFashionMNIST.train(), TEST = EmbeddedFashionMNIST.test();

    static Layer mlp() {
        return new Sequential(new Flatten(), new Linear(784, 64), new ReLU(), new Linear(64, 10));
    }

    static DataLoader<Sample, Batch> loader() {
        return DataLoader.builder(TRAIN).batchSize(64).shuffle(true).seed(11).build();
    }

    /** The model's cross-entropy on all training images. */
    static float trainLoss(Layer model, CrossEntropyLoss criterion) {
        return loss(model, criterion, TRAIN.images(), TRAIN.labels());
    }

    static float loss(Layer model, CrossEntropyLoss criterion, Tensor images, Tensor labels) {
        try (var scope = Autograd.noGrad()) {
            return criterion.forward(model.forward(images), labels).item();
        }
    }

    static float testAccuracy(Layer model) {
        try (var scope = Autograd.noGrad()) {
            return model.forward(TEST.images()).argmax(1, false).eq(TEST.labels()).mean().item();
        }
    }

    static Stream<Arguments> optimizers() {
        Function<List<Tensor>, Optimizer<?>> sgd = p -> new SGD(p, 0.1);
        Function<List<Tensor>, Optimizer<?>> momentum = p -> new SGD(p, SGD.options(0.02).withMomentum(0.9));
        Function<List<Tensor>, Optimizer<?>> nesterov =
                p -> new SGD(p, SGD.options(0.02).withMomentum(0.9).withNesterov(true));
        Function<List<Tensor>, Optimizer<?>> adagrad = p -> new Adagrad(p, Adagrad.options().withLr(0.05));
        Function<List<Tensor>, Optimizer<?>> rmsprop = p -> new RMSprop(p, RMSprop.options().withLr(1e-3));
        Function<List<Tensor>, Optimizer<?>> adam = p -> new Adam(p, 1e-3);
        Function<List<Tensor>, Optimizer<?>> adamw = p -> new AdamW(p, AdamW.options().withLr(1e-3));
        Function<List<Tensor>, Optimizer<?>> adamax = p -> new Adamax(p, Adamax.options().withLr(2e-3));
        Function<List<Tensor>, Optimizer<?>> nadam = p -> new NAdam(p, NAdam.options().withLr(2e-3));
        Function<List<Tensor>, Optimizer<?>> radam = p -> new RAdam(p, RAdam.options().withLr(1e-3));
        Function<List<Tensor>, Optimizer<?>> adadelta = p -> new Adadelta(p, Adadelta.options().withLr(1.0));
        return Stream.of(
                Arguments.of("SGD", sgd), Arguments.of("SGD+momentum", momentum), Arguments.of("Nesterov", nesterov),
                Arguments.of("Adagrad", adagrad), Arguments.of("RMSprop", rmsprop), Arguments.of("Adam", adam),
                Arguments.of("AdamW", adamw), Arguments.of("Adamax", adamax), Arguments.of("NAdam", nadam),
                Arguments.of("RAdam", radam), Arguments.of("Adadelta", adadelta));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void anMlpLearnsFashionMnistWithEachOptimizer(String name, Function<List<Tensor>, Optimizer<?>> make) {
        Tensor.manualSeed(5);
        Layer model = mlp();
        Optimizer<?> opt = make.apply(model.parameters());
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        float before = trainLoss(model, criterion);
        DataLoader<Sample, Batch> loader = loader();
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (Batch batch : loader) {
                opt.zeroGrad();
                criterion.forward(model.forward(batch.inputs()), batch.targets()).backward();
                opt.step();
            }
        }
        float after = trainLoss(model, criterion), accuracy = testAccuracy(model);
        System.out.printf("%s: train loss %.4f -> %.4f, test accuracy %.4f%n", name, before, after, accuracy);
        assertTrue(after < 0.4f * before, name + ": train loss " + before + " -> " + after);
        assertTrue(accuracy > 0.70f, name + ": test accuracy " + accuracy);
    }

    @Test
    void anMlpLearnsFashionMnistWithFullBatchLbfgs() {
        String name = "LBFGS";
        Tensor.manualSeed(5);
        Layer model = mlp();
        LBFGS opt = new LBFGS(model.parameters(), LBFGS.options().withMaxIter(20)
                .withLineSearch(LBFGS.LineSearch.STRONG_WOLFE));
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        Tensor images = TRAIN.images().narrow(0, 0, 600), labels = TRAIN.labels().narrow(0, 0, 600);
        float before = loss(model, criterion, images, labels);
        for (int step = 0; step < LBFGS_STEPS; step++) {
            opt.step(() -> {
                opt.zeroGrad();
                Tensor loss = criterion.forward(model.forward(images), labels);
                loss.backward();
                return loss;
            });
        }
        float after = loss(model, criterion, images, labels), accuracy = testAccuracy(model);
        System.out.printf("%s: train loss %.4f -> %.4f, test accuracy %.4f%n", name, before, after, accuracy);
        assertTrue(after < 0.6f * before, name + ": train loss " + before + " -> " + after);
        assertTrue(accuracy > 0.65f, name + ": test accuracy " + accuracy);
    }

    static final int LBFGS_STEPS = 3;
}
