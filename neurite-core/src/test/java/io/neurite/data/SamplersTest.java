package io.neurite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Generator;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplersTest {

    private static int[] sorted(int[] a) {
        int[] s = a.clone();
        Arrays.sort(s);
        return s;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    @Test
    void sequentialSamplerCountsUp() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, new SequentialSampler(5).indices(new Generator(1)));
        assertEquals(0, new SequentialSampler(0).indices(null).length);
    }

    @Test
    void randomSamplerIsASeededPermutation() {
        RandomSampler s = new RandomSampler(50);
        int[] a = s.indices(new Generator(7));
        assertArrayEquals(range(50), sorted(a), "a permutation of 0..49");
        assertArrayEquals(a, s.indices(new Generator(7)), "same generator seed, same order");
        assertFalse(Arrays.equals(a, s.indices(new Generator(8))), "another seed, another order");
        assertFalse(Arrays.equals(range(50), a), "shuffled");
    }

    @Test
    void randomSamplerWithoutReplacementChainsPermutations() {
        int[] a = new RandomSampler(4, false, 10).indices(new Generator(3));
        assertEquals(10, a.length);
        assertArrayEquals(range(4), sorted(Arrays.copyOfRange(a, 0, 4)));
        assertArrayEquals(range(4), sorted(Arrays.copyOfRange(a, 4, 8)));
        assertEquals(2, Arrays.stream(a, 8, 10).distinct().count(), "the last, partial permutation has no repeats");
    }

    @Test
    void randomSamplerWithReplacementDrawsUniformly() {
        int n = 5, draws = 50_000;
        int[] a = new RandomSampler(n, true, draws).indices(new Generator(11));
        int[] counts = new int[n];
        for (int i : a) counts[i]++;
        double sigma = Math.sqrt(draws * 0.2 * 0.8);
        for (int c : counts) assertEquals(draws / 5.0, c, 5 * sigma, Arrays.toString(counts));
        int[] small = new RandomSampler(3, true, 20).indices(new Generator(1));
        assertTrue(Arrays.stream(small).distinct().count() < 20, "repeats occur with replacement");
    }

    @Test
    void randomSamplerRejectsBadSizes() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RandomSampler(0, true, 3));
        assertTrue(e.getMessage().contains("RandomSampler") && e.getMessage().contains("numSamples=3"), e.getMessage());
    }

    @Test
    void subsetRandomSamplerPermutesTheGivenIndices() {
        int[] given = {9, 3, 17, 4};
        int[] a = new SubsetRandomSampler(given).indices(new Generator(5));
        assertArrayEquals(sorted(given), sorted(a));
        assertEquals(4, new SubsetRandomSampler(given).size());
    }

    @Test
    void weightedSamplerWithReplacementFollowsTheWeights() {
        double[] w = {1, 0, 3, 6};
        int draws = 100_000;
        int[] a = new WeightedRandomSampler(w, draws, true).indices(new Generator(2));
        int[] counts = new int[4];
        for (int i : a) counts[i]++;
        assertEquals(0, counts[1], "zero weight is never drawn");
        double[] p = {0.1, 0, 0.3, 0.6};
        for (int i : new int[] {0, 2, 3}) {
            assertEquals(p[i] * draws, counts[i], 5 * Math.sqrt(draws * p[i] * (1 - p[i])), Arrays.toString(counts));
        }
    }

    @Test
    void weightedSamplerWithoutReplacementDrawsDistinctIndicesFavouringHeavyOnes() {
        double[] w = {1, 1, 1, 1, 100, 0};
        int firstHeavy = 0;
        for (int seed = 0; seed < 200; seed++) {
            int[] a = new WeightedRandomSampler(w, 3, false).indices(new Generator(seed));
            assertEquals(3, Arrays.stream(a).distinct().count(), Arrays.toString(a));
            assertTrue(Arrays.stream(a).noneMatch(i -> i == 5), "zero weight never drawn");
            if (a[0] == 4) firstHeavy++;
        }
        assertTrue(firstHeavy > 180, "P(first = heavy) = 100/104; got " + firstHeavy + " of 200");
        var e = assertThrows(IllegalArgumentException.class, () -> new WeightedRandomSampler(w, 6, false));
        assertTrue(e.getMessage().contains("numSamples=6") && e.getMessage().contains("5 indices"), e.getMessage());
        var neg = assertThrows(IllegalArgumentException.class,
                () -> new WeightedRandomSampler(new double[] {1, -1}, 1, true));
        assertTrue(neg.getMessage().contains("-1.0 at index 1"), neg.getMessage());
    }

    @Test
    void batchSamplerSizesMatchPyTorch() {
        // PyTorch: len(BatchSampler(SequentialSampler(range(10)), 3, True/False)) == 3 / 4
        BatchSampler keep = new BatchSampler(new SequentialSampler(10), 3, false);
        BatchSampler drop = new BatchSampler(new SequentialSampler(10), 3, true);
        assertEquals(4, keep.size());
        assertEquals(3, drop.size());
        List<int[]> b = keep.batches(new Generator(0));
        assertArrayEquals(new int[] {0, 1, 2}, b.get(0));
        assertArrayEquals(new int[] {9}, b.get(3));
        assertEquals(3, drop.batches(new Generator(0)).size());
        var e = assertThrows(IllegalArgumentException.class,
                () -> new BatchSampler(new SequentialSampler(3), 0, false));
        assertTrue(e.getMessage().contains("batchSize=0"), e.getMessage());
    }
}
