package io.neurite.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Finite-difference gradient checking, like PyTorch's {@code gradcheck}: compares the gradients that
 * backward computes with central differences {@code (f(x + eps) - f(x - eps)) / 2 eps}.
 *
 * <p>A non-scalar output is reduced to the scalar {@code sum(f(x) * v)} with a fixed random {@code v},
 * which checks the whole vector-Jacobian product. Values are float32, so defaults are loose enough for
 * single precision: {@code eps = 1e-2}, pass when {@code |num - ana| <= atol + rtol |num|} with
 * {@code atol = rtol = 1e-2}. Inputs that require grad are perturbed in place; keep them leaves.
 *
 * <pre>{@code
 * Tensor x = Tensor.randn(3, 4).requiresGrad(true);
 * GradCheck.Result r = GradCheck.check(in -> in[0].tanh(), x);
 * if (!r.passed()) throw new AssertionError(r.report());
 * }</pre>
 */
public final class GradCheck {

    /** The outcome: whether every element agreed, and a per-element report of those that did not. */
    public record Result(boolean passed, int checked, List<String> mismatches) {

        /** One line per disagreeing element: input, index, numerical and analytical values. */
        public String report() {
            if (passed) return "gradcheck: all " + checked + " gradient elements agree";
            return "gradcheck: " + mismatches.size() + " of " + checked + " gradient elements disagree\n"
                    + String.join("\n", mismatches);
        }
    }

    private GradCheck() {}

    public static Result check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return check(f, 1e-2, 1e-2, 1e-2, inputs);
    }

    public static Result check(Function<Tensor[], Tensor> f, double eps, double atol, double rtol, Tensor... inputs) {
        Tensor probe = f.apply(inputs);
        float[] weights = projection(probe.numel());
        for (Tensor in : inputs) if (in.requiresGrad()) in.setGrad(null);
        Tensor projected = probe.mul(Tensor.wrap(weights, probe.shape)).sum();
        projected.backward();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < inputs.length; i++) {
            Tensor in = inputs[i];
            if (!in.requiresGrad()) continue;
            float[] analytical = in.grad() == null ? new float[in.numel()] : in.grad().toFloatArray();
            if (!in.isContiguous() || in.storage.floats.length != in.numel() || in.offset != 0) {
                throw new IllegalArgumentException("gradcheck: input " + i + " must be a dense contiguous leaf, got shape "
                        + in.shape + " with strides " + java.util.Arrays.toString(in.strides));
            }
            float[] data = in.storage.floats;
            for (int e = 0; e < data.length; e++) {
                float saved = data[e];
                data[e] = (float) (saved + eps);
                double plus = value(f, inputs, weights);
                data[e] = (float) (saved - eps);
                double minus = value(f, inputs, weights);
                data[e] = saved;
                double numerical = (plus - minus) / (2 * eps);
                double diff = Math.abs(numerical - analytical[e]);
                checked++;
                if (!(diff <= atol + rtol * Math.abs(numerical))) {
                    mismatches.add(String.format("  input %d element %s: numerical %.6g, analytical %.6g, difference %.3g",
                            i, index(in.shape, e), numerical, (double) analytical[e], diff));
                }
            }
        }
        return new Result(mismatches.isEmpty(), checked, List.copyOf(mismatches));
    }

    private static double value(Function<Tensor[], Tensor> f, Tensor[] inputs, float[] weights) {
        float[] out;
        try (var scope = Autograd.noGrad()) {
            out = f.apply(inputs).toFloatArray();
        }
        double s = 0;
        for (int i = 0; i < out.length; i++) s += (double) out[i] * weights[i];
        return s;
    }

    /** Fixed weights in [0.5, 1.5) with random signs: no cancellation, the same every run. */
    private static float[] projection(int n) {
        Random random = new Random(42);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) w[i] = (float) ((0.5 + random.nextDouble()) * (random.nextBoolean() ? 1 : -1));
        return w;
    }

    private static String index(Shape shape, int flat) {
        int[] idx = new int[shape.rank()];
        for (int d = shape.rank() - 1; d >= 0; d--) {
            int size = shape.raw()[d];
            idx[d] = flat % size;
            flat /= size;
        }
        return java.util.Arrays.toString(idx);
    }
}
