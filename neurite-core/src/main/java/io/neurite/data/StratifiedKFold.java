package io.neurite.data;

import io.neurite.tensor.Generator;
import java.util.List;

/**
 * K-fold cross-validation keeping the class proportions in every fold: the samples are listed class by
 * class (each class shuffled when a seed is given) and dealt to folds 0, 1, ..., k-1 in turn, so every
 * fold holds within one sample of its share of each class and fold sizes differ by at most one.
 */
public final class StratifiedKFold {

    private final int k;
    private final Long seed;

    public StratifiedKFold(int k) {
        this(k, null);
    }

    public StratifiedKFold(int k, long seed) {
        this(k, Long.valueOf(seed));
    }

    private StratifiedKFold(int k, Long seed) {
        if (k < 2) throw new IllegalArgumentException("StratifiedKFold: expected k >= 2 folds, got k=" + k);
        this.k = k;
        this.seed = seed;
    }

    /** The k folds of the samples whose classes are {@code labels}. */
    public List<Fold> split(int[] labels) {
        int n = labels.length;
        KFold.requireEnough("StratifiedKFold", k, n);
        Generator g = seed == null ? null : new Generator(seed);
        int[] order = new int[n];
        int at = 0;
        for (int[] m : Splits.byKey(labels).values()) {
            if (g != null) Seeds.shuffle(m, g);
            System.arraycopy(m, 0, order, at, m.length);
            at += m.length;
        }
        int[] foldOf = new int[n];
        for (int i = 0; i < n; i++) foldOf[order[i]] = i % k;
        return KFold.folds(foldOf, k, order);
    }
}
