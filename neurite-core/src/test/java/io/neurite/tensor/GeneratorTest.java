package io.neurite.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class GeneratorTest {

    private static final int N = 100_000;

    @Test
    void isSplitMix64AsSplittableRandom() {
        for (long seed : new long[] {0, 1, 42, -7, Generator.DEFAULT_SEED}) {
            Generator g = new Generator(seed);
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < 100; i++) assertEquals(r.nextLong(), g.nextLong(), "seed " + seed + " draw " + i);
            Generator child = g.split();
            SplittableRandom rChild = r.split();
            for (int i = 0; i < 100; i++) assertEquals(rChild.nextLong(), child.nextLong(), "split of seed " + seed);
            assertEquals(r.nextLong(), g.nextLong(), "parent after split");
        }
    }

    @Test
    void knownValuesGuardTheStreamAgainstChanges() {
        // Frozen outputs: a change here breaks every seeded experiment and saved checkpoint.
        assertEquals(-2152535657050944081L, new Generator(0).nextLong());
        assertArrayEquals(new float[] {0.74156487f, 0.15991038f, 0.2786011f, 0.34419066f},
                Tensor.rand(new Generator(42), 4).toFloatArray());
        assertArrayEquals(new float[] {0.8822489f, 1.3884733f, -0.45084986f},
                Tensor.randn(new Generator(42), 3).toFloatArray());
        assertArrayEquals(new int[] {7, 1, 2, 3, 0, 8}, Tensor.randint(new Generator(42), 0, 10, 6).toIntArray());
    }

    @Test
    void sameSeedSameSequenceDifferentSeedsDiffer() {
        Generator a = new Generator(123), b = new Generator(123), c = new Generator(124);
        assertArrayEquals(Tensor.randn(a, 1000).toFloatArray(), Tensor.randn(b, 1000).toFloatArray());
        assertNotEquals(a.nextLong(), c.nextLong());
        a.manualSeed(7);
        b.manualSeed(7);
        assertEquals(7, a.initialSeed());
        assertArrayEquals(Tensor.rand(a, 10).toFloatArray(), Tensor.rand(b, 10).toFloatArray());
        assertEquals(Generator.DEFAULT_SEED, new Generator().initialSeed());
    }

    @Test
    void stateSaveAndRestoreContinuesIdentically() {
        Generator g = new Generator(5);
        Tensor.rand(g, 17);
        long[] saved = g.getState();
        float[] first = Tensor.randn(g, 33).toFloatArray();
        int next = g.nextInt(1000);
        g.setState(saved);
        assertArrayEquals(first, Tensor.randn(g, 33).toFloatArray());
        assertEquals(next, g.nextInt(1000));
        Generator other = new Generator(99);
        other.setState(saved);
        Generator check = new Generator(5);
        check.setState(saved);
        assertEquals(check.nextLong(), other.nextLong());
        // The saved array is a copy.
        saved[0] = 0;
        assertNotEquals(0, g.getState()[0]);
    }

    @Test
    void setStateRejectsForeignArrays() {
        Generator g = new Generator(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.setState(new long[] {1, 2}));
        assertTrue(e.getMessage().contains("Generator.setState: expected the two longs {counter, odd gamma}"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.setState(new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> g.nextInt(0));
    }

    @Test
    void bulkFillsEqualSequentialDrawsEvenWhenSplitAcrossThreads() {
        Generator bulk = new Generator(11), seq = new Generator(11);
        float[] u = Tensor.rand(bulk, N).toFloatArray();
        for (int i = 0; i < N; i++) assertEquals(seq.nextFloat(), u[i], "rand element " + i);
        int[] k = Tensor.randint(bulk, 0, 37, N).toIntArray();
        for (int i = 0; i < N; i++) assertEquals(seq.nextInt(37), k[i], "randint element " + i);
        float[] z = Tensor.randn(bulk, 5).toFloatArray();
        assertEquals(seq.nextGaussian(), z[0]);
        // randn(5) used three Box-Muller pairs: six draws, four more than nextGaussian's two.
        for (int i = 0; i < 4; i++) seq.nextLong();
        assertArrayEquals(seq.getState(), bulk.getState());
    }

    @Test
    void randHasUniformMoments() {
        float[] u = Tensor.rand(new Generator(2024), N).toFloatArray();
        double[] m = moments(u);
        // Mean 1/2 (sd of the mean 0.0009), variance 1/12 (sd 0.00024): bounds at about 6 sd.
        assertEquals(0.5, m[0], 0.0055);
        assertEquals(1.0 / 12, m[1], 0.0015);
        double min = 1, max = 0;
        int[] deciles = new int[10];
        for (float v : u) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            deciles[(int) (v * 10)]++;
        }
        assertTrue(min >= 0 && min < 1e-3 && max < 1 && max > 0.999, "range " + min + ".." + max);
        // Each decile holds 10000 +- 95 (sd); 6 sd is 570.
        for (int count : deciles) assertEquals(N / 10, count, 570);
    }

    @Test
    void randnHasNormalMoments() {
        float[] z = Tensor.randn(new Generator(77), N).toFloatArray();
        double[] m = moments(z);
        // sd of the estimates for n = 1e5: mean 0.0032, variance 0.0045, skewness 0.0077, kurtosis 0.0155.
        assertEquals(0, m[0], 0.02);
        assertEquals(1, m[1], 0.027);
        assertEquals(0, m[2], 0.05);
        assertEquals(3, m[3], 0.1);
        int within = 0;
        for (float v : z) if (Math.abs(v) < 1) within++;
        assertEquals(0.6827, within / (double) N, 0.009);
    }

    @Test
    void normalInPlaceAppliesMeanAndStd() {
        float[] v = Tensor.zeros(N).normalInPlace(3f, 0.5f, new Generator(4)).toFloatArray();
        double[] m = moments(v);
        assertEquals(3, m[0], 0.01);
        assertEquals(0.25, m[1], 0.007);
    }

    @Test
    void randintReachesEveryValueInRange() {
        int[] k = Tensor.randint(new Generator(31), -5, 15, N).toIntArray();
        int[] counts = new int[20];
        for (int v : k) {
            assertTrue(v >= -5 && v < 15, "value " + v);
            counts[v + 5]++;
        }
        // 5000 per value, sd 69: bounds at 6 sd.
        for (int c : counts) assertEquals(N / 20, c, 415);
    }

    @Test
    void splitStreamsAreDistinctAndReproducible() {
        Generator parent = new Generator(8);
        Generator w1 = parent.split(), w2 = parent.split();
        float[] a = Tensor.rand(w1, 50).toFloatArray(), b = Tensor.rand(w2, 50).toFloatArray();
        float[] p = Tensor.rand(parent, 50).toFloatArray();
        assertTrue(!java.util.Arrays.equals(a, b) && !java.util.Arrays.equals(a, p) && !java.util.Arrays.equals(b, p));
        Generator again = new Generator(8);
        assertArrayEquals(a, Tensor.rand(again.split(), 50).toFloatArray());
        assertArrayEquals(b, Tensor.rand(again.split(), 50).toFloatArray());
    }

    @Test
    void manualSeedReseedsTheDefaultGenerator() {
        assertSame(Generator.defaultGenerator(), Generator.defaultGenerator());
        Tensor.manualSeed(1234);
        float[] a = Tensor.rand(3, 3).toFloatArray();
        float[] b = Tensor.randn(4).toFloatArray();
        Tensor.manualSeed(1234);
        assertArrayEquals(a, Tensor.rand(3, 3).toFloatArray());
        assertArrayEquals(b, Tensor.randn(4).toFloatArray());
        assertArrayEquals(a, Tensor.rand(new Generator(1234), 3, 3).toFloatArray());
    }

    @Test
    void sharedGeneratorHandsEachDrawToExactlyOneThread() throws InterruptedException {
        Generator shared = new Generator(55);
        Set<Long> drawn = ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 5000; i++) drawn.add(shared.nextLong());
            });
            threads[t].start();
        }
        for (Thread t : threads) t.join();
        Generator sequential = new Generator(55);
        Set<Long> expected = new HashSet<>();
        for (int i = 0; i < 20000; i++) expected.add(sequential.nextLong());
        assertEquals(expected, drawn);
    }

    /** Mean, variance, skewness and kurtosis. */
    private static double[] moments(float[] x) {
        double mean = 0;
        for (float v : x) mean += v;
        mean /= x.length;
        double m2 = 0, m3 = 0, m4 = 0;
        for (float v : x) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        m2 /= x.length;
        m3 /= x.length;
        m4 /= x.length;
        return new double[] {mean, m2, m3 / Math.pow(m2, 1.5), m4 / (m2 * m2)};
    }
}
