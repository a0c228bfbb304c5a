package io.neurite.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Optimizer contract: groups, zeroGrad, skipping, no-grad stepping, in-place safety, closures. */
class OptimizerBehaviourTest {

    private static Tensor param(float... values) {
        return Tensor.of(values, values.length).requiresGrad(true);
    }

    @Test
    void groupsHaveTheirOwnHyperParameters() {
        Tensor backbone = param(1, 1), head = param(1, 1);
        SGD sgd = new SGD(List.of(backbone), SGD.options(0.01).withWeightDecay(0.5));
        sgd.addParamGroup(List.of(head), o -> o.withLr(0.1).withWeightDecay(0));
        backbone.setGrad(Tensor.ones(2));
        head.setGrad(Tensor.ones(2));
        sgd.step();
        assertArrayEquals(new float[] {0.985f, 0.985f}, backbone.toFloatArray(), 1e-7f);  // 1 - 0.01 * (1 + 0.5)
        assertArrayEquals(new float[] {0.9f, 0.9f}, head.toFloatArray(), 1e-7f);
        assertEquals(0.5, sgd.paramGroups().get(0).options().weightDecay());
        assertEquals(0.0, sgd.paramGroups().get(1).options().weightDecay());
    }

    @Test
    void setLrChangesTheNextStep() {
        Tensor w = param(0);
        SGD sgd = new SGD(List.of(w), 1.0);
        sgd.paramGroups().get(0).setLr(0.25);
        w.setGrad(Tensor.ones(1));
        sgd.step();
        assertEquals(-0.25f, w.item());
    }

    @Test
    void zeroGradSetsGradientsToNullAndStepSkipsThem() {
        Tensor a = param(1), b = param(2);
        Adam adam = new Adam(List.of(a, b), 0.1);
        a.setGrad(Tensor.ones(1));
        b.setGrad(Tensor.ones(1));
        adam.zeroGrad();
        assertNull(a.grad());
        assertNull(b.grad());
        a.setGrad(Tensor.ones(1));
        adam.step();
        assertEquals(2f, b.item(), "b had no gradient");
        assertNull(adam.state(b), "no state for a parameter never stepped");
        assertEquals(1.0, adam.state(a).scalar("step", 0));
    }

    @Test
    void stepRunsWithoutRecordingAndKeepsParametersLeaves() {
        Tensor w = param(1, 2);
        SGD sgd = new SGD(List.of(w), SGD.options(0.1).withMomentum(0.9));
        w.pow(2).sum().backward();
        sgd.step();
        assertTrue(w.isLeaf());
        assertTrue(w.requiresGrad());
        assertNull(w.gradFn());
        assertTrue(Autograd.isGradEnabled());
    }

    @Test
    void updatesBumpTheVersionSoAStaleBackwardFails() {
        Tensor w = param(1, 2);
        Tensor loss = w.mul(w).sum();  // saves w for the gradient
        SGD sgd = new SGD(List.of(w), 0.1);
        w.setGrad(Tensor.ones(2));
        sgd.step();
        var e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("was modified by an in-place operation"), e.getMessage());
    }

    @Test
    void updatesNonContiguousParametersThroughTheirView() {
        Tensor base = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor view = base.t().requiresGrad(true);  // a transposed leaf: its data is not row-major
        SGD sgd = new SGD(List.of(view), 1.0);
        view.setGrad(Tensor.of(new float[] {1, 0, 0, 0}, 2, 2));
        sgd.step();
        assertArrayEquals(new float[] {0, 3, 2, 4}, view.toFloatArray());
        assertArrayEquals(new float[] {0, 2, 3, 4}, base.toFloatArray());
    }

    @Test
    void closureStepEvaluatesWithGradThenSteps() {
        Tensor w = param(3);
        SGD sgd = new SGD(List.of(w), 0.1);
        Tensor loss;
        try (var scope = Autograd.noGrad()) {
            loss = sgd.step(() -> {
                sgd.zeroGrad();
                Tensor l = w.mul(w);
                l.backward();
                return l;
            });
        }
        assertEquals(9f, loss.item());
        assertEquals(2.4f, w.item(), 1e-6f);  // 3 - 0.1 * 6
    }

    @Test
    void groupsGiveMomentumOrBetas() {
        SGD sgd = new SGD(List.of(param(0)), SGD.options(0.1).withMomentum(0.9));
        ParamGroup<SGD.Options> g = sgd.paramGroups().get(0);
        g.setMomentum(0.5);
        assertEquals(0.5, sgd.paramGroups().get(0).options().momentum());
        Adam adam = new Adam(List.of(param(0)));
        ParamGroup<Adam.Options> a = adam.paramGroups().get(0);
        a.setBeta1(0.8);
        assertEquals(0.8, a.options().beta1());
        assertEquals(0.999, a.options().beta2());
        var e = assertThrows(IllegalStateException.class, a::momentum);
        assertEquals("ParamGroup.momentum: Adam has no momentum hyper-parameter; hint: momentum exists for SGD and"
                + " RMSprop (Adam's counterpart is beta1)", e.getMessage());
        assertSame(g.params().get(0), sgd.paramGroups().get(0).params().get(0));
    }

    // ---------------------------------------------------------------- misuse

    @Test
    void refusesEmptyNonLeafDuplicateAndIntParameters() {
        assertEquals("SGD: got an empty parameter list; hint: pass model.parameters(), and check that the model"
                        + " registered its parameters",
                assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(), 0.1)).getMessage());
        Tensor w = param(1, 2);
        Tensor computed = w.mul(2f);
        assertEquals("Adam: cannot optimize a non-leaf tensor (params[0] of shape [2] was produced by 'mul');"
                        + " hint: optimize the leaf it was computed from, or pass tensor.detach().requiresGrad(true)",
                assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(computed))).getMessage());
        Adam adam = new Adam(List.of(w));
        assertEquals("Adam: params[0] (shape [2]) already belongs to another parameter group; each tensor may"
                        + " appear in one group only",
                assertThrows(IllegalArgumentException.class, () -> adam.addParamGroup(List.of(w))).getMessage());
        Tensor twice = param(5);
        assertEquals("Adam: params[2] (shape [1]) is the same tensor as params[1]; each tensor may appear once",
                assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(param(4, 4), twice, twice)))
                        .getMessage());
        assertEquals("SGD: can only optimize float32 tensors, params[0] is int32", assertThrows(
                IllegalArgumentException.class, () -> new SGD(List.of(Tensor.ofInts(new int[] {1}, 1)), 0.1))
                .getMessage());
    }

    @Test
    void hyperParametersAreValidatedWithTheirValue() {
        List<Tensor> ps = List.of(param(0));
        assertMessage("Adam: beta1 must be in [0, 1), got 1.2",
                () -> new Adam(ps, Adam.options().withBetas(1.2, 0.999)));
        assertMessage("Adam: beta2 must be in [0, 1), got 1.0", () -> Adam.options().withBetas(0.9, 1.0));
        assertMessage("Adam: eps must be >= 0, got -1.0E-8", () -> Adam.options().withEps(-1e-8));
        assertMessage("SGD: lr must be >= 0, got -0.1", () -> new SGD(ps, -0.1));
        assertMessage("SGD: momentum must be >= 0, got -0.9", () -> SGD.options(0.1).withMomentum(-0.9));
        assertMessage("SGD: nesterov momentum requires momentum > 0 and dampening = 0, got momentum=0.0,"
                + " dampening=0.0", () -> SGD.options(0.1).withNesterov(true));
        assertMessage("SGD: weightDecay must be >= 0, got NaN", () -> SGD.options(0.1).withWeightDecay(Double.NaN));
        assertMessage("AdamW: weightDecay must be >= 0, got -0.01", () -> AdamW.options().withWeightDecay(-0.01));
        assertMessage("Adagrad: lrDecay must be >= 0, got -1.0", () -> Adagrad.options().withLrDecay(-1));
        assertMessage("Adagrad: initialAccumulatorValue must be >= 0, got -0.1",
                () -> Adagrad.options().withInitialAccumulatorValue(-0.1));
        assertMessage("RMSprop: alpha must be in [0, 1], got 1.5", () -> RMSprop.options().withAlpha(1.5));
        assertMessage("Adamax: beta1 must be in [0, 1), got -0.1", () -> Adamax.options().withBetas(-0.1, 0.9));
        assertMessage("NAdam: momentumDecay must be >= 0, got -0.004", () -> NAdam.options().withMomentumDecay(-0.004));
        assertMessage("RAdam: beta2 must be in [0, 1), got 1.0", () -> RAdam.options().withBetas(0.9, 1.0));
        assertMessage("Adadelta: rho must be in [0, 1], got 1.1", () -> Adadelta.options().withRho(1.1));
        assertMessage("LBFGS: historySize must be >= 1, got 0", () -> LBFGS.options().withHistorySize(0));
        assertMessage("LBFGS: maxIter must be >= 1, got 0", () -> LBFGS.options().withMaxIter(0));
        ParamGroup<SGD.Options> g = new SGD(ps, 0.1).paramGroups().get(0);
        assertMessage("SGD: lr must be >= 0, got -1.0", () -> g.setLr(-1));
        assertEquals(0.1, g.lr(), "a refused lr leaves the group as it was");
    }

    private static void assertMessage(String expected, Runnable misuse) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, misuse::run).getMessage());
    }
}
