package io.neurite.data;

import io.neurite.tensor.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Groups the indices of a sampler into mini-batches of {@code batchSize}; the last, smaller batch is
 * kept or dropped ({@code dropLast}), as PyTorch's {@code BatchSampler}.
 */
public final class BatchSampler {

    private final Sampler sampler;
    private final int batchSize;
    private final boolean dropLast;

    public BatchSampler(Sampler sampler, int batchSize, boolean dropLast) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("BatchSampler: expected batchSize >= 1, got batchSize=" + batchSize);
        }
        this.sampler = sampler;
        this.batchSize = batchSize;
        this.dropLast = dropLast;
    }

    /** The number of batches per epoch: {@code floor(n / b)} when dropping the last, else {@code ceil(n / b)}. */
    public int size() {
        int n = sampler.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The batches of one epoch, each an array of dataset indices. */
    public List<int[]> batches(Generator g) {
        int[] indices = sampler.indices(g);
        List<int[]> out = new ArrayList<>(size());
        for (int k = 0; k < size(); k++) {
            out.add(Arrays.copyOfRange(indices, k * batchSize, Math.min(indices.length, (k + 1) * batchSize)));
        }
        return out;
    }

    public Sampler sampler() {
        return sampler;
    }

    public int batchSize() {
        return batchSize;
    }

    public boolean dropLast() {
        return dropLast;
    }
}
