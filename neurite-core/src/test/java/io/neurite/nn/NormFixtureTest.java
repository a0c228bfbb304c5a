package io.neurite.nn;

import io.neurite.testing.Fixtures;
import io.neurite.testing.Fixtures.FixtureCase;
import io.neurite.testing.Fixtures.FixtureTensor;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code nn_norm.json} (written by {@code scripts/fixtures/gen_nn_norm.py}): batch,
 * instance, layer, group and local response normalization, functional and as layers, against
 * PyTorch's outputs, gradients and updated running statistics.
 */
class NormFixtureTest {

    static Stream<FixtureCase> cases() {
        return Fixtures.load("fixtures/nn_norm.json").cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(FixtureCase c) {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) c.args().get("inputs");
        Map<String, Tensor> bases = new LinkedHashMap<>(), in = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            FixtureTensor t = c.input(i);
            Tensor base = Tensor.of(t.data(), t.shape());
            if (t.requiresGrad()) base.requiresGrad(true);
            bases.put(names.get(i), base);
            int[] v = t.viewArgs();
            in.put(names.get(i), t.hasView() ? base.transpose(v[0], v[1]) : base);
        }
        Map<String, Tensor> gradHolders = new LinkedHashMap<>(bases);
        List<Tensor> ys = new ArrayList<>(), stats = new ArrayList<>();
        run(c, in, ys, stats, gradHolders);

        List<Tensor> outputs = new ArrayList<>(ys);
        outputs.addAll(stats);
        for (int i = 0; i < outputs.size(); i++) {
            Tensor out = outputs.get(i);
            if (c.output(i).isInt()) {
                c.assertIntOutput(i, out.shape().dims(), out.toIntArray());
            } else {
                c.assertOutput(i, out.shape().dims(), out.toFloatArray());
            }
        }
        Tensor total = null;
        for (int i = 0; i < ys.size(); i++) {
            FixtureTensor g = c.gradOutputs().get(i);
            Tensor term = ys.get(i).mul(Tensor.of(g.data(), g.shape())).sum();
            total = total == null ? term : total.add(term);
        }
        total.backward();
        for (int i = 0; i < names.size(); i++) {
            FixtureTensor expected = c.grad(i);
            if (expected == null) continue;
            Tensor grad = gradHolders.get(names.get(i)).grad();
            float[] actual = grad == null ? new float[expected.numel()] : grad.toFloatArray();
            c.assertGrad(i, grad == null ? expected.shape() : grad.shape().dims(), actual);
        }
    }

    /** Runs the case's op: the y's into {@code ys}, running statistics into {@code stats}. */
    private static void run(FixtureCase c, Map<String, Tensor> in, List<Tensor> ys, List<Tensor> stats,
                            Map<String, Tensor> gradHolders) {
        Tensor w = in.get("weight"), b = in.get("bias"), rm = in.get("runningMean"), rv = in.get("runningVar");
        switch (c.op()) {
            case "batchNorm", "instanceNorm" -> {
                boolean batch = c.op().equals("batchNorm");
                for (int i = 0; in.containsKey("input" + i); i++) {
                    Tensor x = in.get("input" + i);
                    ys.add(batch
                            ? F.batchNorm(x, rm, rv, w, b, c.argBool("training"), c.argDouble("momentum"),
                                    c.argDouble("eps"))
                            : F.instanceNorm(x, rm, rv, w, b, c.argBool("useInputStats"), c.argDouble("momentum"),
                                    c.argDouble("eps")));
                }
                if (rm != null) stats.addAll(List.of(rm, rv));
            }
            case "layer" -> runLayer(c, in, ys, stats, gradHolders);
            case "layerNorm" -> ys.add(F.layerNorm(in.get("input0"), c.argInts("normalizedShape"), w, b,
                    c.argDouble("eps")));
            case "groupNorm" -> ys.add(F.groupNorm(in.get("input0"), c.argInt("numGroups"), w, b, c.argDouble("eps")));
            case "localResponseNorm" -> ys.add(F.localResponseNorm(in.get("input0"), c.argInt("size"),
                    c.argDouble("alpha"), c.argDouble("beta"), c.argDouble("k")));
            default -> throw new IllegalArgumentException("unknown op " + c.op());
        }
    }

    private static void runLayer(FixtureCase c, Map<String, Tensor> in, List<Tensor> ys, List<Tensor> stats,
                                 Map<String, Tensor> gradHolders) {
        int features = c.argInt("numFeatures");
        Object momentum = c.args().get("momentum");
        NormBuilder<? extends NormBase> builder = switch (c.argString("layer")) {
            case "BatchNorm1d" -> BatchNorm1d.builder(features);
            case "BatchNorm2d" -> BatchNorm2d.builder(features);
            case "InstanceNorm2d" -> InstanceNorm2d.builder(features);
            default -> throw new IllegalArgumentException("unknown layer " + c.argString("layer"));
        };
        NormBase layer = builder.eps(c.argDouble("eps")).momentum(momentum == null ? null : c.argDouble("momentum"))
                .affine(c.argBool("affine")).trackRunningStats(c.argBool("trackRunningStats")).build();
        if (layer.affine) {
            layer.loadStateDict(Map.of("weight", in.get("weight"), "bias", in.get("bias")), false);
            gradHolders.put("weight", layer.weight());
            gradHolders.put("bias", layer.bias());
        }
        @SuppressWarnings("unchecked")
        List<String> modes = (List<String>) c.args().get("modes");
        for (int i = 0; i < modes.size(); i++) {
            layer.train(modes.get(i).equals("train"));
            ys.add(layer.forward(in.get("input" + i)));
        }
        if (layer.trackRunningStats) stats.addAll(List.of(layer.runningMean(), layer.runningVar(),
                layer.numBatchesTracked()));
    }
}
