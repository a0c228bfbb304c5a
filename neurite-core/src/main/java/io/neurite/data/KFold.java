package io.neurite.data;

import io.neurite.tensor.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * K-fold cross-validation, the course notes' algorithm: the data is partitioned into k disjoint folds of
 * nearly equal size (the first {@code n mod k} one larger), and each fold serves once as the evaluation
 * set while the other k - 1 train. As scikit-learn's {@code KFold}: folds are consecutive blocks of the
 * indices, shuffled first when a seed is given.
 *
 * <pre>{@code
 * for (Fold fold : new KFold(5, 42).split(data.size())) {
 *     Model m = train(fold.trainingSet(data));
 *     results.add(evaluate(m, fold.validationSet(data)));
 * }
 * }</pre>
 */
public final class KFold {

    private final int k;
    private final Long seed;

    /** K folds of consecutive indices, without shuffling. */
    public KFold(int k) {
        this(k, null);
    }

    /** K folds of the indices shuffled with {@code seed}. */
    public KFold(int k, long seed) {
        this(k, Long.valueOf(seed));
    }

    private KFold(int k, Long seed) {
        if (k < 2) throw new IllegalArgumentException("KFold: expected k >= 2 folds, got k=" + k);
        this.k = k;
        this.seed = seed;
    }

    /** The k folds of {@code n} samples. */
    public List<Fold> split(int n) {
        requireEnough("KFold", k, n);
        int[] order = seed == null ? new SequentialSampler(n).indices(null) : Seeds.permutation(n, new Generator(seed));
        int[] foldOf = new int[n];
        for (int f = 0, at = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            for (int i = at; i < at + size; i++) foldOf[order[i]] = f;
            at += size;
        }
        return folds(foldOf, k, order);
    }

    /** The folds given each sample's fold; validation indices in {@code order}, training ones increasing. */
    static List<Fold> folds(int[] foldOf, int k, int[] order) {
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int fold = f;
            int[] validation = Arrays.stream(order).filter(i -> foldOf[i] == fold).toArray();
            int[] training = new int[foldOf.length - validation.length];
            for (int i = 0, t = 0; i < foldOf.length; i++) if (foldOf[i] != f) training[t++] = i;
            folds.add(new Fold(f, training, validation));
        }
        return folds;
    }

    static void requireEnough(String op, int k, int n) {
        if (n < k) {
            throw new IllegalArgumentException(op + ": cannot make k=" + k + " folds of " + n
                    + " samples; hint: use k <= " + n);
        }
    }
}
