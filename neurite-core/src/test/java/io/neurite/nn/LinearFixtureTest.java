package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Tensor;
import io.neurite.testing.Fixtures;
import io.neurite.testing.Fixtures.FixtureCase;
import io.neurite.testing.Fixtures.FixtureTensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code nn_linear.json} (scripts/fixtures/gen_nn_linear.py): the activations, linear,
 * bilinear and embedding against PyTorch, values and the gradients of {@code sum(output * gradOutput)}
 * with respect to every input, weights included.
 */
class LinearFixtureTest {

    static final String FILE = "fixtures/nn_linear.json";
    static final Map<String, BiFunction<List<Tensor>, FixtureCase, Tensor>> OPS = new HashMap<>();

    static {
        OPS.put("relu", (in, c) -> F.relu(in.get(0)));
        OPS.put("relu6", (in, c) -> F.relu6(in.get(0)));
        OPS.put("leakyRelu", (in, c) -> F.leakyRelu(in.get(0), c.argDouble("negativeSlope", 0.01)));
        OPS.put("prelu", (in, c) -> F.prelu(in.get(0), in.get(1)));
        OPS.put("elu", (in, c) -> F.elu(in.get(0), c.argDouble("alpha", 1)));
        OPS.put("selu", (in, c) -> F.selu(in.get(0)));
        OPS.put("celu", (in, c) -> F.celu(in.get(0), c.argDouble("alpha", 1)));
        OPS.put("gelu", (in, c) -> F.gelu(in.get(0), c.has("approximate") && c.argString("approximate").equals("tanh")
                ? GELU.Approximate.TANH : GELU.Approximate.NONE));
        OPS.put("silu", (in, c) -> F.silu(in.get(0)));
        OPS.put("mish", (in, c) -> F.mish(in.get(0)));
        OPS.put("sigmoid", (in, c) -> F.sigmoid(in.get(0)));
        OPS.put("tanh", (in, c) -> F.tanh(in.get(0)));
        OPS.put("hardtanh", (in, c) -> F.hardtanh(in.get(0), c.argDouble("minVal", -1), c.argDouble("maxVal", 1)));
        OPS.put("hardsigmoid", (in, c) -> F.hardsigmoid(in.get(0)));
        OPS.put("hardswish", (in, c) -> F.hardswish(in.get(0)));
        OPS.put("softplus", (in, c) -> F.softplus(in.get(0), c.argDouble("beta", 1), c.argDouble("threshold", 20)));
        OPS.put("softsign", (in, c) -> F.softsign(in.get(0)));
        OPS.put("threshold", (in, c) -> F.threshold(in.get(0), c.argDouble("threshold"), c.argDouble("value")));
        OPS.put("softmax", (in, c) -> new Softmax(c.argInt("dim")).forward(in.get(0)));
        OPS.put("logSoftmax", (in, c) -> new LogSoftmax(c.argInt("dim")).forward(in.get(0)));
        OPS.put("softmin", (in, c) -> new Softmin(c.argInt("dim")).forward(in.get(0)));
        OPS.put("maxout", (in, c) -> F.maxout(in.get(0), in.get(1), in.get(2), c.argInt("pieces")));
        OPS.put("gaussianRbf", (in, c) -> F.gaussianRbf(in.get(0), in.get(1), c.argDouble("gamma")));
        OPS.put("linear", (in, c) -> in.size() == 3 ? F.linear(in.get(0), in.get(1), in.get(2))
                : F.linear(in.get(0), in.get(1)));
        OPS.put("bilinear", (in, c) -> F.bilinear(in.get(0), in.get(1), in.get(2), in.size() == 4 ? in.get(3) : null));
        OPS.put("embedding", (in, c) -> c.has("paddingIdx") ? F.embedding(in.get(0), in.get(1), c.argInt("paddingIdx"))
                : F.embedding(in.get(0), in.get(1)));
    }

    static Stream<FixtureCase> cases() {
        return Fixtures.load(FILE).cases().stream();
    }

    @Test
    void everyOpOfTheFixturesIsMapped() {
        Set<String> missing = new TreeSet<>(Fixtures.load(FILE).ops());
        missing.removeAll(OPS.keySet());
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
        Tensor out = OPS.get(c.op()).apply(inputs, c);
        c.assertOutput(out.shape().dims(), out.toFloatArray());
        if (!c.hasGradients()) return;
        FixtureTensor g = c.gradOutput();
        out.mul(Tensor.of(g.data(), g.shape())).sum().backward();
        for (int i = 0; i < bases.size(); i++) {
            FixtureTensor expected = c.grad(i);
            if (expected == null) continue;
            Tensor grad = bases.get(i).grad();
            float[] actual = grad == null ? new float[expected.numel()] : grad.toFloatArray();
            c.assertGrad(i, grad == null ? expected.shape() : grad.shape().dims(), actual);
        }
    }

    static Tensor applyView(Tensor base, FixtureTensor t) {
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
