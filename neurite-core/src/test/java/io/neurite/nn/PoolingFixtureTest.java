package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neurite.nn.functional.Interpolation;
import io.neurite.nn.functional.PoolOptions;
import io.neurite.tensor.Tensor;
import io.neurite.tensor.ValuesIndices;
import io.neurite.testing.Fixtures;
import io.neurite.testing.Fixtures.FixtureCase;
import io.neurite.testing.Fixtures.FixtureTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code fixtures/nn_pooling.json} (written by {@code scripts/fixtures/gen_nn_pooling.py}
 * with PyTorch 1.13): the F function's outputs (values, and indices exactly), then the gradients of
 * {@code sum(output * gradOutput)} with respect to each input, against PyTorch's.
 */
class PoolingFixtureTest {

    private static final String FILE = "fixtures/nn_pooling.json";

    private static final Map<String, BiFunction<List<Tensor>, FixtureCase, List<Tensor>>> OPS = Map.ofEntries(
            Map.entry("maxPool1d", (in, c) -> List.of(F.maxPool1d(in.get(0), pool(c)))),
            Map.entry("maxPool2d", (in, c) -> List.of(F.maxPool2d(in.get(0), pool(c)))),
            Map.entry("maxPool3d", (in, c) -> List.of(F.maxPool3d(in.get(0), pool(c)))),
            Map.entry("maxPool1dWithIndices", (in, c) -> pair(F.maxPool1dWithIndices(in.get(0), pool(c)))),
            Map.entry("maxPool2dWithIndices", (in, c) -> pair(F.maxPool2dWithIndices(in.get(0), pool(c)))),
            Map.entry("maxPool3dWithIndices", (in, c) -> pair(F.maxPool3dWithIndices(in.get(0), pool(c)))),
            Map.entry("maxUnpool2d", (in, c) -> List.of(F.maxUnpool2d(in.get(0), in.get(1), pool(c),
                    c.argInts("outputSize", new int[0])))),
            Map.entry("avgPool1d", (in, c) -> List.of(F.avgPool1d(in.get(0), pool(c)))),
            Map.entry("avgPool2d", (in, c) -> List.of(F.avgPool2d(in.get(0), pool(c)))),
            Map.entry("adaptiveAvgPool1d", (in, c) -> List.of(F.adaptiveAvgPool1d(in.get(0), c.argInt("outputSize")))),
            Map.entry("adaptiveAvgPool2d", (in, c) -> List.of(F.adaptiveAvgPool2d(in.get(0), c.argInts("outputSize")))),
            Map.entry("adaptiveMaxPool2d", (in, c) -> List.of(F.adaptiveMaxPool2d(in.get(0), c.argInts("outputSize")))),
            Map.entry("adaptiveMaxPool2dWithIndices",
                    (in, c) -> pair(F.adaptiveMaxPool2dWithIndices(in.get(0), c.argInts("outputSize")))),
            Map.entry("interpolate", (in, c) -> List.of(F.interpolate(in.get(0), interpolation(c)))),
            Map.entry("pixelShuffle", (in, c) -> List.of(F.pixelShuffle(in.get(0), c.argInt("upscaleFactor")))),
            Map.entry("pixelUnshuffle", (in, c) -> List.of(F.pixelUnshuffle(in.get(0), c.argInt("downscaleFactor")))));

    static Stream<FixtureCase> cases() {
        return Fixtures.load(FILE).cases().stream();
    }

    @Test
    void everyOpOfTheFixturesIsMapped() {
        Set<String> missing = new TreeSet<>(Fixtures.load(FILE).ops());
        missing.removeAll(OPS.keySet());
        assertEquals(Set.of(), missing, "fixture ops with no Neurite mapping");
        assertEquals(OPS.keySet(), Fixtures.load(FILE).ops(), "every mapped op has fixture cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(FixtureCase c) {
        List<Tensor> bases = new ArrayList<>(), inputs = new ArrayList<>();
        for (FixtureTensor t : c.inputs()) {
            Tensor base = t.isInt() ? Tensor.ofInts(t.intData(), t.shape()) : Tensor.of(t.data(), t.shape());
            if (t.requiresGrad()) base.requiresGrad(true);
            bases.add(base);
            inputs.add(view(base, t));
        }
        List<Tensor> outputs = OPS.get(c.op()).apply(inputs, c);
        for (int i = 0; i < outputs.size(); i++) {
            Tensor out = outputs.get(i);
            if (c.output(i).isInt()) {
                c.assertIntOutput(i, out.shape().dims(), out.toIntArray());
            } else {
                c.assertOutput(i, out.shape().dims(), out.toFloatArray());
            }
        }
        Tensor total = null;
        for (int i = 0; i < outputs.size(); i++) {
            FixtureTensor g = c.gradOutputs().get(i);
            if (g == null) continue;
            Tensor term = outputs.get(i).mul(Tensor.of(g.data(), g.shape())).sum();
            total = total == null ? term : total.add(term);
        }
        total.backward();
        for (int i = 0; i < bases.size(); i++) {
            Tensor grad = bases.get(i).grad();
            if (c.grad(i) != null) c.assertGrad(i, grad.shape().dims(), grad.toFloatArray());
        }
    }

    private static List<Tensor> pair(ValuesIndices vi) {
        return List.of(vi.values(), vi.indices());
    }

    static PoolOptions pool(FixtureCase c) {
        PoolOptions o = PoolOptions.of(c.argInts("kernelSize"))
                .withPadding(c.argInts("padding", new int[] {0}))
                .withDilation(c.argInts("dilation", new int[] {1}))
                .withCeilMode(c.argBool("ceilMode", false))
                .withCountIncludePad(c.argBool("countIncludePad", true))
                .withDivisorOverride(c.argInt("divisorOverride", 0));
        return c.has("stride") ? o.withStride(c.argInts("stride")) : o;
    }

    static Interpolation interpolation(FixtureCase c) {
        Interpolation how = c.has("size") ? Interpolation.size(c.argInts("size"))
                : Interpolation.scaleFactor(doubles(c.args().get("scaleFactor")));
        if (c.has("mode")) how = how.withMode(Interpolation.Mode.valueOf(c.argString("mode").toUpperCase(Locale.ROOT)));
        if (c.has("alignCorners")) how = how.withAlignCorners(c.argBool("alignCorners"));
        return how.withRecomputeScaleFactor(c.argBool("recomputeScaleFactor", false));
    }

    private static double[] doubles(Object v) {
        if (v instanceof Number n) return new double[] {n.doubleValue()};
        List<?> list = (List<?>) v;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) list.get(i)).doubleValue();
        return out;
    }

    private static Tensor view(Tensor base, FixtureTensor t) {
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
