package io.neurite.models;

import java.util.Arrays;

/**
 * A Hopfield network (seeds/004): N binary neurons with states ±1, Hebbian weights
 * w_ij = Σ_p x_i^p x_j^p (optionally divided by N), no self-connections (w_ii = 0), and the update
 * O_i = 1 if Σ_j w_ij O_j > θ, -1 if it is < θ, with θ = 0; a neuron whose sum is exactly θ keeps its
 * state. Stored patterns are attractors: recall from a corrupted copy falls back to the pattern.
 *
 * <pre>{@code
 * Hopfield net = new Hopfield(25, true);
 * net.store(patternA, patternB);
 * int[] restored = net.recall(noisyA, 10).state();
 * }</pre>
 */
public final class Hopfield {

    /** How neurons are updated in one step. */
    public enum Update {
        /** All neurons at once from the previous state. */
        SYNCHRONOUS,
        /** One neuron after another (index order), each seeing the ones already updated in this sweep. */
        ASYNCHRONOUS
    }

    private final int size;
    private final boolean normalize;
    private final double[][] weights;
    private int storedPatterns;

    /** {@code normalize}: divide the Hebbian sums by N (the attractors are the same, energies scale by 1/N). */
    public Hopfield(int size, boolean normalize) {
        if (size < 2) {
            throw new IllegalArgumentException("Hopfield: expected at least 2 neurons, got " + size);
        }
        this.size = size;
        this.normalize = normalize;
        this.weights = new double[size][size];
    }

    public int size() {
        return size;
    }

    public int storedPatterns() {
        return storedPatterns;
    }

    /** A copy of the symmetric weight matrix. */
    public double[][] weights() {
        double[][] copy = new double[size][];
        for (int i = 0; i < size; i++) copy[i] = weights[i].clone();
        return copy;
    }

    /** Adds the patterns (values ±1) to the weights: w_ij += x_i x_j (/ N), i != j. */
    public void store(int[]... patterns) {
        for (int[] p : patterns) checkPattern("store", p);
        double scale = normalize ? 1.0 / size : 1.0;
        for (int[] p : patterns) {
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    if (i != j) weights[i][j] += scale * p[i] * p[j];
                }
            }
            storedPatterns++;
        }
    }

    /** Asynchronous recall: see {@link #recall(int[], int, Update)}. */
    public Recall recall(int[] pattern, int maxSteps) {
        return recall(pattern, maxSteps, Update.ASYNCHRONOUS);
    }

    /**
     * Updates the state from {@code pattern} until a step changes nothing (a fixed point) or
     * {@code maxSteps} steps have run; an asynchronous step is one sweep over all neurons.
     */
    public Recall recall(int[] pattern, int maxSteps, Update update) {
        checkPattern("recall", pattern);
        if (maxSteps < 1) {
            throw new IllegalArgumentException("Hopfield.recall: expected maxSteps >= 1, got " + maxSteps);
        }
        int[] state = pattern.clone();
        for (int step = 1; step <= maxSteps; step++) {
            int[] source = update == Update.SYNCHRONOUS ? state.clone() : state;
            boolean changed = false;
            for (int i = 0; i < size; i++) {
                int next = activate(i, source, state[i]);
                changed |= next != state[i];
                state[i] = next;
            }
            if (!changed) return new Recall(state, step, true);
        }
        return new Recall(state, maxSteps, false);
    }

    /** E = -1/2 Σ_ij w_ij s_i s_j: never increases under asynchronous updates. */
    public double energy(int[] state) {
        checkPattern("energy", state);
        double e = 0;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) e += weights[i][j] * state[i] * state[j];
        }
        return -0.5 * e;
    }

    private int activate(int i, int[] source, int current) {
        double sum = 0;
        for (int j = 0; j < size; j++) sum += weights[i][j] * source[j];
        return sum > 0 ? 1 : sum < 0 ? -1 : current;
    }

    private void checkPattern(String op, int[] p) {
        if (p.length != size) {
            throw new IllegalArgumentException("Hopfield." + op + ": expected a pattern of " + size + " values, got "
                    + p.length);
        }
        for (int v : p) {
            if (v != 1 && v != -1) {
                throw new IllegalArgumentException("Hopfield." + op + ": expected values of -1 or 1, got " + v
                        + " in " + Arrays.toString(p) + "; hint: map binary 0/1 data with 2x - 1");
            }
        }
    }

    /** The final state, the number of steps run, and whether the last step changed nothing. */
    public record Recall(int[] state, int steps, boolean converged) {

        public Recall {
            state = state.clone();
        }

        @Override
        public int[] state() {
            return state.clone();
        }
    }
}
