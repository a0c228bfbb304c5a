package io.neurite.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.nn.F;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loss modules as modules: printing, defaults, buffers in the state dict, one fused graph node, training. */
class LossModuleTest {

    @Test
    void lossesPrintAsPyTorch() {
        assertEquals("CrossEntropyLoss()", CrossEntropyLoss.builder().weight(Tensor.ones(3)).labelSmoothing(0.1f).build()
                .toString());
        assertEquals("MSELoss()", new MSELoss(Reduction.SUM).toString());
        assertEquals("BCEWithLogitsLoss()", new BCEWithLogitsLoss().toString());
        assertEquals("MarginRankingLoss()", MarginRankingLoss.builder().margin(1f).build().toString());
    }

    @Test
    void defaultsArePyTorchs() {
        CrossEntropyLoss ce = new CrossEntropyLoss();
        assertEquals(Reduction.MEAN, ce.reduction());
        assertEquals(-100, ce.ignoreIndex());
        assertEquals(0f, ce.labelSmoothing());
        assertNull(ce.weight());
        assertEquals(-100, new NLLLoss().ignoreIndex());
        assertEquals(1f, new SmoothL1Loss().beta());
        assertEquals(1f, new HuberLoss().delta());
        assertEquals(1f, new HingeEmbeddingLoss().margin());
        assertEquals(0f, new CosineEmbeddingLoss().margin());
        assertEquals(0f, new MarginRankingLoss().margin());
        assertFalse(new KLDivLoss().logTarget());
        assertEquals(Reduction.MEAN, new KLDivLoss().reduction());
        assertEquals(Reduction.BATCHMEAN, new KLDivLoss(Reduction.BATCHMEAN).reduction());
    }

    @Test
    void weightsAreBuffersUnderPyTorchsNames() {
        Tensor w = Tensor.of(new float[] {1f, 2f, 3f}, 3);
        CrossEntropyLoss ce = CrossEntropyLoss.builder().weight(w).build();
        assertEquals(List.of("weight"), List.copyOf(ce.stateDict().keySet()));
        assertEquals(0, ce.parameterCount());
        BCEWithLogitsLoss bce = BCEWithLogitsLoss.builder().weight(Tensor.ones(1)).posWeight(Tensor.ones(3)).build();
        assertEquals(List.of("weight", "pos_weight"), List.copyOf(bce.stateDict().keySet()));
        assertEquals(List.of("pos_weight"), List.copyOf(BCEWithLogitsLoss.builder().posWeight(Tensor.ones(3)).build()
                .stateDict().keySet()));
        assertTrue(new MSELoss().stateDict().isEmpty());

        CrossEntropyLoss fresh = CrossEntropyLoss.builder().weight(Tensor.zeros(3)).build();
        fresh.loadStateDict(Map.of("weight", Tensor.of(new float[] {4f, 5f, 6f}, 3)), true);
        assertArrayEquals(new float[] {4f, 5f, 6f}, fresh.weight().toFloatArray());
    }

    @Test
    void crossEntropyIsOneGraphNodeOverTheLogits() {
        Tensor logits = Tensor.randn(new Generator(3), 8, 5).requiresGrad(true);
        Tensor scaled = logits.mul(2f);
        Tensor loss = new CrossEntropyLoss().forward(scaled, Tensor.ofInts(new int[] {0, 1, 2, 3, 4, 0, 1, 2}, 8));
        assertEquals("crossEntropy", loss.gradFn().op());
        assertEquals(List.of(scaled.gradFn()), loss.gradFn().nextFunctions(), "no log-softmax node in between");
        loss.backward();
        // each row of the gradient is 2 (softmax - onehot) / N: it sums to zero
        float[] g = logits.grad().toFloatArray();
        for (int r = 0; r < 8; r++) {
            float s = 0;
            for (int c = 0; c < 5; c++) s += g[r * 5 + c];
            assertEquals(0f, s, 1e-7f);
        }
    }

    @Test
    void crossEntropyEqualsNllOfLogSoftmax() {
        Generator g = new Generator(5);
        Tensor logits = Tensor.randn(g, 6, 4, 3);
        Tensor labels = Tensor.ofInts(new int[] {0, 3, 1, 2, 2, -100, 1, 0, 3, 3, 1, 2, 0, 0, 1, 2, 3, 1}, 6, 3);
        Tensor weight = Tensor.of(new float[] {0.3f, 1f, 2f, 0.7f}, 4);
        float fused = F.crossEntropy(logits, labels, weight, -100, Reduction.MEAN, 0f).item();
        float composed = F.nllLoss(F.logSoftmax(logits, 1), labels, weight, -100, Reduction.MEAN).item();
        assertEquals(composed, fused, 1e-6f);
    }

    @Test
    void evaluationWithoutGradRecordsNothing() {
        Tensor logits = Tensor.randn(new Generator(4), 3, 4).requiresGrad(true);
        try (var scope = Autograd.noGrad()) {
            Tensor loss = new CrossEntropyLoss().forward(logits, Tensor.ofInts(new int[] {0, 1, 2}, 3));
            assertNull(loss.gradFn());
        }
    }

    @Test
    void gradientDescentOnCrossEntropyFitsALinearClassifier() {
        Generator g = new Generator(11);
        Tensor x = Tensor.randn(g, 32, 2);
        float[] xs = x.toFloatArray();
        int[] labels = new int[32];
        for (int i = 0; i < 32; i++) labels[i] = xs[2 * i] + xs[2 * i + 1] > 0 ? 1 : 0;
        Tensor y = Tensor.ofInts(labels, 32);
        Tensor w = Tensor.zeros(2, 2).requiresGrad(true);
        Loss loss = CrossEntropyLoss.builder().labelSmoothing(0.05f).build();
        float first = 0, last = 0;
        for (int step = 0; step < 50; step++) {
            w.setGrad(null);
            Tensor l = loss.forward(x.matmul(w), y);
            if (step == 0) first = l.item();
            last = l.item();
            l.backward();
            try (var scope = Autograd.noGrad()) {
                w.subInPlace(w.grad().mul(0.5f));
            }
        }
        assertEquals((float) Math.log(2), first, 1e-6f);
        assertTrue(last < 0.35f, "the loss fell from ln 2 to " + last);
    }

    @Test
    void regularizationValuesAndGradients() {
        Tensor a = Tensor.of(new float[] {1f, -2f, 0.5f}, 3).requiresGrad(true);
        Tensor b = Tensor.of(new float[] {-3f, 0f}, 2, 1).requiresGrad(true);
        Tensor frozen = Tensor.of(new float[] {10f}, 1);
        Tensor l1 = Regularization.l1(List.of(a, b, frozen));
        assertEquals(16.5f, l1.item());
        l1.backward();
        assertArrayEquals(new float[] {1f, -1f, 1f}, a.grad().toFloatArray());
        assertArrayEquals(new float[] {-1f, 0f}, b.grad().toFloatArray());
        a.setGrad(null);
        Tensor l2 = Regularization.l2(List.of(a)).mul(0.5f);
        assertEquals(2.625f, l2.item());
        l2.backward();
        assertArrayEquals(new float[] {1f, -2f, 0.5f}, a.grad().toFloatArray(), "(1/2) sum w^2 has gradient w");
        assertEquals(0f, Regularization.l2(List.of()).item());
    }

    @Test
    void anL2PenaltyOfHalfTheDecayIsWeightDecay() {
        float wd = 0.1f, lr = 0.5f;
        Tensor w = Tensor.of(new float[] {1f, -2f}, 2).requiresGrad(true);
        Regularization.l2(List.of(w)).mul(wd / 2).backward();
        float[] stepped = w.detach().sub(w.grad().mul(lr)).toFloatArray();
        assertArrayEquals(new float[] {1f - lr * wd * 1f, -2f - lr * wd * -2f}, stepped, 1e-7f);
    }

    @Test
    void pairLossesShareTheirReduction() {
        PairLoss loss = new CosineEmbeddingLoss(Reduction.SUM);
        assertSame(Reduction.SUM, loss.reduction());
        Tensor v = Tensor.of(new float[] {1f, 0f}, 1, 2);
        assertEquals(0f, loss.forward(v, v, Tensor.ones(1)).item(), 1e-6f);
        assertEquals(1f, loss.forward(v, v, Tensor.ofInts(new int[] {-1}, 1)).item(), 1e-6f);
    }
}
