package io.neurite.data;

import io.neurite.tensor.Generator;
import java.util.function.Function;

/**
 * A collection of samples addressed by index, PyTorch's map-style {@code torch.utils.data.Dataset}: it
 * knows its {@link #size()} and returns sample {@code i} from {@link #get(int)}.
 *
 * <p>Random per-sample work (augmentation) draws from the generator given to {@link #get(int, Generator)}:
 * the {@link DataLoader} hands each sample a generator derived from its seed, the epoch and the batch
 * index, so an augmented epoch is the same whatever the number of worker threads.
 *
 * <pre>{@code
 * Dataset<Sample> train = new TensorDataset(images, labels)
 *         .mapRandom((s, g) -> new Sample(flip.apply(s.input(), g), s.target()));
 * }</pre>
 *
 * <p>Implementations must allow concurrent {@code get} calls: loader workers call it from several threads.
 *
 * @param <T> the sample type
 */
public interface Dataset<T> {

    /** The number of samples. */
    int size();

    /** Sample {@code index}, in {@code [0, size())}. */
    T get(int index);

    /**
     * Sample {@code index}, drawing any randomness from {@code g}; a dataset without randomness ignores
     * {@code g}. Wrappers ({@link Subset}, {@link ConcatDataset}, mapped datasets) pass {@code g} on.
     */
    default T get(int index, Generator g) {
        return get(index);
    }

    /** A view of this dataset whose samples are {@code fn(get(i))}, computed on each access. */
    default <R> Dataset<R> map(Function<? super T, ? extends R> fn) {
        return new MappedDataset<>(this, (value, g) -> fn.apply(value));
    }

    /**
     * A view of this dataset whose samples are {@code fn(get(i, g), g)}: a random transform that draws
     * from the per-sample generator of the loader (or from {@link Generator#defaultGenerator()} when
     * read through {@link #get(int)}).
     */
    default <R> Dataset<R> mapRandom(RandomMapping<? super T, ? extends R> fn) {
        return new MappedDataset<>(this, fn);
    }

    /** A function of a value and a generator, such as a random augmentation. */
    @FunctionalInterface
    interface RandomMapping<A, R> {
        R apply(A value, Generator g);
    }

    /** Returns {@code index} or throws an {@link IndexOutOfBoundsException} naming the op and the size. */
    static int checkIndex(String op, int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(op + ": index " + index + " is out of range for a dataset of size "
                    + size + "; hint: valid indices are 0 to " + (size - 1));
        }
        return index;
    }
}
