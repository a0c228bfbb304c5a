package io.neurite.data;

import io.neurite.tensor.Generator;
import java.util.Arrays;

/**
 * Indices drawn with probability proportional to their weight, as PyTorch's
 * {@code WeightedRandomSampler}; the usual remedy for unbalanced classes (weight = 1 / class count).
 *
 * <p>With replacement each index is an independent draw (inverse of the cumulative weights). Without
 * replacement the indices are the {@code numSamples} largest keys {@code log(u_i) / w_i}, u uniform:
 * Efraimidis and Spirakis, "Weighted random sampling with a reservoir", IPL 2006.
 */
public final class WeightedRandomSampler implements Sampler {

    private final double[] cumulative;
    private final double[] weights;
    private final int numSamples;
    private final boolean replacement;

    public WeightedRandomSampler(double[] weights, int numSamples, boolean replacement) {
        int positive = 0;
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("WeightedRandomSampler: expected finite weights >= 0, got "
                        + weights[i] + " at index " + i);
            }
            if (weights[i] > 0) positive++;
            total += weights[i];
        }
        if (numSamples < 0 || (numSamples > 0 && total == 0) || (!replacement && numSamples > positive)) {
            throw new IllegalArgumentException("WeightedRandomSampler: cannot draw numSamples=" + numSamples
                    + (replacement ? " with" : " without") + " replacement from " + positive
                    + " indices of positive weight; hint: " + (replacement ? "give some weight > 0"
                    : "use replacement=true or draw at most " + positive));
        }
        this.weights = weights.clone();
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) cumulative[i] = sum += weights[i];
        this.numSamples = numSamples;
        this.replacement = replacement;
    }

    @Override
    public int size() {
        return numSamples;
    }

    @Override
    public int[] indices(Generator g) {
        int[] out = new int[numSamples];
        if (replacement) {
            double total = cumulative[cumulative.length - 1];
            for (int k = 0; k < numSamples; k++) out[k] = firstAbove(g.nextDouble() * total);
            return out;
        }
        Integer[] order = new Integer[weights.length];
        double[] key = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            order[i] = i;
            key[i] = weights[i] > 0 ? Math.log(1.0 - g.nextDouble()) / weights[i] : Double.NEGATIVE_INFINITY;
        }
        Arrays.sort(order, (a, b) -> Double.compare(key[b], key[a]));
        for (int k = 0; k < numSamples; k++) out[k] = order[k];
        return out;
    }

    /** The first index whose cumulative weight exceeds {@code x} (so zero weights are never drawn). */
    private int firstAbove(double x) {
        int lo = 0, hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
