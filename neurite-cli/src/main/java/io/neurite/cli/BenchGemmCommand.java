package io.neurite.cli;

import io.neurite.kernels.Gemm;
import io.neurite.kernels.Parallel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code neurite bench gemm}: single-precision matrix multiply throughput, {@code C = A * B} for
 * square {@code n x n} matrices, on one thread and on every thread of {@link Parallel}.
 *
 * <p>The one-thread rows run in the same JVM under {@link Parallel#withThreads}, so both rows
 * measure the same JIT-compiled code. Each row reports the best and the median of repeated timed
 * runs, after a warm-up; {@code scripts/bench_gemm_torch.py} prints the same table for PyTorch.
 */
@Command(name = "gemm", mixinStandardHelpOptions = true,
        description = "GFLOP/s of sgemm (C = A*B, square n x n) on 1 thread and on all threads.")
public final class BenchGemmCommand implements Callable<Integer> {

    /** A timed run lasts at least this long, so that the clock's resolution does not matter. */
    private static final long MIN_RUN_NANOS = 20_000_000L;
    /** The largest n whose n x n matrix fits in a Java array. */
    private static final int MAX_SIZE = 46_340;

    @Spec
    private CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N[,N...]",
            description = "Matrix sizes n (default: ${DEFAULT-VALUE}).")
    private int[] sizes = {128, 256, 512, 1024, 2048};

    @Option(names = "--warmup", paramLabel = "SECONDS",
            description = "Warm-up time per size and thread count (default: ${DEFAULT-VALUE}).")
    private double warmup = 1.0;

    @Option(names = "--seconds", paramLabel = "SECONDS",
            description = "Measured time per size and thread count (default: ${DEFAULT-VALUE}).")
    private double seconds = 2.0;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (int n : sizes) {
            if (n < 1 || n > MAX_SIZE) {
                throw new ParameterException(spec.commandLine(), "bench gemm: expected sizes in "
                        + "[1, " + MAX_SIZE + "], got --sizes containing " + n);
            }
        }
        int all = Parallel.threads();
        int[] threadCounts = all > 1 ? new int[] {1, all} : new int[] {1};
        out.printf("sgemm C = A*B, float32, square n x n; %s kernel, %d threads available%n",
                Gemm.vectorized() ? "Vector API" : "scalar", all);
        out.printf("%6s %8s %14s %14s%n", "n", "threads", "best GFLOP/s", "median GFLOP/s");
        for (int n : sizes) {
            float[] a = random(n * n, 1), b = random(n * n, 2), c = new float[n * n];
            for (int t : threadCounts) {
                List<Double> runs = new ArrayList<>();
                Parallel.withThreads(t, () -> {
                    timedRuns(n, a, b, c, warmup);
                    runs.addAll(timedRuns(n, a, b, c, seconds));
                });
                double[] sorted = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                out.printf("%6d %8d %14.1f %14.1f%n", n, t, sorted[sorted.length - 1],
                        sorted[sorted.length / 2]);
                out.flush();
            }
        }
        return 0;
    }

    /** Runs for about {@code budget} seconds (at least one run); returns each run's GFLOP/s. */
    private static List<Double> timedRuns(int n, float[] a, float[] b, float[] c, double budget) {
        List<Double> rates = new ArrayList<>();
        long end = System.nanoTime() + (long) (budget * 1e9);
        int reps = 1;
        do {
            long start = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                Gemm.sgemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
            }
            long elapsed = System.nanoTime() - start;
            if (elapsed < MIN_RUN_NANOS) {
                reps *= 2;
                continue;
            }
            rates.add(2.0 * n * n * n * reps / elapsed);
        } while (System.nanoTime() < end || rates.isEmpty());
        return rates;
    }

    private static float[] random(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (random.nextDouble() * 2 - 1);
        return x;
    }
}
