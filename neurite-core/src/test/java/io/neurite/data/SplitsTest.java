package io.neurite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitsTest {

    /** Asserts the parts are disjoint and together hold 0..n-1 exactly once. */
    private static void assertPartition(List<int[]> parts, int n) {
        int[] seen = new int[n];
        for (int[] p : parts) for (int i : p) seen[i]++;
        for (int i = 0; i < n; i++) assertEquals(1, seen[i], "sample " + i + " appears " + seen[i] + " times");
    }

    private static List<int[]> indices(List<Subset<Sample>> parts) {
        List<int[]> out = new ArrayList<>();
        for (Subset<Sample> s : parts) out.add(s.indices());
        return out;
    }

    private static int[] sizes(List<int[]> parts) {
        return parts.stream().mapToInt(p -> p.length).toArray();
    }

    @Test
    void randomSplitByFractionsFollowsPyTorchSizes() {
        // PyTorch: [len(s) for s in random_split(range(10), [0.33, 0.33, 0.34])] == [4, 3, 3];
        // random_split(range(7), [0.5, 0.5]) sizes [4, 3]
        List<Subset<Sample>> parts = Splits.randomSplit(DatasetsTest.rows(10), 1, 0.33, 0.33, 0.34);
        assertArrayEquals(new int[] {4, 3, 3}, sizes(indices(parts)));
        assertPartition(indices(parts), 10);
        assertArrayEquals(new int[] {4, 3}, sizes(indices(Splits.randomSplit(DatasetsTest.rows(7), 1, 0.5, 0.5))));
    }

    @Test
    void randomSplitByCountsIsSeeded() {
        List<int[]> a = indices(Splits.randomSplit(DatasetsTest.rows(30), 5, 20, 10));
        assertArrayEquals(new int[] {20, 10}, sizes(a));
        assertPartition(a, 30);
        assertArrayEquals(a.get(1), indices(Splits.randomSplit(DatasetsTest.rows(30), 5, 20, 10)).get(1));
        assertFalse(Arrays.equals(a.get(1), indices(Splits.randomSplit(DatasetsTest.rows(30), 6, 20, 10)).get(1)));
        var e = assertThrows(IllegalArgumentException.class, () -> Splits.randomSplit(DatasetsTest.rows(30), 5, 20, 9));
        assertTrue(e.getMessage().contains("[20, 9] add up to 29") && e.getMessage().contains("size 30"),
                e.getMessage());
        var f = assertThrows(IllegalArgumentException.class,
                () -> Splits.randomSplit(DatasetsTest.rows(30), 5, 0.8, 0.1));
        assertTrue(f.getMessage().contains("adding up to 1"), f.getMessage());
    }

    @Test
    void trainValidationTestAreDisjoint() {
        Splits.TrainValidationTest<Sample> s = Splits.trainValidationTest(DatasetsTest.rows(100), 3, 0.7, 0.15, 0.15);
        assertEquals(List.of(70, 15, 15), List.of(s.training().size(), s.validation().size(), s.test().size()));
        assertPartition(List.of(s.training().indices(), s.validation().indices(), s.test().indices()), 100);
    }

    @Test
    void stratifiedSplitKeepsClassProportionsWithinOneSample() {
        int n = 1000;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i < 700 ? 0 : i < 950 ? 1 : i < 990 ? 2 : 3; // 700/250/40/10
        double[] fractions = {0.8, 0.1, 0.1};
        List<int[]> parts = Splits.stratifiedIndices(labels, 11, fractions);
        assertPartition(parts, n);
        int[] classSize = {700, 250, 40, 10};
        for (int p = 0; p < 3; p++) {
            int[] counts = new int[4];
            for (int i : parts.get(p)) counts[labels[i]]++;
            for (int c = 0; c < 4; c++) {
                assertEquals(fractions[p] * classSize[c], counts[c], 1.0, "part " + p + " class " + c);
            }
        }
        int[] unbalanced = {0, 0, 0, 1, 1, 1, 1, 1, 1, 1};
        List<int[]> half = Splits.stratifiedIndices(unbalanced, 2, 0.5, 0.5);
        assertPartition(half, 10);
        assertArrayEquals(new int[] {5, 5}, sizes(half), "ties go to the part below its share");
    }

    @Test
    void groupSplitNeverSeparatesAGroup() {
        int n = 300;
        int[] patient = new int[n];
        for (int i = 0; i < n; i++) patient[i] = (i * 7919) % 37; // 37 patients, images interleaved
        List<int[]> parts = Splits.groupIndices(patient, 4, 0.7, 0.3);
        assertPartition(parts, n);
        Map<Integer, Integer> side = new HashMap<>();
        for (int p = 0; p < parts.size(); p++) {
            for (int i : parts.get(p)) {
                Integer before = side.put(patient[i], p);
                assertTrue(before == null || before == p, "patient " + patient[i] + " on both sides");
            }
        }
        assertEquals(0.7 * n, parts.get(0).length, 10, "sizes close to the fractions (groups of about 8)");
        var e = assertThrows(IllegalArgumentException.class,
                () -> Splits.groupSplit(DatasetsTest.rows(5), new int[] {1, 2}, 0, 0.5, 0.5));
        assertTrue(e.getMessage().contains("groupSplit") && e.getMessage().contains("(5), got 2"), e.getMessage());
    }

    @Test
    void kFoldFoldsAreDisjointCoverTheDataAndMatchScikitLearnSizes() {
        // scikit-learn: KFold(3).split(range(10)) tests [0..3], [4..6], [7..9]
        List<Fold> folds = new KFold(3).split(10);
        assertArrayEquals(new int[] {0, 1, 2, 3}, folds.get(0).validation());
        assertArrayEquals(new int[] {4, 5, 6}, folds.get(1).validation());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, folds.get(2).training());
        List<int[]> validations = new ArrayList<>();
        for (Fold f : new KFold(4, 8).split(23)) {
            validations.add(f.validation());
            assertPartition(List.of(f.training(), f.validation()), 23);
        }
        assertPartition(validations, 23);
        assertArrayEquals(new int[] {6, 6, 6, 5}, sizes(validations));
        assertFalse(Arrays.equals(new int[] {0, 1, 2, 3, 4, 5}, validations.get(0)), "shuffled with a seed");
        Fold f = folds.get(1);
        assertEquals(3, f.validationSet(DatasetsTest.rows(10)).size());
        assertEquals(7, f.trainingSet(DatasetsTest.rows(10)).size());
        var e = assertThrows(IllegalArgumentException.class, () -> new KFold(5).split(3));
        assertTrue(e.getMessage().contains("k=5 folds of 3 samples"), e.getMessage());
    }

    @Test
    void stratifiedKFoldKeepsClassesInEveryFold() {
        int[] labels = new int[103];
        for (int i = 0; i < labels.length; i++) labels[i] = i % 10 < 7 ? 0 : i % 10 < 9 ? 1 : 2;
        int[] classSize = new int[3];
        for (int l : labels) classSize[l]++;
        List<int[]> validations = new ArrayList<>();
        for (Fold f : new StratifiedKFold(5, 1).split(labels)) {
            validations.add(f.validation());
            int[] counts = new int[3];
            for (int i : f.validation()) counts[labels[i]]++;
            for (int c = 0; c < 3; c++) {
                assertEquals(classSize[c] / 5.0, counts[c], 1.0, "fold " + f.index() + " class " + c);
            }
        }
        assertPartition(validations, 103);
        int[] s = sizes(validations);
        assertTrue(Arrays.stream(s).max().getAsInt() - Arrays.stream(s).min().getAsInt() <= 1, Arrays.toString(s));
    }
}
