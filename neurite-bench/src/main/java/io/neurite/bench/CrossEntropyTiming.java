package io.neurite.bench;

import io.neurite.kernels.Parallel;
import io.neurite.nn.F;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import java.util.Arrays;

/**
 * A quick timing of cross-entropy forward + backward on the logits, to compare with PyTorch's
 * {@code scripts/bench/cross_entropy_torch.py} (same shapes, same thread counts, same method: the
 * median of 15 rounds, each the mean over a fixed number of steps, after a warm-up).
 *
 * <p>Run: {@code (mvn -B -q -ntp -DskipTests package -pl neurite-bench -am) && java --add-modules
 * jdk.incubator.vector -cp "neurite-bench/target/neurite-bench-0.1.0-SNAPSHOT.jar:neurite-bench/target/lib/*"
 * io.neurite.bench.CrossEntropyTiming}
 */
public final class CrossEntropyTiming {

    private static final int[][] SHAPES = {{256, 10}, {64, 1000}};
    private static final int ROUNDS = 15;

    private CrossEntropyTiming() {}

    public static void main(String[] args) {
        for (int threads : new int[] {1, Parallel.threads()}) {
            for (int[] shape : SHAPES) {
                double[] micros = new double[1];
                Parallel.withThreads(threads, () -> micros[0] = time(shape[0], shape[1]));
                System.out.printf("neurite cross-entropy fwd+bwd [%d, %d] threads=%d: %.2f us%n",
                        shape[0], shape[1], threads, micros[0]);
            }
        }
    }

    /** Median microseconds per forward + backward. */
    private static double time(int n, int c) {
        Generator g = new Generator(1);
        Tensor logits = Tensor.randn(g, n, c).requiresGrad(true);
        Tensor labels = Tensor.randint(g, 0, c, n);
        int steps = Math.max(50, 2_000_000 / (n * c));
        for (int i = 0; i < 20 * steps; i++) step(logits, labels);
        double[] rounds = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) step(logits, labels);
            rounds[r] = (System.nanoTime() - start) / 1e3 / steps;
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }

    private static void step(Tensor logits, Tensor labels) {
        logits.setGrad(null);
        F.crossEntropy(logits, labels).backward();
    }
}
