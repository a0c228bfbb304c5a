package io.neurite.cli.bench;

import io.neurite.kernels.Parallel;
import io.neurite.models.ModelZoo;
import io.neurite.nn.F;
import io.neurite.nn.Layer;
import io.neurite.optim.Adam;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Training throughput of a zoo model: Adam (PyTorch's defaults) and cross-entropy on synthetic
 * Fashion-MNIST-shaped batches ({@code [N, 1, 28, 28]} uniform in [0, 1), 10 classes), generated
 * once from a seed, cycled step after step.
 *
 * <p>A step is {@code zeroGrad; loss = crossEntropy(model(x), y); loss.backward(); step}. After a
 * warm-up (JIT compilation, buffer growth), {@code windows} timed windows each run a fixed number
 * of steps or for a fixed time; the result keeps every window's samples/s, and the median is the
 * number to quote. {@code scripts/bench_train_torch.py} measures the same loop in PyTorch.
 *
 * <pre>{@code
 * var r = TrainThroughput.measure(new TrainThroughput.Settings("mlp", 64, 1, 1.0, 2.0, 0, 5, 1L));
 * System.out.println(r.median() + " samples/s");
 * }</pre>
 */
public final class TrainThroughput {

    /** Distinct synthetic batches cycled through. */
    static final int DATA_BATCHES = 4;
    static final int CLASSES = 10;

    /**
     * What to measure: zoo model name, batch size, thread count, warm-up seconds (at least one step),
     * and per timed window either {@code steps > 0} steps or else {@code seconds / windows} seconds.
     */
    public record Settings(String model, int batch, int threads, double warmupSeconds, double seconds, int steps,
                           int windows, long seed) {
        public Settings {
            ModelZoo.entry(model);
            if (!ModelZoo.entry(model).inputShape().equals(io.neurite.tensor.Shape.of(1, 1, 28, 28))) {
                throw new IllegalArgumentException("bench train: model '" + model + "' does not take 28x28 images"
                        + " (input " + ModelZoo.entry(model).inputShape() + "); hint: use mlp, lenet5 or simplecnn");
            }
            require(batch >= 1, "batch", batch, ">= 1");
            require(threads >= 1, "threads", threads, ">= 1");
            require(windows >= 1, "windows", windows, ">= 1");
            require(steps >= 0, "steps", steps, ">= 0");
            if (!(warmupSeconds >= 0) || !(seconds >= 0) || (steps == 0 && !(seconds > 0))) {
                throw new IllegalArgumentException("bench train: expected warm-up >= 0 and, without --steps, seconds"
                        + " > 0, got warmup=" + warmupSeconds + ", seconds=" + seconds);
            }
        }

        private static void require(boolean ok, String name, long value, String expected) {
            if (!ok) {
                throw new IllegalArgumentException("bench train: expected " + name + " " + expected + ", got "
                        + name + "=" + value);
            }
        }
    }

    /** Samples/s of each timed window, steps timed, the final loss and the process's peak RSS in KiB. */
    public record Result(Settings settings, double[] windowRates, long timedSteps, float lastLoss, long peakRssKib) {

        /** The median samples/s over the windows. */
        public double median() {
            double[] sorted = windowRates.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        /** The best window's samples/s. */
        public double best() {
            return Arrays.stream(windowRates).max().orElse(0);
        }
    }

    private TrainThroughput() {}

    /** Builds the model and data from the seed, warms up, and times the windows on {@code threads} threads. */
    public static Result measure(Settings s) {
        Result[] out = new Result[1];
        Parallel.withThreads(s.threads(), () -> out[0] = run(s));
        return out[0];
    }

    private static Result run(Settings s) {
        Tensor.manualSeed(s.seed());
        Layer model = ModelZoo.create(s.model());
        model.train();
        Adam optimizer = new Adam(model.parameters());
        Generator data = new Generator(s.seed() + 1);
        Tensor[] xs = new Tensor[DATA_BATCHES], ys = new Tensor[DATA_BATCHES];
        for (int i = 0; i < DATA_BATCHES; i++) {
            xs[i] = Tensor.rand(data, s.batch(), 1, 28, 28);
            ys[i] = Tensor.randint(data, 0, CLASSES, s.batch());
        }
        long step = 0;
        float loss = Float.NaN;
        long warmEnd = System.nanoTime() + (long) (s.warmupSeconds() * 1e9);
        do {
            loss = step(model, optimizer, xs[(int) (step % DATA_BATCHES)], ys[(int) (step++ % DATA_BATCHES)]);
        } while (System.nanoTime() < warmEnd);
        double[] rates = new double[s.windows()];
        long timed = 0;
        long windowNanos = (long) (s.seconds() / s.windows() * 1e9);
        for (int w = 0; w < s.windows(); w++) {
            long start = System.nanoTime(), now;
            int steps = 0;
            do {
                loss = step(model, optimizer, xs[(int) (step % DATA_BATCHES)], ys[(int) (step++ % DATA_BATCHES)]);
                steps++;
                now = System.nanoTime();
            } while (s.steps() > 0 ? steps < s.steps() : now - start < windowNanos);
            rates[w] = (double) steps * s.batch() * 1e9 / Math.max(1, now - start);
            timed += steps;
        }
        return new Result(s, rates, timed, loss, peakRssKib());
    }

    /** One training step; returns the loss. */
    private static float step(Layer model, Adam optimizer, Tensor x, Tensor y) {
        optimizer.zeroGrad();
        Tensor loss = F.crossEntropy(model.forward(x), y);
        loss.backward();
        optimizer.step();
        return loss.item();
    }

    /** The process's peak resident set size (VmHWM of /proc/self/status) in KiB, or -1 where unavailable. */
    public static long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            return -1;
        }
        return -1;
    }
}
