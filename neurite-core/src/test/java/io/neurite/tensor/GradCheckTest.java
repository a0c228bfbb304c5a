package io.neurite.tensor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GradCheckTest {

    private static Tensor input(float... values) {
        return Tensor.of(values, 2, values.length / 2).requiresGrad(true);
    }

    @Test
    void passesForCorrectRulesOfArithmeticUnaryViewsAndReductions() {
        Tensor a = input(0.5f, 1.2f, 2.0f, 0.7f), b = input(1.5f, 0.3f, 0.9f, 2.2f);
        Tensor row = Tensor.of(new float[] {0.4f, 1.1f}, 2).requiresGrad(true);
        assertPasses(GradCheck.check(in -> in[0].mul(in[1]).div(in[2].add(2f)).sub(in[1]), a, b, row));
        assertPasses(GradCheck.check(in -> in[0].pow(in[1]), a, b));
        assertPasses(GradCheck.check(in -> in[0].maximum(in[1]).add(in[0].minimum(in[1])), a, b));
        for (var f : java.util.List.<java.util.function.UnaryOperator<Tensor>>of(Tensor::exp, Tensor::log,
                Tensor::log1p, Tensor::sqrt, Tensor::rsqrt, Tensor::abs, Tensor::sin, Tensor::cos, Tensor::tanh,
                Tensor::sigmoid, Tensor::neg, Tensor::relu, t -> t.clamp(0.6f, 1.5f))) {
            assertPasses(GradCheck.check(in -> f.apply(in[0]), a));
        }
        assertPasses(GradCheck.check(in -> in[0].t().reshape(4).slice(0, 1, 4, 2).mul(in[0].select(1, 0)), a));
        assertPasses(GradCheck.check(in -> in[0].unsqueeze(0).expand(3, 2, 2).permute(2, 0, 1).sum(new int[] {0, 2}, true)
                .add(in[0].mean(0)), a));
    }

    @Test
    void reportsAWrongRule() {
        Tensor a = input(0.5f, 1.2f, 2.0f, 0.7f);
        // A deliberately wrong backward: claims d/dx = 1 for x^2.
        GradCheck.Result r = GradCheck.check(in -> Autograd.record("badSquare", Copy.contiguousCopy(in[0].mul(in[0])),
                new Tensor[] {in[0]}, g -> new Tensor[] {g}), a);
        assertFalse(r.passed());
        assertTrue(r.report().contains("input 0 element [1, 0]: numerical 3.10"), r.report());
    }

    private static void assertPasses(GradCheck.Result r) {
        assertTrue(r.passed(), r.report());
    }
}
