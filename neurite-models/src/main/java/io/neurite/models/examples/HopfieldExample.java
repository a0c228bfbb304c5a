package io.neurite.models.examples;

import io.neurite.models.Hopfield;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Hopfield network as the notes define it (seeds/004, "Hopfield networks (idea only)"): states ±1,
 * Hebbian weights w_ij = Σ_p x_i^p x_j^p, no self-connections, and O_i(t) = sign(Σ_j w_ij O_j(t - 1)) with
 * θ = 0 (all neurons from the previous state: synchronous). The notes give no patterns; this example stores
 * the 5x5 letters T, L and X (25 neurons, 3 patterns, under the 0.14 N capacity) and recalls each from a copy
 * with 4 of its 25 pixels flipped.
 */
public final class HopfieldExample implements WorkedExample<HopfieldExample.Values> {

    static final String[] NAMES = {"T", "L", "X"};
    static final int[][] LETTERS = {
            pixels("#####", "..#..", "..#..", "..#..", "..#.."),
            pixels("#....", "#....", "#....", "#....", "#####"),
            pixels("#...#", ".#.#.", "..#..", ".#.#.", "#...#"),
    };
    /** The pixels flipped to corrupt each letter (row-major indices). */
    static final int[] FLIPPED = {0, 7, 13, 24};
    static final int MAX_STEPS = 20;

    /** The stored letters, their corrupted copies, and the recall from each copy. */
    public record Values(int[][] stored, int[][] corrupted, Hopfield.Recall[] recalls, double[][] weights) {}

    @Override
    public String name() {
        return "hopfield";
    }

    @Override
    public String title() {
        return "Hopfield network: store the letters T, L, X (5x5) and recall each from a corrupted copy";
    }

    @Override
    public String source() {
        return "seeds/004, \"Hopfield networks (idea only)\"";
    }

    /** Stores the letters (unnormalized Hebbian sums, as the notes) and recalls each corrupted copy. */
    public static Values compute() {
        Hopfield net = new Hopfield(25, false);
        net.store(LETTERS);
        int[][] corrupted = new int[LETTERS.length][];
        Hopfield.Recall[] recalls = new Hopfield.Recall[LETTERS.length];
        for (int k = 0; k < LETTERS.length; k++) {
            corrupted[k] = LETTERS[k].clone();
            for (int i : FLIPPED) corrupted[k][i] = -corrupted[k][i];
            recalls[k] = net.recall(corrupted[k], MAX_STEPS, Hopfield.Update.SYNCHRONOUS);
        }
        return new Values(LETTERS, corrupted, recalls, net.weights());
    }

    @Override
    public Report<Values> run(PrintStream out) {
        Values v = compute();
        out.println("  stored   corrupted  recalled");
        List<Check> checks = new ArrayList<>();
        for (int k = 0; k < LETTERS.length; k++) {
            int[] recalled = v.recalls()[k].state();
            for (int r = 0; r < 5; r++) {
                out.println("  " + row(LETTERS[k], r) + "    " + row(v.corrupted()[k], r) + "     " + row(recalled, r));
            }
            out.println();
            boolean same = Arrays.equals(recalled, LETTERS[k]);
            checks.add(new Check("recall " + NAMES[k], "a stored pattern is an attractor: reconstructed from parts",
                    (same ? NAMES[k] + " restored" : "a different state") + " from " + FLIPPED.length
                            + " flipped pixels, fixed point after " + v.recalls()[k].steps() + " steps", same));
        }
        checks.add(0, new Check("weights", "w_ij = sum_p x_i^p x_j^p, symmetric, w_ii = 0", weightSummary(v.weights()),
                symmetricWithZeroDiagonal(v.weights())));
        return new Report<>(name(), v, checks);
    }

    private static String weightSummary(double[][] w) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double[] row : w) for (double x : row) { min = Math.min(min, x); max = Math.max(max, x); }
        String shape = symmetricWithZeroDiagonal(w) ? "symmetric, zero diagonal" : "NOT symmetric with zero diagonal";
        return w.length + "x" + w.length + ", " + shape + ", values " + (long) min + ".." + (long) max;
    }

    private static boolean symmetricWithZeroDiagonal(double[][] w) {
        for (int i = 0; i < w.length; i++) {
            if (w[i][i] != 0) return false;
            for (int j = 0; j < i; j++) if (w[i][j] != w[j][i]) return false;
        }
        return true;
    }

    private static String row(int[] p, int r) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < 5; c++) s.append(p[r * 5 + c] > 0 ? '#' : '.');
        return s.toString();
    }

    private static int[] pixels(String... rows) {
        int[] p = new int[25];
        for (int r = 0; r < 5; r++) for (int c = 0; c < 5; c++) p[r * 5 + c] = rows[r].charAt(c) == '#' ? 1 : -1;
        return p;
    }
}
