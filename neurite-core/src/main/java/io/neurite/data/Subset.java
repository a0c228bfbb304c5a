package io.neurite.data;

import io.neurite.tensor.Generator;
import java.util.Arrays;

/** The samples of a dataset at the given indices, in that order (PyTorch's {@code Subset}). */
public final class Subset<T> implements Dataset<T> {

    private final Dataset<T> dataset;
    private final int[] indices;

    public Subset(Dataset<T> dataset, int... indices) {
        int n = dataset.size();
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= n) {
                throw new IndexOutOfBoundsException("Subset: index " + indices[i] + " (at position " + i
                        + ") is out of range for a dataset of size " + n);
            }
        }
        this.dataset = dataset;
        this.indices = indices.clone();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public T get(int index) {
        return dataset.get(indices[Dataset.checkIndex("Subset.get", index, indices.length)]);
    }

    @Override
    public T get(int index, Generator g) {
        return dataset.get(indices[Dataset.checkIndex("Subset.get", index, indices.length)], g);
    }

    /** The underlying dataset. */
    public Dataset<T> dataset() {
        return dataset;
    }

    /** A copy of the indices into {@link #dataset()}. */
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public String toString() {
        return "Subset(size=" + indices.length + ", indices=" + (indices.length <= 10 ? Arrays.toString(indices)
                : Arrays.toString(Arrays.copyOf(indices, 10)).replace("]", ", ...]")) + ")";
    }
}
