package io.neurite.nn.loss;

import io.neurite.nn.F;
import io.neurite.tensor.Tensor;
import io.neurite.testing.Fixtures;
import io.neurite.testing.Fixtures.FixtureCase;
import io.neurite.testing.Fixtures.FixtureFile;
import io.neurite.testing.Fixtures.FixtureTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The PyTorch cases of {@code nn_losses.json} (written by {@code scripts/fixtures/gen_nn_losses.py}) and
 * how each op id is computed in Neurite: through {@link F}, and through the loss modules.
 */
final class LossFixtures {

    static final FixtureFile FILE = Fixtures.load("fixtures/nn_losses.json");

    private LossFixtures() {}

    /** Op id -> the call of the functional form. */
    static final Map<String, BiFunction<List<Tensor>, FixtureCase, Tensor>> FUNCTIONS = Map.ofEntries(
            Map.entry("softmax", (in, c) -> F.softmax(in.get(0), c.argInt("dim"))),
            Map.entry("logSoftmax", (in, c) -> F.logSoftmax(in.get(0), c.argInt("dim"))),
            Map.entry("mseLoss", (in, c) -> F.mseLoss(in.get(0), in.get(1), reduction(c))),
            Map.entry("l1Loss", (in, c) -> F.l1Loss(in.get(0), in.get(1), reduction(c))),
            Map.entry("smoothL1Loss", (in, c) -> F.smoothL1Loss(in.get(0), in.get(1), reduction(c),
                    c.argFloat("beta", 1f))),
            Map.entry("huberLoss", (in, c) -> F.huberLoss(in.get(0), in.get(1), reduction(c), c.argFloat("delta", 1f))),
            Map.entry("crossEntropy", (in, c) -> F.crossEntropy(in.get(0), in.get(1), weight(in, c), ignoreIndex(c),
                    reduction(c), c.argFloat("labelSmoothing", 0f))),
            Map.entry("nllLoss", (in, c) -> F.nllLoss(in.get(0), in.get(1), weight(in, c), ignoreIndex(c),
                    reduction(c))),
            Map.entry("binaryCrossEntropy", (in, c) -> F.binaryCrossEntropy(in.get(0), in.get(1), weight(in, c),
                    reduction(c))),
            Map.entry("binaryCrossEntropyWithLogits", (in, c) -> F.binaryCrossEntropyWithLogits(in.get(0), in.get(1),
                    weight(in, c), posWeight(in, c), reduction(c))),
            Map.entry("klDiv", (in, c) -> F.klDiv(in.get(0), in.get(1), reduction(c), c.argBool("logTarget", false))),
            Map.entry("cosineEmbeddingLoss", (in, c) -> F.cosineEmbeddingLoss(in.get(0), in.get(1), in.get(2),
                    c.argFloat("margin", 0f), reduction(c))),
            Map.entry("marginRankingLoss", (in, c) -> F.marginRankingLoss(in.get(0), in.get(1), in.get(2),
                    c.argFloat("margin", 0f), reduction(c))),
            Map.entry("hingeEmbeddingLoss", (in, c) -> F.hingeEmbeddingLoss(in.get(0), in.get(1),
                    c.argFloat("margin", 1f), reduction(c))));

    /** Op id -> the same computation through the loss module configured from the case's args. */
    static final Map<String, BiFunction<List<Tensor>, FixtureCase, Tensor>> MODULES = Map.ofEntries(
            Map.entry("mseLoss", (in, c) -> new MSELoss(reduction(c)).forward(in.get(0), in.get(1))),
            Map.entry("l1Loss", (in, c) -> new L1Loss(reduction(c)).forward(in.get(0), in.get(1))),
            Map.entry("smoothL1Loss", (in, c) -> SmoothL1Loss.builder().reduction(reduction(c))
                    .beta(c.argFloat("beta", 1f)).build().forward(in.get(0), in.get(1))),
            Map.entry("huberLoss", (in, c) -> HuberLoss.builder().reduction(reduction(c))
                    .delta(c.argFloat("delta", 1f)).build().forward(in.get(0), in.get(1))),
            Map.entry("crossEntropy", (in, c) -> CrossEntropyLoss.builder().weight(weight(in, c))
                    .ignoreIndex(ignoreIndex(c)).reduction(reduction(c)).labelSmoothing(c.argFloat("labelSmoothing", 0f))
                    .build().forward(in.get(0), in.get(1))),
            Map.entry("nllLoss", (in, c) -> NLLLoss.builder().weight(weight(in, c)).ignoreIndex(ignoreIndex(c))
                    .reduction(reduction(c)).build().forward(in.get(0), in.get(1))),
            Map.entry("binaryCrossEntropy", (in, c) -> BCELoss.builder().weight(weight(in, c)).reduction(reduction(c))
                    .build().forward(in.get(0), in.get(1))),
            Map.entry("binaryCrossEntropyWithLogits", (in, c) -> BCEWithLogitsLoss.builder().weight(weight(in, c))
                    .posWeight(posWeight(in, c)).reduction(reduction(c)).build().forward(in.get(0), in.get(1))),
            Map.entry("klDiv", (in, c) -> KLDivLoss.builder().reduction(reduction(c))
                    .logTarget(c.argBool("logTarget", false)).build().forward(in.get(0), in.get(1))),
            Map.entry("cosineEmbeddingLoss", (in, c) -> CosineEmbeddingLoss.builder().margin(c.argFloat("margin", 0f))
                    .reduction(reduction(c)).build().forward(in.get(0), in.get(1), in.get(2))),
            Map.entry("marginRankingLoss", (in, c) -> MarginRankingLoss.builder().margin(c.argFloat("margin", 0f))
                    .reduction(reduction(c)).build().forward(in.get(0), in.get(1), in.get(2))),
            Map.entry("hingeEmbeddingLoss", (in, c) -> HingeEmbeddingLoss.builder().margin(c.argFloat("margin", 1f))
                    .reduction(reduction(c)).build().forward(in.get(0), in.get(1))));

    static Reduction reduction(FixtureCase c) {
        return c.has("reduction") ? Reduction.of(c.argString("reduction")) : Reduction.MEAN;
    }

    private static int ignoreIndex(FixtureCase c) {
        return c.argInt("ignoreIndex", F.DEFAULT_IGNORE_INDEX);
    }

    private static Tensor weight(List<Tensor> in, FixtureCase c) {
        return c.argBool("weight", false) ? in.get(2) : null;
    }

    private static Tensor posWeight(List<Tensor> in, FixtureCase c) {
        return c.argBool("posWeight", false) ? in.get(c.argBool("weight", false) ? 3 : 2) : null;
    }

    /** The base tensors of a case's inputs (leaves, requiring grad as in PyTorch). */
    static List<Tensor> bases(FixtureCase c) {
        List<Tensor> out = new ArrayList<>();
        for (FixtureTensor t : c.inputs()) {
            Tensor base = t.isInt() ? Tensor.ofInts(t.intData(), t.shape()) : Tensor.of(t.data(), t.shape());
            if (t.requiresGrad()) base.requiresGrad(true);
            out.add(base);
        }
        return out;
    }

    /** The inputs the op sees: the bases with their views applied. */
    static List<Tensor> views(FixtureCase c, List<Tensor> bases) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < bases.size(); i++) {
            FixtureTensor t = c.input(i);
            int[] a = t.viewArgs();
            out.add(!t.hasView() ? bases.get(i) : switch (t.viewKind()) {
                case "transpose" -> bases.get(i).transpose(a[0], a[1]);
                default -> throw new IllegalArgumentException("unexpected view " + t.viewKind());
            });
        }
        return out;
    }

    /** Runs {@code op} on the case's inputs and checks the output and the gradient of every input against PyTorch. */
    static void check(FixtureCase c, BiFunction<List<Tensor>, FixtureCase, Tensor> op) {
        List<Tensor> bases = bases(c);
        Tensor out = op.apply(views(c, bases), c);
        c.assertOutput(out.shape().dims(), out.toFloatArray());
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
}
