package io.neurite.models.examples;

import io.neurite.data.DataLoader;
import io.neurite.data.datasets.EmbeddedFashionMNIST;
import io.neurite.data.datasets.FashionMNIST;
import io.neurite.data.datasets.LabeledImages;
import io.neurite.models.LeNet5;
import io.neurite.nn.loss.CrossEntropyLoss;
import io.neurite.optim.Adam;
import io.neurite.tensor.Tensor;
import io.neurite.train.History;
import io.neurite.train.Trainer;
import io.neurite.train.metrics.Accuracy;
import io.neurite.train.metrics.MetricCollection;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The notes' exercise "Handwritten Digit Detection continued" (seeds/004): implement LeNet-5 from scratch,
 * train it with a data loader and evaluate on test data; here on Fashion-MNIST, the harder drop-in for MNIST.
 * With the full dataset installed (found locally, never downloaded here) it trains {@value #FULL_EPOCHS}
 * epoch on the 60000 training images and tests on the 10000 test images; otherwise, or when asked, it uses
 * the embedded subset (1800 / 400 images) for {@value #EMBEDDED_EPOCHS} epochs. Inputs standardized with the
 * training set's mean and deviation; Adam (lr 2e-3), cross-entropy, batch 32, no augmentation.
 */
public final class LeNet5Example implements WorkedExample<LeNet5Example.Values> {

    static final int FULL_EPOCHS = 1, EMBEDDED_EPOCHS = 3, BATCH = 32;
    static final double LR = 2e-3;
    /** The full training set's pixel mean and standard deviation: inputs are standardized with them. */
    static final float MEAN = 0.2860f, STD = 0.3530f;
    /**
     * Test accuracy bounds: 85% after one epoch on the full data (the CI bound; seed 5 reaches 86.5%,
     * LeNet5FullFashionMnistTest measured 86.9-87.6% for seeds 1-3); 70% after three epochs on the embedded
     * subset (seeds 1-6: 74.75-77.75%).
     */
    static final double FULL_BOUND = 0.85, EMBEDDED_BOUND = 0.70;
    static final long SEED = 5;

    private final boolean embeddedOnly;

    /** Uses the full dataset when it is installed. */
    public LeNet5Example() {
        this(false);
    }

    /** {@code embeddedOnly}: use the embedded subset even when the full dataset is installed (fast). */
    public LeNet5Example(boolean embeddedOnly) {
        this.embeddedOnly = embeddedOnly;
    }

    /** Which data was used, the per-epoch logs, and the final test accuracy. */
    public record Values(boolean fullData, String data, History history, double testAccuracy) {}

    @Override
    public String name() {
        return "lenet5";
    }

    @Override
    public String title() {
        return "LeNet-5 from scratch on Fashion-MNIST (the notes' handwritten-digit exercise, harder data)";
    }

    @Override
    public String source() {
        return "seeds/004, \"Exercise: Handwritten Digit Detection\" (and \"... continued\")";
    }

    /** Trains and tests as described above. */
    public Values train(PrintStream out) {
        LabeledImages train = null, test = null;
        String why = "the embedded subset was asked for";
        if (!embeddedOnly) {
            try {
                var locator = FashionMNIST.locator().withDownload(false);
                train = locator.train();
                test = locator.test();
            } catch (IOException e) {
                why = "the full dataset was not found: " + e.getMessage();
            }
        }
        boolean full = train != null;
        if (!full) {
            out.println("  using the embedded subset (" + why + ")");
            train = EmbeddedFashionMNIST.train();
            test = EmbeddedFashionMNIST.test();
        }
        train = standardized(train);
        test = standardized(test);
        String data = (full ? "full Fashion-MNIST" : "embedded Fashion-MNIST subset") + ", " + train.size()
                + " training / " + test.size() + " test images";
        out.println("  " + data);
        Tensor.manualSeed(SEED);
        LeNet5 net = new LeNet5();
        Trainer trainer = Trainer.builder(net, new CrossEntropyLoss(), new Adam(net.parameters(), LR))
                .trainLoader(DataLoader.builder(train).batchSize(BATCH).shuffle(true).seed(SEED).build())
                .validationLoader(DataLoader.builder(test).batchSize(1000).build())
                .metrics(() -> MetricCollection.of(new Accuracy()))
                .build();
        History history = trainer.fit(full ? FULL_EPOCHS : EMBEDDED_EPOCHS);
        for (int e = 0; e < history.size(); e++) {
            Map<String, Double> log = history.epochs().get(e);
            out.printf(Locale.ROOT,
                    "  epoch %d: loss %.4f, train accuracy %.4f, test accuracy %.4f, %.1f s (%,.0f samples/s)%n",
                    e + 1, log.get("loss"), log.get("accuracy"), log.get("val_accuracy"), log.get("epoch_time"),
                    log.get("samples_per_sec"));
        }
        return new Values(full, data, history, history.last().get("val_accuracy"));
    }

    /** (x - mean) / std, the usual input normalization. */
    private static LabeledImages standardized(LabeledImages images) {
        return new LabeledImages(images.images().sub(MEAN).div(STD), images.labels(), images.classes());
    }

    @Override
    public Report<Values> run(PrintStream out) {
        Values v = train(out);
        double bound = v.fullData() ? FULL_BOUND : EMBEDDED_BOUND;
        String notes = "train LeNet-5, evaluate on test data (the notes give no accuracy); expected: >= "
                + Math.round(bound * 100) + (v.fullData() ? "% (the issue's bound for one epoch)"
                : "% after " + EMBEDDED_EPOCHS + " epochs on the embedded subset");
        StringBuilder got = new StringBuilder();
        List<Double> perEpoch = v.history().get("val_accuracy");
        for (int e = 0; e < perEpoch.size(); e++) {
            got.append(String.format(Locale.ROOT, "%.2f%% after epoch %d, ", 100 * perEpoch.get(e), e + 1));
        }
        got.append("on the ").append(v.data());
        return new Report<>(name(), v, List.of(new Check("test accuracy", notes, got.toString(),
                v.testAccuracy() >= bound)));
    }
}
