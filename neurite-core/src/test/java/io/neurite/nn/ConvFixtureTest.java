package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neurite.nn.functional.ConvOptions;
import io.neurite.tensor.Tensor;
import io.neurite.testing.Fixtures;
import io.neurite.testing.Fixtures.FixtureCase;
import io.neurite.testing.Fixtures.FixtureTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code nn_conv.json} (written by {@code scripts/fixtures/gen_nn_conv.py}): F.conv1d/2d/3d,
 * F.convTranspose1d/2d, F.pad and the Conv layers with each padding mode, outputs and the gradients of
 * {@code sum(output * gradOutput)} for input, weight and bias, against PyTorch's.
 */
class ConvFixtureTest {

    private static final String FILE = "fixtures/nn_conv.json";

    static Stream<FixtureCase> cases() {
        return Fixtures.load(FILE).cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(FixtureCase c) {
        List<Tensor> bases = new ArrayList<>(), in = new ArrayList<>();
        for (FixtureTensor t : c.inputs()) {
            Tensor base = Tensor.of(t.data(), t.shape()).requiresGrad(true);
            bases.add(base);
            int[] v = t.hasView() ? t.viewArgs() : null;
            in.add(v == null ? base : base.transpose(v[0], v[1]));
        }
        Tensor bias = in.size() > 2 ? in.get(2) : null;
        // The tensors whose gradients are compared: the inputs, or for a layer its input and parameters.
        List<Tensor> gradOf = bases;
        Tensor out = switch (c.op()) {
            case "conv1d" -> F.conv1d(in.get(0), in.get(1), bias, options(c));
            case "conv2d" -> F.conv2d(in.get(0), in.get(1), bias, options(c));
            case "conv3d" -> F.conv3d(in.get(0), in.get(1), bias, options(c));
            case "convTranspose1d" -> F.convTranspose1d(in.get(0), in.get(1), bias, options(c));
            case "convTranspose2d" -> F.convTranspose2d(in.get(0), in.get(1), bias, options(c));
            case "pad" -> F.pad(in.get(0), c.argInts("pads"), c.has("mode") ? c.argString("mode") : "constant",
                    c.argFloat("value", 0f));
            case "Conv1d", "Conv2d", "Conv3d" -> {
                ConvNd layer = layer(c, in.get(1), bias);
                gradOf = bias == null ? List.of(bases.get(0), layer.weight())
                        : List.of(bases.get(0), layer.weight(), layer.bias());
                yield layer.forward(in.get(0));
            }
            default -> throw new IllegalArgumentException("unknown op " + c.op());
        };
        c.assertOutput(out.shape().dims(), out.toFloatArray());
        out.mul(Tensor.of(c.gradOutput().data(), c.gradOutput().shape())).sum().backward();
        for (int i = 0; i < gradOf.size(); i++) {
            Tensor g = gradOf.get(i).grad();
            c.assertGrad(i, g.shape().dims(), g.toFloatArray());
        }
    }

    private static ConvOptions options(FixtureCase c) {
        ConvOptions o = new ConvOptions();
        if (c.has("stride")) o = o.stride(c.argInts("stride"));
        if (c.has("padding")) {
            o = c.args().get("padding") instanceof String s ? o.padding(s) : o.padding(c.argInts("padding"));
        }
        if (c.has("paddingPerSide")) o = o.paddingPerSide(c.argInts("paddingPerSide"));
        if (c.has("dilation")) o = o.dilation(c.argInts("dilation"));
        if (c.has("groups")) o = o.groups(c.argInt("groups"));
        if (c.has("outputPadding")) o = o.outputPadding(c.argInts("outputPadding"));
        return o;
    }

    /** The layer of the case's op built from its args, holding the case's weight and bias. */
    private static ConvNd layer(FixtureCase c, Tensor weight, Tensor bias) {
        int groups = c.argInt("groups", 1);
        int in = weight.size(1) * groups, out = weight.size(0);
        int[] kernel = java.util.Arrays.copyOfRange(weight.shape().dims(), 2, weight.dim());
        ConvBuilder<? extends ConvNd> b = switch (c.op()) {
            case "Conv1d" -> Conv1d.builder(in, out, kernel);
            case "Conv2d" -> Conv2d.builder(in, out, kernel);
            default -> Conv3d.builder(in, out, kernel);
        };
        if (c.has("stride")) b.stride(c.argInts("stride"));
        if (c.has("padding")) {
            if (c.args().get("padding") instanceof String s) b.padding(s); else b.padding(c.argInts("padding"));
        }
        if (c.has("dilation")) b.dilation(c.argInts("dilation"));
        b.groups(groups).bias(bias != null).paddingMode(c.argString("paddingMode"));
        ConvNd layer = b.build();
        layer.loadStateDict(bias == null ? Map.of("weight", weight.detach())
                : Map.of("weight", weight.detach(), "bias", bias.detach()), true);
        assertEquals(c.argString("paddingMode"), layer.paddingMode());
        return layer;
    }
}
