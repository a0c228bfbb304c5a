package io.neurite.tensor;

import io.neurite.testing.Fixtures;
import io.neurite.testing.Fixtures.FixtureCase;
import io.neurite.testing.Fixtures.FixtureTensor;
import java.util.ArrayList;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PyTorch fixture case of every op in {@link FixtureOps}: outputs, then the gradients of
 * {@code sum(output * gradOutput)} with respect to each input, against PyTorch's.
 */
class FixtureConformanceTest {

    static Stream<FixtureCase> cases() {
        return Fixtures.all().stream().filter(c -> FixtureOps.OPS.containsKey(c.op()));
    }

    @Test
    void everyOpOfTheFixturesIsMapped() {
        Set<String> missing = new TreeSet<>(Fixtures.ops());
        missing.removeAll(FixtureOps.OPS.keySet());
        assertTrue(missing.isEmpty(), "fixture ops with no Neurite mapping: " + missing);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(FixtureCase c) {
        List<Tensor> bases = new ArrayList<>(), inputs = new ArrayList<>();
        for (FixtureTensor t : c.inputs()) {
            Tensor base = t.isInt() ? Tensor.ofInts(t.intData(), t.shape()) : Tensor.of(t.data(), t.shape());
            if (t.requiresGrad()) base.requiresGrad(true);
            bases.add(base);
            inputs.add(applyView(base, t));
        }
        List<Tensor> outputs = FixtureOps.OPS.get(c.op()).apply(inputs, c);
        for (int i = 0; i < outputs.size(); i++) {
            Tensor out = outputs.get(i);
            if (c.output(i).isInt()) {
                c.assertIntOutput(i, out.shape().dims(), out.toIntArray());
            } else {
                c.assertOutput(i, out.shape().dims(), out.toFloatArray());
            }
        }
        if (!c.hasGradients()) return;
        Tensor total = null;
        for (int i = 0; i < outputs.size(); i++) {
            FixtureTensor g = c.gradOutputs().get(i);
            if (g == null || !outputs.get(i).requiresGrad()) continue;
            Tensor term = outputs.get(i).mul(Tensor.of(g.data(), g.shape())).sum();
            total = total == null ? term : total.add(term);
        }
        if (total == null) return;
        total.backward();
        for (int i = 0; i < bases.size(); i++) {
            FixtureTensor expected = c.grad(i);
            if (expected == null) continue;
            Tensor grad = bases.get(i).grad();
            float[] actual = grad == null ? new float[expected.numel()] : grad.toFloatArray();
            c.assertGrad(i, grad == null ? expected.shape() : grad.shape().dims(), actual);
        }
    }

    private static Tensor applyView(Tensor base, FixtureTensor t) {
        if (!t.hasView()) return base;
        int[] a = t.viewArgs();
        return switch (t.viewKind()) {
            case "transpose" -> base.transpose(a[0], a[1]);
            case "permute" -> base.permute(a);
            case "expand" -> base.expand(a);
            case "slice" -> base.slice(a[0], a[1], a[2], a[3]);
            default -> throw new IllegalArgumentException("unknown fixture view " + t.viewKind());
        };
    }
}
