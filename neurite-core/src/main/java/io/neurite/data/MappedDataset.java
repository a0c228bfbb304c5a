package io.neurite.data;

import io.neurite.tensor.Generator;

/** {@link Dataset#map} and {@link Dataset#mapRandom}: applies a function to each sample on access. */
final class MappedDataset<T, R> implements Dataset<R> {

    private final Dataset<T> base;
    private final RandomMapping<? super T, ? extends R> fn;

    MappedDataset(Dataset<T> base, RandomMapping<? super T, ? extends R> fn) {
        if (base == null || fn == null) {
            throw new IllegalArgumentException("Dataset.map: expected a dataset and a function, got base=" + base
                    + ", fn=" + fn);
        }
        this.base = base;
        this.fn = fn;
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public R get(int index) {
        return get(index, Generator.defaultGenerator());
    }

    @Override
    public R get(int index, Generator g) {
        return fn.apply(base.get(index, g), g);
    }
}
