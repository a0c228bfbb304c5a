package io.neurite.data;

import io.neurite.tensor.Generator;
import java.util.List;

/** The samples of several datasets one after the other (PyTorch's {@code ConcatDataset}). */
public final class ConcatDataset<T> implements Dataset<T> {

    private final List<Dataset<? extends T>> datasets;
    /** {@code ends[k]} = total size of datasets 0..k. */
    private final int[] ends;

    @SafeVarargs
    public ConcatDataset(Dataset<? extends T>... datasets) {
        this(List.of(datasets));
    }

    public ConcatDataset(List<? extends Dataset<? extends T>> datasets) {
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("ConcatDataset: expected at least one dataset, got none");
        }
        this.datasets = List.copyOf(datasets);
        this.ends = new int[datasets.size()];
        long total = 0;
        for (int k = 0; k < ends.length; k++) {
            total += datasets.get(k).size();
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("ConcatDataset: total size " + total + " exceeds "
                        + Integer.MAX_VALUE + " samples");
            }
            ends[k] = (int) total;
        }
    }

    @Override
    public int size() {
        return ends[ends.length - 1];
    }

    @Override
    public T get(int index) {
        return get(index, null);
    }

    @Override
    public T get(int index, Generator g) {
        Dataset.checkIndex("ConcatDataset.get", index, size());
        int lo = 0, hi = ends.length - 1; // the first dataset whose end is past index
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] > index) hi = mid;
            else lo = mid + 1;
        }
        int k = lo;
        int local = index - (k == 0 ? 0 : ends[k - 1]);
        Dataset<? extends T> d = datasets.get(k);
        return g == null ? d.get(local) : d.get(local, g);
    }
}
