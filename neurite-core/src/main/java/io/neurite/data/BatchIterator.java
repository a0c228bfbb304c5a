package io.neurite.data;

import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The batches of one epoch of a {@link DataLoader}, in order. With workers, up to {@code prefetch}
 * batches are loaded ahead on daemon threads; {@link #close()} (or the end of the epoch, or a failure)
 * stops them. One thread iterates it. Use try-with-resources to leave an epoch early:
 *
 * <pre>{@code
 * try (BatchIterator<Batch> it = loader.iterator()) {
 *     while (it.hasNext() && !done) step(it.next());
 * }
 * }</pre>
 */
public final class BatchIterator<B> implements Iterator<B>, AutoCloseable {

    /** Loads batch {@code k} made of the dataset {@code indices}. */
    @FunctionalInterface
    interface BatchLoader<B> {
        B load(int k, int[] indices);
    }

    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final List<int[]> batches;
    private final BatchLoader<B> loader;
    private final int prefetch;
    private final ThreadPoolExecutor workers;
    private final Cleaner.Cleanable cleanable;
    private final ArrayDeque<Future<B>> pending = new ArrayDeque<>();
    private int submitted;
    private int delivered;
    private boolean closed;

    BatchIterator(List<int[]> batches, BatchLoader<B> loader, int numWorkers, int prefetch) {
        this.batches = batches;
        this.loader = loader;
        this.prefetch = prefetch;
        if (numWorkers == 0 || batches.isEmpty()) {
            this.workers = null;
            this.cleanable = null;
            return;
        }
        this.workers = new ThreadPoolExecutor(numWorkers, numWorkers, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("neurite-dataloader-" + POOLS.incrementAndGet()));
        workers.allowCoreThreadTimeOut(true);
        ThreadPoolExecutor pool = workers; // the cleaning action must not reference this iterator
        this.cleanable = CLEANER.register(this, pool::shutdownNow);
        fill();
    }

    @Override
    public boolean hasNext() {
        return !closed && delivered < batches.size();
    }

    @Override
    public B next() {
        if (!hasNext()) {
            throw new NoSuchElementException("DataLoader: no batch left in this epoch (" + delivered + " of "
                    + batches.size() + " served" + (closed ? ", iterator closed" : "") + ")");
        }
        int k = delivered;
        B batch;
        try {
            batch = workers == null ? loader.load(k, batches.get(k)) : await(pending.poll());
        } catch (RuntimeException | Error e) {
            close(); // a failure ends the epoch
            throw e;
        }
        delivered++;
        if (delivered == batches.size()) close();
        else if (workers != null) fill();
        return batch;
    }

    /** The number of batches being loaded or loaded and not yet served (at most {@code prefetch}). */
    public int inFlight() {
        return pending.size();
    }

    /** Stops the workers and discards the batches loaded ahead; {@link #hasNext()} is then false. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (Future<B> f : pending) f.cancel(true);
        pending.clear();
        if (cleanable != null) cleanable.clean();
    }

    private void fill() {
        BatchLoader<B> load = loader; // tasks must not reference this iterator, or it is never cleaned
        while (pending.size() < prefetch && submitted < batches.size()) {
            int k = submitted++;
            int[] indices = batches.get(k);
            pending.add(workers.submit(() -> load.load(k, indices)));
        }
    }

    private B await(Future<B> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("DataLoader: interrupted while waiting for batch " + delivered, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException("DataLoader: batch " + delivered + " failed: " + cause, cause);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-worker-" + count.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
