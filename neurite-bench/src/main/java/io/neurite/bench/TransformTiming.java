package io.neurite.bench;

import io.neurite.data.transforms.Compose;
import io.neurite.data.transforms.RandomCrop;
import io.neurite.data.transforms.RandomHorizontalFlip;
import io.neurite.data.transforms.RandomRotation;
import io.neurite.data.transforms.Transform;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import java.util.Arrays;

/**
 * Samples per second of the usual MNIST-sized augmentation, {@code RandomCrop(28, padding=4) +
 * RandomHorizontalFlip + RandomRotation(10)} on 1 x 28 x 28 images, on the calling thread only (the
 * transforms do not use the shared pool): the median of 15 rounds after a warm-up.
 *
 * <p>Run: {@code (mvn -B -q -ntp -DskipTests package -pl neurite-bench -am) && java -cp
 * "neurite-bench/target/neurite-bench-0.1.0-SNAPSHOT.jar:neurite-bench/target/lib/*"
 * io.neurite.bench.TransformTiming}
 */
public final class TransformTiming {

    private static final int ROUNDS = 15;
    private static final int SAMPLES = 20_000;

    private TransformTiming() {}

    public static void main(String[] args) {
        Transform t = new Compose(new RandomCrop(28, 4), new RandomHorizontalFlip(), new RandomRotation(10));
        Generator g = new Generator(1);
        Tensor[] images = new Tensor[256];
        for (int i = 0; i < images.length; i++) images[i] = Tensor.rand(g, 1, 28, 28);
        double sink = 0;
        for (int i = 0; i < 5 * SAMPLES; i++) sink += t.apply(images[i & 255], g).contiguousData()[0];
        double[] rates = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < SAMPLES; i++) sink += t.apply(images[i & 255], g).contiguousData()[0];
            rates[r] = SAMPLES / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf("neurite RandomCrop(28, 4) + RandomHorizontalFlip + RandomRotation(10), 1x28x28, one thread:"
                + " %.0f samples/s (median of %d rounds, min %.0f, max %.0f) [%s]%n",
                rates[ROUNDS / 2], ROUNDS, rates[0], rates[ROUNDS - 1], sink > 0 ? "ok" : "-");
    }
}
