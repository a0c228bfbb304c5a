package io.neurite.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The notes' Hopfield network (seeds/004): Hebbian weights, w_ii = 0, sign update with θ = 0. */
class HopfieldTest {

    /** 5x5 letters T, L and X as ±1 (1 = ink). */
    static final int[][] LETTERS = {
            pixels("#####", "..#..", "..#..", "..#..", "..#.."),
            pixels("#....", "#....", "#....", "#....", "#####"),
            pixels("#...#", ".#.#.", "..#..", ".#.#.", "#...#"),
    };

    static int[] pixels(String... rows) {
        int[] p = new int[25];
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) p[r * 5 + c] = rows[r].charAt(c) == '#' ? 1 : -1;
        }
        return p;
    }

    static int[] flip(int[] p, int... indices) {
        int[] q = p.clone();
        for (int i : indices) q[i] = -q[i];
        return q;
    }

    @Test
    void hebbianWeightsAreSymmetricWithZeroDiagonal() {
        Hopfield net = new Hopfield(3, false);
        net.store(new int[] {1, -1, 1}, new int[] {1, 1, -1});
        // w_ij = Σ_p x_i^p x_j^p, i != j
        assertArrayEquals(new double[][] {{0, 0, 0}, {0, 0, -2}, {0, -2, 0}}, net.weights());
        Hopfield scaled = new Hopfield(3, true);
        scaled.store(new int[] {1, -1, 1}, new int[] {1, 1, -1});
        assertEquals(-2.0 / 3, scaled.weights()[1][2], 1e-12);
        assertEquals(2, net.storedPatterns());
    }

    @Test
    void recallsEachStoredLetterFromACorruptedCopy() {
        for (Hopfield.Update update : Hopfield.Update.values()) {
            Hopfield net = new Hopfield(25, true);
            net.store(LETTERS);
            for (int k = 0; k < LETTERS.length; k++) {
                assertEquals(net.recall(LETTERS[k], 5, update).steps(), 1, "a stored pattern is a fixed point");
                int[] noisy = flip(LETTERS[k], 0, 7, 13, 24);
                Hopfield.Recall recall = net.recall(noisy, 20, update);
                assertTrue(recall.converged(), update + " letter " + k);
                assertArrayEquals(LETTERS[k], recall.state(), update + " letter " + k);
            }
        }
    }

    @Test
    void energyDropsFromTheCorruptedCopyToTheStoredPattern() {
        Hopfield net = new Hopfield(25, false);
        net.store(LETTERS);
        int[] noisy = flip(LETTERS[1], 2, 5, 20);
        assertTrue(net.energy(LETTERS[1]) < net.energy(noisy),
                net.energy(LETTERS[1]) + " vs " + net.energy(noisy));
        // E = -1/2 Σ w_ij s_i s_j: for one stored pattern, -(N^2 - N)/2
        Hopfield single = new Hopfield(4, false);
        single.store(new int[] {1, -1, 1, 1});
        assertEquals(-6.0, single.energy(new int[] {1, -1, 1, 1}));
        assertEquals(-6.0, single.energy(new int[] {-1, 1, -1, -1}), "the negated pattern is an attractor too");
    }

    @Test
    void synchronousUpdatesCanOscillateWhereAsynchronousOnesSettle() {
        Hopfield net = new Hopfield(2, false);
        net.store(new int[] {1, -1});   // w_12 = w_21 = -1
        Hopfield.Recall sync = net.recall(new int[] {1, 1}, 6, Hopfield.Update.SYNCHRONOUS);
        assertEquals(false, sync.converged());
        assertArrayEquals(new int[] {1, 1}, sync.state(), "a 2-cycle: [1, 1] -> [-1, -1] -> [1, 1] ...");
        Hopfield.Recall async = net.recall(new int[] {1, 1}, 6, Hopfield.Update.ASYNCHRONOUS);
        assertTrue(async.converged());
        assertArrayEquals(new int[] {-1, 1}, async.state());
    }

    @Test
    void misuseIsReported() {
        Hopfield net = new Hopfield(4, false);
        var e = assertThrows(IllegalArgumentException.class, () -> net.store(new int[] {1, 0, 1, 1}));
        assertTrue(e.getMessage().contains("Hopfield.store") && e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.recall(new int[] {1, 1}, 3));
        assertTrue(e.getMessage().contains("pattern of 4 values, got 2"), e.getMessage());
    }
}
