package io.neurite.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The one shared thread pool every kernel splits its work over.
 *
 * <p>Its size comes from the system property {@code neurite.threads}, else the environment variable
 * {@code NEURITE_THREADS}, else the number of cores. Work is split into contiguous, deterministic
 * ranges that depend only on the problem size and the thread count, so the same inputs and thread
 * count give the same result, run after run.
 */
public final class Parallel {

    /** A body run over the half-open index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    private static final int THREADS = configuredThreads();
    private static final ForkJoinPool POOL = THREADS > 1 ? new ForkJoinPool(THREADS - 1) : null;
    /** The limit set by {@link #withThreads} on the calling thread, null when none. */
    private static final ThreadLocal<Integer> LIMIT = new ThreadLocal<>();

    private Parallel() {}

    /** The number of threads kernels called from this thread use (see {@link #withThreads}). */
    public static int threads() {
        Integer limit = LIMIT.get();
        return limit == null ? THREADS : Math.min(THREADS, limit);
    }

    /**
     * Runs {@code body} with kernels called from this thread using at most {@code threads} threads,
     * like {@code torch.set_num_threads} for one scope (benchmarks, or leaving cores to a data
     * loader). Splits still depend only on the problem size and the thread count in effect, so the
     * determinism contract holds for that count.
     */
    public static void withThreads(int threads, Runnable body) {
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "Parallel.withThreads: expected threads >= 1, got threads=" + threads);
        }
        Integer previous = LIMIT.get();
        LIMIT.set(threads);
        try {
            body.run();
        } finally {
            if (previous == null) LIMIT.remove(); else LIMIT.set(previous);
        }
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into at most {@link #threads()} chunks of at least
     * {@code grain} indices each; runs inline when the work is too small to split or when already on
     * a pool thread (no nested oversubscription).
     */
    public static void forRange(int n, int grain, RangeBody body) {
        int chunks = chunks(n, grain);
        if (chunks <= 1 || POOL == null || ForkJoinTask.inForkJoinPool()) {
            if (n > 0) body.run(0, n);
            return;
        }
        // The caller runs the first chunk itself: the pool holds THREADS - 1 workers for the rest.
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[chunks - 1];
        for (int c = 1; c < chunks; c++) {
            int from = bound(n, chunks, c), to = bound(n, chunks, c + 1);
            tasks[c - 1] = POOL.submit(() -> body.run(from, to));
        }
        try {
            body.run(0, bound(n, chunks, 1));
        } finally {
            RuntimeException first = null;
            for (ForkJoinTask<?> task : tasks) {
                try {
                    task.join();
                } catch (RuntimeException e) {
                    if (first == null) first = e;
                }
            }
            if (first != null) throw first;
        }
    }

    /** How many chunks {@link #forRange} uses for {@code n} indices with the given grain. */
    public static int chunks(int n, int grain) {
        if (n <= 0) return 0;
        long byGrain = Math.max(1, n / (long) Math.max(1, grain));
        return (int) Math.min(threads(), byGrain);
    }

    private static int bound(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    private static int configuredThreads() {
        String value = System.getProperty("neurite.threads");
        String source = "-Dneurite.threads";
        if (value == null || value.isBlank()) {
            value = System.getenv("NEURITE_THREADS");
            source = "NEURITE_THREADS";
        }
        if (value == null || value.isBlank()) return Runtime.getRuntime().availableProcessors();
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(
                "Parallel: " + source + " must be a positive integer, got '" + value + "'");
    }
}
