package io.neurite.data;

import io.neurite.tensor.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Splitting a dataset into disjoint parts: training, validation and test sets. The course notes insist the
 * parts be kept disjoint "in every sense except what is supposed to be learned": {@link #stratifiedSplit}
 * keeps the class proportions in each part, {@link #groupSplit} keeps the samples of one group (one
 * patient) on one side. All splits are seeded: the same seed gives the same parts.
 *
 * <pre>{@code
 * List<Subset<Sample>> parts = Splits.randomSplit(data, 42, 0.8, 0.2);   // training, validation
 * }</pre>
 */
public final class Splits {

    private Splits() {}

    /** Training, validation and test parts of one dataset. */
    public record TrainValidationTest<T>(Subset<T> training, Subset<T> validation, Subset<T> test) {}

    /** Disjoint random parts of the given sizes, which must add up to the dataset size. */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, long seed, int... counts) {
        int n = dataset.size();
        long total = 0;
        for (int c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("randomSplit: expected counts >= 0, got " + Arrays.toString(counts));
            }
            total += c;
        }
        if (total != n) {
            throw new IllegalArgumentException("randomSplit: the counts " + Arrays.toString(counts) + " add up to "
                    + total + ", expected the dataset size " + n + "; hint: give fractions to split proportionally");
        }
        int[] perm = Seeds.permutation(n, new Generator(seed));
        List<Subset<T>> parts = new ArrayList<>(counts.length);
        for (int i = 0, at = 0; i < counts.length; at += counts[i++]) {
            parts.add(new Subset<>(dataset, Arrays.copyOfRange(perm, at, at + counts[i])));
        }
        return parts;
    }

    /**
     * Disjoint random parts holding the given fractions of the dataset (adding up to 1). As PyTorch, part i
     * gets {@code floor(n * fraction_i)} samples and the remaining ones go one each to parts 0, 1, ...
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, long seed, double... fractions) {
        return randomSplit(dataset, seed, counts("randomSplit", dataset.size(), fractions));
    }

    /** A random training/validation/test split by fractions adding up to 1. */
    public static <T> TrainValidationTest<T> trainValidationTest(Dataset<T> dataset, long seed, double training,
            double validation, double test) {
        List<Subset<T>> p = randomSplit(dataset, seed, training, validation, test);
        return new TrainValidationTest<>(p.get(0), p.get(1), p.get(2));
    }

    /**
     * Disjoint parts with the class proportions of the whole: each class's samples are divided by the
     * fractions (so every part holds within one sample of its share of every class), then each part is
     * shuffled.
     */
    public static <T> List<Subset<T>> stratifiedSplit(Dataset<T> dataset, int[] labels, long seed,
            double... fractions) {
        requireLength("stratifiedSplit", "labels", labels.length, dataset.size());
        return subsets(dataset, stratifiedIndices(labels, seed, fractions));
    }

    /** The index sets of {@link #stratifiedSplit}, for {@code labels[i]} the class of sample i. */
    public static List<int[]> stratifiedIndices(int[] labels, long seed, double... fractions) {
        checkFractions("stratifiedSplit", fractions);
        Generator g = new Generator(seed);
        int parts = fractions.length;
        List<List<Integer>> out = emptyParts(parts);
        for (int[] members : byKey(labels).values()) {
            Seeds.shuffle(members, g);
            int[] counts = largestRemainder(members.length, fractions, out, labels.length);
            for (int p = 0, at = 0; p < parts; at += counts[p++]) {
                for (int i = at; i < at + counts[p]; i++) out.get(p).add(members[i]);
            }
        }
        return shuffled(out, g);
    }

    /**
     * Disjoint parts such that all samples of a group ({@code groups[i]}, e.g. a patient id) fall in the
     * same part: groups are taken in random order, each into the part furthest below its target size.
     * Part sizes are therefore only close to the fractions, the closer the smaller the groups.
     */
    public static <T> List<Subset<T>> groupSplit(Dataset<T> dataset, int[] groups, long seed, double... fractions) {
        requireLength("groupSplit", "groups", groups.length, dataset.size());
        return subsets(dataset, groupIndices(groups, seed, fractions));
    }

    /** The index sets of {@link #groupSplit}. */
    public static List<int[]> groupIndices(int[] groups, long seed, double... fractions) {
        checkFractions("groupSplit", fractions);
        Generator g = new Generator(seed);
        List<int[]> members = new ArrayList<>(byKey(groups).values());
        int[] order = Seeds.permutation(members.size(), g);
        List<List<Integer>> out = emptyParts(fractions.length);
        for (int o : order) {
            int best = 0;
            double bestDeficit = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < fractions.length; p++) {
                double deficit = fractions[p] * groups.length - out.get(p).size();
                if (fractions[p] > 0 && deficit > bestDeficit) {
                    best = p;
                    bestDeficit = deficit;
                }
            }
            for (int i : members.get(o)) out.get(best).add(i);
        }
        return shuffled(out, g);
    }

    /** PyTorch's rule: {@code floor(n * f_i)} each, then the remainder one by one to parts 0, 1, ... */
    static int[] counts(String op, int n, double[] fractions) {
        checkFractions(op, fractions);
        int[] counts = new int[fractions.length];
        int sum = 0;
        for (int i = 0; i < counts.length; i++) sum += counts[i] = (int) Math.floor(n * fractions[i]);
        for (int i = 0; sum < n; i = (i + 1) % counts.length, sum++) counts[i]++;
        return counts;
    }

    static void checkFractions(String op, double[] fractions) {
        double sum = 0;
        for (double f : fractions) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException(op + ": expected fractions in [0, 1], got "
                        + Arrays.toString(fractions));
            }
            sum += f;
        }
        if (fractions.length == 0 || Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException(op + ": expected fractions adding up to 1, got "
                    + Arrays.toString(fractions) + " (sum " + sum + "); hint: e.g. 0.8, 0.1, 0.1");
        }
    }

    /**
     * Divides {@code n} by the fractions, each part getting the floor or the ceiling of its share (largest
     * remainders first; ties go to the part furthest below its share of {@code total} so far).
     */
    private static int[] largestRemainder(int n, double[] fractions, List<List<Integer>> sofar, int total) {
        int parts = fractions.length;
        int[] counts = new int[parts];
        double[] rest = new double[parts];
        int sum = 0;
        for (int p = 0; p < parts; p++) {
            double share = n * fractions[p];
            sum += counts[p] = (int) Math.floor(share);
            rest[p] = share - counts[p];
        }
        Integer[] order = new Integer[parts];
        for (int p = 0; p < parts; p++) order[p] = p;
        Arrays.sort(order, (a, b) -> {
            if (Math.abs(rest[a] - rest[b]) > 1e-9) return Double.compare(rest[b], rest[a]);
            double deficitA = fractions[a] * total - sofar.get(a).size();
            return Double.compare(fractions[b] * total - sofar.get(b).size(), deficitA);
        });
        for (int i = 0; sum < n; i++, sum++) counts[order[i % parts]]++;
        return counts;
    }

    /** The indices of each key, keys in increasing order. */
    static TreeMap<Integer, int[]> byKey(int[] keys) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int k : keys) counts.merge(k, 1, Integer::sum);
        TreeMap<Integer, int[]> members = new TreeMap<>();
        TreeMap<Integer, Integer> filled = new TreeMap<>();
        counts.forEach((k, c) -> members.put(k, new int[c]));
        for (int i = 0; i < keys.length; i++) {
            int at = filled.merge(keys[i], 1, Integer::sum) - 1;
            members.get(keys[i])[at] = i;
        }
        return members;
    }

    private static List<List<Integer>> emptyParts(int parts) {
        List<List<Integer>> out = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) out.add(new ArrayList<>());
        return out;
    }

    private static List<int[]> shuffled(List<List<Integer>> parts, Generator g) {
        List<int[]> out = new ArrayList<>(parts.size());
        for (List<Integer> part : parts) {
            int[] a = part.stream().mapToInt(Integer::intValue).toArray();
            Seeds.shuffle(a, g);
            out.add(a);
        }
        return out;
    }

    private static <T> List<Subset<T>> subsets(Dataset<T> dataset, List<int[]> parts) {
        List<Subset<T>> out = new ArrayList<>(parts.size());
        for (int[] p : parts) out.add(new Subset<>(dataset, p));
        return out;
    }

    private static void requireLength(String op, String what, int got, int expected) {
        if (got != expected) {
            throw new IllegalArgumentException(op + ": expected one entry of " + what + " per sample (" + expected
                    + "), got " + got);
        }
    }
}
