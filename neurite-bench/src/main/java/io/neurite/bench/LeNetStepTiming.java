package io.neurite.bench;

import io.neurite.kernels.Parallel;
import io.neurite.nn.Conv2d;
import io.neurite.nn.F;
import io.neurite.nn.Flatten;
import io.neurite.nn.Linear;
import io.neurite.nn.MaxPool2d;
import io.neurite.nn.ReLU;
import io.neurite.nn.Sequential;
import io.neurite.nn.functional.ConvOptions;
import io.neurite.optim.Adam;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A LeNet-5 training step at batch 64 (Adam, cross-entropy) timed whole and piece by piece, with 1 and
 * 2 threads (and the 1-thread CPU time, steadier on a shared machine), to compare with {@code scripts/bench/lenet_step_torch.py} (same shapes, same method: the
 * best of 30 rounds of about 10 ms each after a warm-up; the machine is shared and the best round is the
 * least disturbed). A backward piece is
 * the forward+backward time minus the forward time; "dx" is the extra time of also computing the input
 * gradient.
 *
 * <p>Run: {@code (mvn -B -q -ntp -DskipTests package -pl neurite-bench -am) && java --add-modules
 * jdk.incubator.vector -cp "neurite-bench/target/neurite-bench-0.1.0-SNAPSHOT.jar:neurite-bench/target/lib/*"
 * io.neurite.bench.LeNetStepTiming}
 */
public final class LeNetStepTiming {

    private static final int BATCH = 64;
    private static final int ROUNDS = 30;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Whether {@link #time} reads the calling thread's CPU time instead of the wall clock. */
    private static boolean cpuClock;

    private LeNetStepTiming() {}

    public static void main(String[] args) {
        Map<String, double[]> table = new LinkedHashMap<>();
        String[] columns = {"1 thread CPU", "1 thread", "2 threads"};
        int[] threadCounts = {1, 1, 2};
        measure();   // a discarded pass: every piece JIT-compiled before any is timed
        for (int t : new int[] {1, 2, 0}) {
            if (threadCounts[t] > Parallel.threads()) continue;
            int index = t;
            cpuClock = t == 0;
            Parallel.withThreads(threadCounts[t], () -> {
                for (Map.Entry<String, Double> e : measure().entrySet()) {
                    table.computeIfAbsent(e.getKey(), k -> new double[columns.length])[index] = e.getValue();
                }
            });
        }
        System.out.printf("%-24s %14s %14s %14s%n", "piece (us per call)", columns[0], columns[1], columns[2]);
        for (Map.Entry<String, double[]> e : table.entrySet()) {
            double[] v = e.getValue();
            System.out.printf("%-24s %14.1f %14.1f %14.1f%n", e.getKey(), v[0], v[1], v[2]);
        }
        double[] step = table.get("full step");
        System.out.printf("samples/s: 1 thread %.0f (CPU time %.0f), 2 threads %.0f, 2 vs 1 thread %.2fx%n",
                BATCH * 1e6 / step[1], BATCH * 1e6 / step[0], BATCH * 1e6 / step[2], step[1] / step[2]);
    }

    /** Microseconds per call of each piece, with the thread count in effect. */
    private static Map<String, Double> measure() {
        Generator g = new Generator(1);
        Map<String, Double> r = new LinkedHashMap<>();
        Tensor x = Tensor.randn(g, BATCH, 1, 28, 28);
        Tensor w1 = Tensor.randn(g, 6, 1, 5, 5).mul(0.2f).requiresGrad(true);
        Tensor b1 = Tensor.randn(g, 6).requiresGrad(true);
        Tensor gy1 = Tensor.randn(g, BATCH, 6, 28, 28);
        ConvOptions pad2 = new ConvOptions().padding(2);
        convPieces(r, "c1", x, w1, b1, gy1, pad2, false);

        Tensor a1 = Tensor.randn(g, BATCH, 6, 28, 28);
        activationPieces(r, "1", a1, g);

        Tensor x3 = Tensor.randn(g, BATCH, 6, 14, 14);
        Tensor w3 = Tensor.randn(g, 16, 6, 5, 5).mul(0.1f).requiresGrad(true);
        Tensor b3 = Tensor.randn(g, 16).requiresGrad(true);
        Tensor gy3 = Tensor.randn(g, BATCH, 16, 10, 10);
        convPieces(r, "c3", x3, w3, b3, gy3, new ConvOptions(), true);

        Tensor a3 = Tensor.randn(g, BATCH, 16, 10, 10);
        activationPieces(r, "2", a3, g);

        Sequential classifier = new Sequential(new Flatten(), new Linear(400, 120), new ReLU(), new Linear(120, 84),
                new ReLU(), new Linear(84, 10));
        Tensor features = Tensor.randn(g, BATCH, 16, 5, 5).requiresGrad(true);
        Tensor labels = Tensor.randint(g, 0, 10, BATCH);
        r.put("fc stack fwd", time(() -> noGrad(() -> classifier.forward(features))));
        r.put("fc stack fwd+bwd+loss", time(() -> {
            features.setGrad(null);
            classifier.zeroGrad();
            F.crossEntropy(classifier.forward(features), labels).backward();
        }));

        Sequential model = lenet();
        Adam adam = new Adam(model.parameters(), 1e-3);
        Tensor images = Tensor.randn(g, BATCH, 1, 28, 28);
        oneStep(model, adam, images, labels);
        r.put("adam step", time(adam::step));
        r.put("full step", time(() -> oneStep(model, adam, images, labels)));
        return r;
    }

    /** Forward, and backward with (dW, db) and, when {@code inputGrad}, dx. */
    private static void convPieces(Map<String, Double> r, String name, Tensor x, Tensor w, Tensor b, Tensor gy,
                                   ConvOptions o, boolean inputGrad) {
        double fwd = time(() -> noGrad(() -> F.conv2d(x, w, b, o)));
        double weights = time(() -> {
            w.setGrad(null);
            b.setGrad(null);
            F.conv2d(x, w, b, o).backward(gy);
        });
        r.put(name + " fwd", fwd);
        r.put(name + " bwd dW+db", weights - fwd);
        if (inputGrad) {
            Tensor xg = x.detach().requiresGrad(true);
            double all = time(() -> {
                w.setGrad(null);
                b.setGrad(null);
                xg.setGrad(null);
                F.conv2d(xg, w, b, o).backward(gy);
            });
            r.put(name + " bwd dx", all - weights);
        }
    }

    /** ReLU then 2x2 max pooling on {@code a}: forward and backward of each. */
    private static void activationPieces(Map<String, Double> r, String n, Tensor a, Generator g) {
        Tensor ag = a.detach().requiresGrad(true);
        Tensor pooled = noGrad(() -> F.maxPool2d(a, 2));
        Tensor gyPool = Tensor.randn(g, pooled.shape().dims()), gyRelu = Tensor.randn(g, a.shape().dims());
        double reluFwd = time(() -> noGrad(() -> F.relu(a)));
        double reluAll = time(() -> {
            ag.setGrad(null);
            F.relu(ag).backward(gyRelu);
        });
        double poolFwd = time(() -> noGrad(() -> F.maxPool2d(a, 2)));
        double poolAll = time(() -> {
            ag.setGrad(null);
            F.maxPool2d(ag, 2).backward(gyPool);
        });
        r.put("relu" + n + " fwd", reluFwd);
        r.put("relu" + n + " bwd", reluAll - reluFwd);
        r.put("pool" + n + " fwd", poolFwd);
        r.put("pool" + n + " bwd", poolAll - poolFwd);
    }

    static Sequential lenet() {
        return new Sequential(
                Conv2d.builder(1, 6, 5).padding(2).build(), new ReLU(), new MaxPool2d(2),
                new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(400, 120), new ReLU(), new Linear(120, 84), new ReLU(), new Linear(84, 10));
    }

    private static void oneStep(Sequential model, Adam adam, Tensor images, Tensor labels) {
        adam.zeroGrad();
        F.crossEntropy(model.forward(images), labels).backward();
        adam.step();
    }

    private static long now() {
        return cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static Tensor noGrad(java.util.function.Supplier<Tensor> body) {
        try (var scope = Autograd.noGrad()) {
            return body.get();
        }
    }

    /**
     * Microseconds per call of {@code body} in the best of 30 rounds of about 10 ms each: wall-clock time,
     * or with {@link #cpuClock} the calling thread's CPU time (robust on a busy machine, exact for 1 thread;
     * GC threads not included).
     */
    private static double time(Runnable body) {
        long start = System.nanoTime();
        int calls = 0;
        while (System.nanoTime() - start < 300_000_000L || calls < 20) {
            body.run();
            calls++;
        }
        int perRound = Math.max(1, (int) (calls * 10_000_000L / (System.nanoTime() - start)));
        double[] rounds = new double[ROUNDS];
        for (int k = 0; k < ROUNDS; k++) {
            long t0 = now();
            for (int i = 0; i < perRound; i++) body.run();
            rounds[k] = (now() - t0) / 1e3 / perRound;
        }
        Arrays.sort(rounds);
        return rounds[0];
    }
}
