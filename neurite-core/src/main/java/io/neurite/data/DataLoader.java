package io.neurite.data;

import io.neurite.tensor.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Serves a dataset as mini-batches, epoch after epoch (PyTorch's {@code DataLoader}).
 *
 * <p>Vocabulary (the course notes'): an <b>epoch</b> is one pass over the training set; an
 * <b>iteration</b> is one batch forward and backward, one optimizer step; a <b>batch</b> (or
 * <b>mini-batch</b>) is the {@code batchSize} samples of one iteration. <b>Batch gradient descent</b>
 * uses the whole set as one batch ({@link Builder#fullBatch()}); <b>mini-batch gradient descent</b>
 * smaller batches, shuffled each epoch so that the network does not fit the order of the batches.
 *
 * <pre>{@code
 * DataLoader<Sample, Batch> loader = DataLoader.builder(new TensorDataset(x, y))
 *         .batchSize(64).shuffle(true).seed(42).numWorkers(2).build();
 * for (int epoch = 0; epoch < 10; epoch++) {
 *     for (Batch b : loader) {        // loader.size() iterations per epoch
 *         Tensor loss = F.crossEntropy(model.forward(b.inputs()), b.targets());
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p><b>Determinism.</b> Each {@code for} loop over the loader is the next epoch (0, 1, 2, ...; see
 * {@link #setEpoch(int)}). Epoch e's order comes from a generator seeded by {@code (seed, e)}; batch k's
 * samples are loaded with generators split from one seeded by {@code (seed, e, k)}, whatever thread
 * loads them. So order and content, random augmentation included, are identical for a given seed with
 * 0, 1 or any number of workers, and every epoch reshuffles.
 *
 * <p><b>Workers.</b> With {@code numWorkers = 0} batches are loaded on the calling thread when asked
 * for. Otherwise {@code numWorkers} daemon threads load up to {@code prefetch} batches ahead of the
 * caller (a bounded queue), and the caller receives them in order. A failure in a worker is rethrown in
 * the caller as a {@link DataLoadingException} naming the sample index. The workers stop when the epoch
 * ends, when its {@link BatchIterator} is closed (try-with-resources to leave a loop early), or when an
 * abandoned iterator is garbage-collected; idle workers also exit after a second.
 *
 * @param <T> the sample type
 * @param <B> the batch type made by the collate function
 */
public final class DataLoader<T, B> implements Iterable<B> {

    private final Dataset<T> dataset;
    private final Function<? super List<T>, ? extends B> collate;
    private final BatchSampler batchSampler;
    private final int numWorkers;
    private final int prefetch;
    private final long seed;
    private final AtomicInteger nextEpoch = new AtomicInteger();

    private DataLoader(Builder<T, B> b) {
        this.dataset = b.dataset;
        this.collate = b.collate;
        this.batchSampler = b.batchSampler();
        this.numWorkers = b.numWorkers;
        this.prefetch = b.prefetch > 0 ? b.prefetch : 2 * Math.max(1, b.numWorkers);
        this.seed = b.seed != null ? b.seed : Generator.defaultGenerator().nextLong();
    }

    /** A builder for a loader of supervised samples, collated into {@link Batch}es by {@link Collate#samples}. */
    public static Builder<Sample, Batch> builder(Dataset<Sample> dataset) {
        return new Builder<>(dataset, Collate::samples);
    }

    /** A builder for a loader whose batches are {@code collate(list of the batch's samples)}. */
    public static <T, B> Builder<T, B> builder(Dataset<T> dataset, Function<? super List<T>, ? extends B> collate) {
        return new Builder<>(dataset, collate);
    }

    /** The number of batches per epoch, that is of iterations. */
    public int size() {
        return batchSampler.size();
    }

    public Dataset<T> dataset() {
        return dataset;
    }

    public BatchSampler batchSampler() {
        return batchSampler;
    }

    public int numWorkers() {
        return numWorkers;
    }

    /** The maximum number of batches loaded ahead of the caller (workers only). */
    public int prefetch() {
        return prefetch;
    }

    public long seed() {
        return seed;
    }

    /** Sets the epoch the next {@link #iterator()} serves (then epoch + 1, and so on). */
    public void setEpoch(int epoch) {
        if (epoch < 0) throw new IllegalArgumentException("DataLoader.setEpoch: expected epoch >= 0, got " + epoch);
        nextEpoch.set(epoch);
    }

    /** The batches of the next epoch; close the iterator when leaving the loop early. */
    @Override
    public BatchIterator<B> iterator() {
        return iterator(nextEpoch.getAndIncrement());
    }

    /** The batches of epoch {@code epoch}, the same every time for this loader's seed. */
    public BatchIterator<B> iterator(int epoch) {
        if (epoch < 0) throw new IllegalArgumentException("DataLoader.iterator: expected epoch >= 0, got " + epoch);
        List<int[]> batches = batchSampler.batches(new Generator(Seeds.derive(seed, epoch)));
        return new BatchIterator<>(batches, (k, indices) -> load(epoch, k, indices), numWorkers, prefetch);
    }

    /** Loads and collates batch {@code k} of {@code epoch}; sample i of the batch draws from split i. */
    private B load(int epoch, int k, int[] indices) {
        Generator batchGenerator = new Generator(Seeds.derive(seed, epoch, k));
        List<T> samples = new ArrayList<>(indices.length);
        for (int index : indices) {
            Generator g = batchGenerator.split();
            try {
                samples.add(dataset.get(index, g));
            } catch (RuntimeException e) {
                throw DataLoadingException.sample(index, k, epoch, e);
            }
        }
        try {
            return collate.apply(samples);
        } catch (RuntimeException e) {
            throw DataLoadingException.collate(k, epoch, e);
        }
    }

    /**
     * Options of a {@link DataLoader}, with PyTorch's defaults: batch size 1, no shuffle, keep the last
     * batch, no workers.
     */
    public static final class Builder<T, B> {
        private final Dataset<T> dataset;
        private final Function<? super List<T>, ? extends B> collate;
        private Integer batchSize;
        private boolean shuffle;
        private Boolean dropLast;
        private Sampler sampler;
        private BatchSampler batchSampler;
        private int numWorkers;
        private int prefetch;
        private Long seed;

        private Builder(Dataset<T> dataset, Function<? super List<T>, ? extends B> collate) {
            if (dataset == null || collate == null) {
                throw new IllegalArgumentException("DataLoader.builder: expected a dataset and a collate function,"
                        + " got dataset=" + dataset + ", collate=" + collate);
            }
            this.dataset = dataset;
            this.collate = collate;
        }

        /** Samples per mini-batch (default 1). */
        public Builder<T, B> batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("DataLoader: expected batchSize >= 1, got batchSize=" + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Batch gradient descent: one batch holding the whole dataset. */
        public Builder<T, B> fullBatch() {
            return batchSize(Math.max(1, dataset.size()));
        }

        /** A new random order each epoch (a {@link RandomSampler}). */
        public Builder<T, B> shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** Seed of the shuffles and of the per-sample generators (default: drawn from the default generator). */
        public Builder<T, B> seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Drops the last batch when it is smaller than the batch size. */
        public Builder<T, B> dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /** The order of the indices (instead of {@code shuffle}). */
        public Builder<T, B> sampler(Sampler sampler) {
            this.sampler = sampler;
            return this;
        }

        /** The batches themselves (instead of batch size, shuffle, sampler and drop last). */
        public Builder<T, B> batchSampler(BatchSampler batchSampler) {
            this.batchSampler = batchSampler;
            return this;
        }

        /** Worker threads loading batches ahead; 0 (default) loads on the calling thread. */
        public Builder<T, B> numWorkers(int numWorkers) {
            if (numWorkers < 0) {
                throw new IllegalArgumentException("DataLoader: expected numWorkers >= 0, got numWorkers="
                        + numWorkers);
            }
            this.numWorkers = numWorkers;
            return this;
        }

        /** Batches loaded ahead of the caller at most (default 2 per worker). */
        public Builder<T, B> prefetch(int batches) {
            if (batches < 1) {
                throw new IllegalArgumentException("DataLoader: expected prefetch >= 1 batch, got prefetch=" + batches);
            }
            this.prefetch = batches;
            return this;
        }

        public DataLoader<T, B> build() {
            return new DataLoader<>(this);
        }

        private BatchSampler batchSampler() {
            if (batchSampler != null) {
                if (batchSize != null || shuffle || sampler != null || dropLast != null) {
                    throw new IllegalArgumentException("DataLoader: batchSampler is mutually exclusive with batchSize,"
                            + " shuffle, sampler and dropLast, got batchSize=" + batchSize + ", shuffle=" + shuffle
                            + ", sampler=" + sampler + ", dropLast=" + dropLast
                            + "; hint: give these to the BatchSampler instead");
                }
                return batchSampler;
            }
            if (sampler != null && shuffle) {
                throw new IllegalArgumentException("DataLoader: sampler is mutually exclusive with shuffle=true;"
                        + " hint: use a RandomSampler as the sampler, or drop the sampler");
            }
            Sampler s = sampler != null ? sampler
                    : shuffle ? new RandomSampler(dataset.size()) : new SequentialSampler(dataset.size());
            return new BatchSampler(s, batchSize == null ? 1 : batchSize, dropLast != null && dropLast);
        }
    }
}
