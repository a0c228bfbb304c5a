package io.neurite.bench;

import io.neurite.data.Batch;
import io.neurite.data.DataLoader;
import io.neurite.data.Dataset;
import io.neurite.data.Sample;
import io.neurite.data.datasets.FashionMNIST;
import io.neurite.data.datasets.LabeledImages;
import io.neurite.data.transforms.Compose;
import io.neurite.data.transforms.RandomCrop;
import io.neurite.data.transforms.RandomHorizontalFlip;
import io.neurite.data.transforms.RandomRotation;
import io.neurite.data.transforms.Transform;
import io.neurite.nn.Conv2d;
import io.neurite.nn.Flatten;
import io.neurite.nn.Layer;
import io.neurite.nn.Linear;
import io.neurite.nn.MaxPool2d;
import io.neurite.nn.ReLU;
import io.neurite.nn.Sequential;
import io.neurite.nn.loss.CrossEntropyLoss;
import io.neurite.optim.Adam;
import io.neurite.tensor.Tensor;

/**
 * Samples/s of the Fashion-MNIST loader (batch 64, shuffled, two workers) without and with
 * augmentation (random crop with padding 4, horizontal flip, rotation up to 10 degrees), next to the
 * training throughput of LeNet-5 (Adam, cross-entropy, batch 64) on the same machine, to show whether
 * the loader can keep the training step fed.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp "neurite-bench/target/neurite-bench-0.1.0-SNAPSHOT.jar:neurite-bench/target/lib/*" io.neurite.bench.LoaderThroughput}
 * (needs Debian's {@code dataset-fashion-mnist} or the files in the cache folder).
 */
public final class LoaderThroughput {

    private LoaderThroughput() {}

    public static void main(String[] args) throws Exception {
        LabeledImages train = FashionMNIST.train();
        Transform augment = new Compose(new RandomCrop(28, 4), new RandomHorizontalFlip(0.5), new RandomRotation(10));
        Dataset<Sample> augmented = train.mapRandom((s, g) -> new Sample(augment.apply(s.input(), g), s.target()));
        System.out.printf("Fashion-MNIST training set: %d images, batch 64, shuffled, 2 workers%n", train.size());
        System.out.printf("loader, no augmentation:   %,10.0f samples/s%n", loaderRate(train));
        System.out.printf("loader, with augmentation: %,10.0f samples/s%n", loaderRate(augmented));
        System.out.printf("LeNet-5 training step:     %,10.0f samples/s (Adam, cross-entropy)%n", lenetRate(train));
    }

    private static double loaderRate(Dataset<Sample> dataset) {
        DataLoader<Sample, Batch> loader = DataLoader.builder(dataset).batchSize(64).shuffle(true).seed(1)
                .numWorkers(2).build();
        double best = 0;
        for (int epoch = 0; epoch < 3; epoch++) {
            loader.setEpoch(epoch);
            long start = System.nanoTime();
            long samples = 0;
            for (Batch b : loader) samples += b.size();
            best = Math.max(best, samples / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }

    /** LeNet-5 as in the notes' exercise: conv-pool-conv-pool-fc-fc-fc, with ReLU. */
    static Layer lenet5() {
        return new Sequential(
                Conv2d.builder(1, 6, 5).padding(2).build(), new ReLU(), new MaxPool2d(2),
                new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(16 * 5 * 5, 120), new ReLU(), new Linear(120, 84), new ReLU(), new Linear(84, 10));
    }

    private static double lenetRate(LabeledImages train) {
        Layer model = lenet5();
        Adam adam = new Adam(model.parameters(), 1e-3);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        Tensor x = train.images().narrow(0, 0, 64).contiguous(), y = train.labels().narrow(0, 0, 64).contiguous();
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            int steps = 100;
            for (int i = 0; i < steps; i++) {
                adam.zeroGrad();
                criterion.forward(model.forward(x), y).backward();
                adam.step();
            }
            best = Math.max(best, steps * 64 / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }
}
