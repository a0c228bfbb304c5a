package io.neurite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.DType;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

    /** The first input value of each sample of each batch, divided by 10: the sample indices. */
    private static List<int[]> indices(Iterable<Batch> epoch) {
        List<int[]> out = new ArrayList<>();
        for (Batch b : epoch) {
            float[] x = b.inputs().toFloatArray();
            int[] idx = new int[b.size()];
            for (int i = 0; i < idx.length; i++) idx[i] = Math.round(x[2 * i] / 10);
            out.add(idx);
        }
        return out;
    }

    private static List<float[]> contents(Iterable<Batch> epoch) {
        List<float[]> out = new ArrayList<>();
        for (Batch b : epoch) out.add(b.inputs().toFloatArray());
        return out;
    }

    private static int[] flat(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }

    private static Set<Thread> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("neurite-dataloader-")).collect(Collectors.toSet());
    }

    @Test
    void sequentialBatchesStackInputsAndLabels() {
        DataLoader<Sample, Batch> loader = DataLoader.builder(DatasetsTest.rows(7)).batchSize(3).build();
        assertEquals(3, loader.size());
        List<Batch> batches = new ArrayList<>();
        for (Batch b : loader) batches.add(b);
        assertEquals(3, batches.size());
        assertEquals(List.of(3, 2), List.of(batches.get(0).inputs().size(0), batches.get(0).inputs().size(1)));
        assertArrayEquals(new float[] {0, 1, 10, 11, 20, 21}, batches.get(0).inputs().toFloatArray());
        assertEquals(DType.INT32, batches.get(0).targets().dtype());
        assertArrayEquals(new int[] {0, 1, 2}, batches.get(0).targets().toIntArray());
        assertArrayEquals(new int[] {6}, indices(loader).get(2), "the last batch holds the remainder");
    }

    @Test
    void dropLastDropsTheIncompleteBatch() {
        DataLoader<Sample, Batch> loader = DataLoader.builder(DatasetsTest.rows(7)).batchSize(3).dropLast(true).build();
        assertEquals(2, loader.size());
        List<int[]> b = indices(loader);
        assertEquals(2, b.size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, flat(b));
    }

    @Test
    void fullBatchIsBatchGradientDescent() {
        DataLoader<Sample, Batch> loader = DataLoader.builder(DatasetsTest.rows(7)).fullBatch().build();
        assertEquals(1, loader.size());
        assertEquals(7, loader.iterator().next().size());
    }

    @Test
    void shuffleIsReproducibleAndDiffersPerEpoch() {
        DataLoader<Sample, Batch> a = DataLoader.builder(DatasetsTest.rows(20)).batchSize(4).shuffle(true).seed(9)
                .build();
        DataLoader<Sample, Batch> b = DataLoader.builder(DatasetsTest.rows(20)).batchSize(4).shuffle(true).seed(9)
                .build();
        int[] a0 = flat(indices(a)), a1 = flat(indices(a));
        int[] b0 = flat(indices(b)), b1 = flat(indices(b));
        assertArrayEquals(a0, b0, "epoch 0 repeats for the same seed");
        assertArrayEquals(a1, b1, "epoch 1 repeats for the same seed");
        assertFalse(Arrays.equals(a0, a1), "each epoch reshuffles");
        int[] sorted = a1.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new SequentialSampler(20).indices(null), sorted, "every sample once per epoch");
        a.setEpoch(1);
        assertArrayEquals(a1, flat(indices(a)), "setEpoch replays an epoch");
        assertArrayEquals(a0, flat(indices(() -> a.iterator(0))), "iterator(epoch) too");
    }

    @Test
    void samplerOrdersTheBatches() {
        DataLoader<Sample, Batch> loader = DataLoader.builder(DatasetsTest.rows(10))
                .sampler(new SubsetRandomSampler(1, 3, 5, 7)).batchSize(2).seed(1).build();
        assertEquals(2, loader.size());
        int[] seen = flat(indices(loader));
        Arrays.sort(seen);
        assertArrayEquals(new int[] {1, 3, 5, 7}, seen);
    }

    /** Per-sample augmentation: noise from the loader's per-sample generator. */
    private static DataLoader<Sample, Batch> augmented(int workers, boolean shuffle) {
        Dataset<Sample> noisy = DatasetsTest.rows(37)
                .mapRandom((s, g) -> new Sample(s.input().add(Tensor.rand(g, 2)), s.target()));
        return DataLoader.builder(noisy).batchSize(5).shuffle(shuffle).seed(2024).numWorkers(workers).build();
    }

    @Test
    void sameBatchesWhateverTheNumberOfWorkers() {
        for (boolean shuffle : new boolean[] {false, true}) {
            DataLoader<Sample, Batch> reference = augmented(0, shuffle);
            List<float[]> e0 = contents(reference), e1 = contents(reference);
            for (int workers : new int[] {1, 2, 4}) {
                DataLoader<Sample, Batch> loader = augmented(workers, shuffle);
                List<float[]> w0 = contents(loader), w1 = contents(loader);
                assertEquals(e0.size(), w0.size());
                for (int k = 0; k < e0.size(); k++) {
                    assertArrayEquals(e0.get(k), w0.get(k), "epoch 0 batch " + k + " with " + workers + " workers");
                    assertArrayEquals(e1.get(k), w1.get(k), "epoch 1 batch " + k + " with " + workers + " workers");
                }
            }
            assertFalse(Arrays.equals(e0.get(0), e1.get(0)), "a new epoch draws new augmentations");
        }
    }

    @Test
    void prefetchIsBounded() throws InterruptedException {
        AtomicInteger loaded = new AtomicInteger();
        Dataset<Sample> counting = DatasetsTest.rows(100).map(s -> {
            loaded.incrementAndGet();
            return s;
        });
        DataLoader<Sample, Batch> loader = DataLoader.builder(counting).batchSize(2).numWorkers(2).prefetch(3).build();
        try (BatchIterator<Batch> it = loader.iterator()) {
            it.next();
            Thread.sleep(300);
            assertTrue(it.inFlight() <= 3, "in flight: " + it.inFlight());
            assertTrue(loaded.get() <= 2 * (1 + 3), "loaded " + loaded.get() + " samples: one batch served, 3 ahead");
            assertEquals(8, loaded.get(), "the workers did fill the queue");
        }
        assertEquals(3, loader.prefetch());
        assertEquals(4, DataLoader.builder(counting).numWorkers(2).build().prefetch(), "default 2 per worker");
    }

    @Test
    void aWorkerFailureSurfacesInTheCallerWithTheSampleIndex() {
        Dataset<Sample> broken = DatasetsTest.rows(20).mapRandom((s, g) -> {
            if (s.input().toFloatArray()[0] == 130f) throw new IllegalStateException("bad pixel");
            return s;
        });
        for (int workers : new int[] {0, 2}) {
            DataLoader<Sample, Batch> loader = DataLoader.builder(broken).batchSize(4).numWorkers(workers).build();
            BatchIterator<Batch> it = loader.iterator();
            it.next();
            it.next();
            it.next();
            var e = assertThrows(DataLoadingException.class, it::next);
            assertEquals(13, e.sampleIndex());
            assertEquals(3, e.batchIndex());
            assertTrue(e.getMessage().contains("loading sample 13 (batch 3 of epoch 0)")
                    && e.getMessage().contains("bad pixel"), e.getMessage());
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertFalse(it.hasNext(), "a failure ends the epoch");
        }
    }

    @Test
    void collateFailureNamesTheBatch() {
        Dataset<Tensor> ragged = new Dataset<>() {
            public int size() {
                return 4;
            }

            public Tensor get(int i) {
                return Tensor.zeros(i + 1);
            }
        };
        DataLoader<Tensor, Tensor> loader = DataLoader.builder(ragged, Collate::tensors).batchSize(2).build();
        var e = assertThrows(DataLoadingException.class, () -> loader.iterator().next());
        assertEquals(-1, e.sampleIndex());
        assertTrue(e.getMessage().contains("collating batch 0") && e.getMessage().contains("stack"), e.getMessage());
    }

    @Test
    void closingEarlyStopsTheWorkers() throws InterruptedException {
        Dataset<Sample> slow = DatasetsTest.rows(200).map(s -> {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return s;
        });
        DataLoader<Sample, Batch> loader = DataLoader.builder(slow).batchSize(4).numWorkers(2).build();
        Set<Thread> before = workerThreads();
        Set<Thread> mine;
        try (BatchIterator<Batch> it = loader.iterator()) {
            it.next();
            mine = workerThreads();
            mine.removeAll(before);
            assertFalse(mine.isEmpty(), "workers run during the epoch");
            assertTrue(mine.stream().allMatch(Thread::isDaemon), "workers are daemon threads");
        }
        for (int i = 0; i < 100 && mine.stream().anyMatch(Thread::isAlive); i++) Thread.sleep(20);
        assertTrue(mine.stream().noneMatch(Thread::isAlive), "closing the iterator ends its workers");
    }

    @Test
    void anAbandonedIteratorLetsItsWorkersEnd() throws InterruptedException {
        DataLoader<Sample, Batch> loader = DataLoader.builder(DatasetsTest.rows(100)).batchSize(2).numWorkers(2)
                .build();
        Set<Thread> before = workerThreads();
        Iterator<Batch> it = loader.iterator();
        it.next();
        Set<Thread> mine = workerThreads();
        mine.removeAll(before);
        assertFalse(mine.isEmpty(), "workers run during the epoch");
        it = null; // left without close(): the cleaner or the idle timeout of one second ends the workers
        for (int i = 0; i < 150 && mine.stream().anyMatch(Thread::isAlive); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(mine.stream().noneMatch(Thread::isAlive), "the workers of an abandoned iterator end");
    }

    @Test
    void customCollateBuildsAnyBatch() {
        Dataset<Integer> labels = DatasetsTest.rows(5).map(s -> s.target().toIntArray()[0]);
        DataLoader<Integer, Tensor> loader = DataLoader.builder(labels, Collate::labels).batchSize(5).build();
        Tensor t = loader.iterator().next();
        assertEquals(DType.INT32, t.dtype());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1}, t.toIntArray());
    }

    @Test
    void builderRejectsConflictingOptions() {
        var e = assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(DatasetsTest.rows(4))
                .shuffle(true).sampler(new SequentialSampler(4)).build());
        assertTrue(e.getMessage().contains("sampler is mutually exclusive with shuffle"), e.getMessage());
        var b = assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(DatasetsTest.rows(4))
                .batchSize(2).batchSampler(new BatchSampler(new SequentialSampler(4), 2, false)).build());
        assertTrue(b.getMessage().contains("batchSampler is mutually exclusive")
                && b.getMessage().contains("batchSize=2"), b.getMessage());
        var w = assertThrows(IllegalArgumentException.class,
                () -> DataLoader.builder(DatasetsTest.rows(4)).numWorkers(-1));
        assertTrue(w.getMessage().contains("numWorkers=-1"), w.getMessage());
        var n = assertThrows(java.util.NoSuchElementException.class, () -> {
            BatchIterator<Batch> it = DataLoader.builder(DatasetsTest.rows(2)).batchSize(2).build().iterator();
            it.next();
            it.next();
        });
        assertTrue(n.getMessage().contains("1 of 1 served"), n.getMessage());
    }
}
