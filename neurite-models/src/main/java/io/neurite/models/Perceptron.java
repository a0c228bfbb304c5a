package io.neurite.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rosenblatt's perceptron (1958): one neuron with a Heaviside output, h(x) = 1 if w·x >= 0 else 0,
 * where x_0 = 1 is the constant bias input (so w_0 plays the role of -θ). Learning is Rosenblatt's rule,
 * not gradient descent: δ = σ (y - h(x)) and w_i ← w_i + δ x_i, one pattern at a time.
 *
 * <pre>{@code
 * Perceptron p = new Perceptron(new double[] {1, 1, 1}, 1.0);   // w = [w_0 (bias), w_windy, w_cloudy]
 * Perceptron.Training t = p.train(new double[][] {{1, 1}, {0, 1}, {1, 0}, {0, 0}}, new int[] {0, 0, 0, 1}, 10);
 * t.steps().forEach(System.out::println);                       // the notes' table, row by row
 * }</pre>
 */
public final class Perceptron {

    private final double[] weights;
    private final double learningRate;

    /** {@code initialWeights[0]} is the bias weight w_0; the rest pair with the inputs. */
    public Perceptron(double[] initialWeights, double learningRate) {
        if (initialWeights.length < 2) {
            throw new IllegalArgumentException("Perceptron: expected at least 2 weights (bias w_0 and one input), got "
                    + initialWeights.length + "; hint: weights are [w_0, w_1, ..., w_d] with w_0 the bias");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Perceptron: expected a finite learning rate > 0, got " + learningRate);
        }
        this.weights = initialWeights.clone();
        this.learningRate = learningRate;
    }

    /** A copy of the weights [w_0 (bias), w_1, ..., w_d]. */
    public double[] weights() {
        return weights.clone();
    }

    public int inputSize() {
        return weights.length - 1;
    }

    /** h(x) = 1 if w_0 + Σ w_i x_i >= 0, else 0. */
    public int predict(double[] x) {
        checkInput(x);
        double sum = weights[0];
        for (int i = 0; i < x.length; i++) sum += weights[i + 1] * x[i];
        return sum >= 0 ? 1 : 0;
    }

    /** One learning step on pattern {@code pattern} (a label for the table): δ = σ (y - h(x)), w_i ← w_i + δ x_i. */
    public Step learn(int pattern, double[] x, int target) {
        if (target != 0 && target != 1) {
            throw new IllegalArgumentException("Perceptron.learn: expected a target of 0 or 1, got " + target);
        }
        double[] before = weights.clone();
        int output = predict(x);
        double delta = learningRate * (target - output);
        weights[0] += delta;
        for (int i = 0; i < x.length; i++) weights[i + 1] += delta * x[i];
        return new Step(pattern, x, target, before, output, delta, weights);
    }

    /**
     * Presents the patterns in order, pass after pass, until a whole pass changes nothing (that pass is
     * recorded too) or {@code maxPasses} passes have run. Patterns are numbered from 1 in the steps.
     */
    public Training train(double[][] inputs, int[] targets, int maxPasses) {
        if (inputs.length != targets.length || inputs.length == 0) {
            throw new IllegalArgumentException("Perceptron.train: expected as many targets as inputs (at least one), got "
                    + inputs.length + " inputs and " + targets.length + " targets");
        }
        List<Step> steps = new ArrayList<>();
        for (int pass = 0; pass < maxPasses; pass++) {
            boolean changed = false;
            for (int p = 0; p < inputs.length; p++) {
                Step step = learn(p + 1, inputs[p], targets[p]);
                steps.add(step);
                changed |= step.delta() != 0;
            }
            if (!changed) return new Training(List.copyOf(steps), true);
        }
        return new Training(List.copyOf(steps), false);
    }

    private void checkInput(double[] x) {
        if (x.length != inputSize()) {
            throw new IllegalArgumentException("Perceptron: expected " + inputSize() + " inputs, got " + x.length
                    + "; hint: do not include the constant bias input x_0 = 1, it is added internally");
        }
    }

    /**
     * One row of the learning table: the weights used for the output (before the update), the output
     * h(x), the adjustment δ = σ (y - h(x)) and the weights after the update.
     */
    public record Step(int pattern, double[] input, int target, double[] weightsBefore, int output, double delta,
                       double[] weightsAfter) {

        public Step {
            input = input.clone();
            weightsBefore = weightsBefore.clone();
            weightsAfter = weightsAfter.clone();
        }

        @Override
        public double[] input() {
            return input.clone();
        }

        @Override
        public double[] weightsBefore() {
            return weightsBefore.clone();
        }

        @Override
        public double[] weightsAfter() {
            return weightsAfter.clone();
        }

        /** The row as in the notes: pattern, inputs, target, w (before), h(x), δ — tab separated. */
        @Override
        public String toString() {
            StringBuilder row = new StringBuilder().append(pattern);
            for (double v : input) row.append('\t').append(format(v));
            row.append('\t').append(target);
            for (double w : weightsBefore) row.append('\t').append(format(w));
            return row.append('\t').append(output).append('\t').append(format(delta)).toString();
        }

        private static String format(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /** All steps of a training run, and whether it ended with a pass that changed nothing. */
    public record Training(List<Step> steps, boolean converged) {

        /** The weights after the last step. */
        public double[] finalWeights() {
            return steps.get(steps.size() - 1).weightsAfter();
        }

        @Override
        public String toString() {
            StringBuilder table = new StringBuilder();
            for (Step step : steps) table.append(step).append('\n');
            return table.append(converged ? "converged: w = " : "not converged: w = ")
                    .append(Arrays.toString(finalWeights())).toString();
        }
    }
}
