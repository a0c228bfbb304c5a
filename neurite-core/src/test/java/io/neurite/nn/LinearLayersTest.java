package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.Generator;
import io.neurite.tensor.GradCheck;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LinearLayersTest {

    @Test
    void theNotesMlpOnA200x200x3ImageHas1200010Parameters() {
        assertEquals(1_200_010, new Linear(200 * 200 * 3, 10).parameterCount());
    }

    @Test
    void linearPrintsAndCountsAsPyTorch() {
        assertEquals("Linear(in_features=8, out_features=4, bias=True)", new Linear(8, 4).toString());
        assertEquals("Linear(in_features=8, out_features=4, bias=False)",
                Linear.builder(8, 4).bias(false).build().toString());
        assertEquals(32, Linear.builder(8, 4).bias(false).build().parameterCount());
        assertNull(Linear.builder(8, 4).bias(false).build().bias());
        assertEquals(java.util.List.of("weight", "bias"), java.util.List.copyOf(new Linear(2, 3).stateDict().keySet()));
    }

    @Test
    void linearDefaultInitIsUniformInOneOverSqrtFanIn() {
        Tensor.manualSeed(3);
        Linear layer = new Linear(400, 300);
        float bound = (float) (1 / Math.sqrt(400));
        float[] w = layer.weight().toFloatArray(), b = layer.bias().toFloatArray();
        float maxW = 0, maxB = 0;
        double sq = 0;
        for (float v : w) {
            maxW = Math.max(maxW, Math.abs(v));
            sq += v * v;
        }
        for (float v : b) maxB = Math.max(maxB, Math.abs(v));
        assertTrue(maxW <= bound && maxW > 0.999f * bound, "max |w| " + maxW);
        assertTrue(maxB <= bound && maxB > 0.9f * bound, "max |b| " + maxB);
        assertEquals(bound / Math.sqrt(3), Math.sqrt(sq / w.length), 0.01 * bound);
    }

    @Test
    void linearEqualsMatmulPlusBias() {
        Generator g = new Generator(5);
        Linear layer = new Linear(7, 5);
        Tensor x = Tensor.randn(g, 2, 3, 7);
        Tensor expected = x.matmul(layer.weight().t()).add(layer.bias());
        assertTrue(layer.forward(x).allClose(expected, 1e-5, 1e-6));
        Tensor v = Tensor.randn(g, 7);
        assertEquals(Shape.of(5), layer.forward(v).shape());
    }

    @Test
    void linearAndBilinearPassGradCheck() {
        Generator g = new Generator(6);
        Tensor x = Tensor.randn(g, 2, 3, 4).requiresGrad(true);
        Tensor w = Tensor.randn(g, 5, 4).requiresGrad(true);
        Tensor b = Tensor.randn(g, 5).requiresGrad(true);
        GradCheck.Result r = GradCheck.check(in -> F.linear(in[0], in[1], in[2]), x, w, b);
        assertTrue(r.passed(), r.report());
        GradCheck.Result noBias = GradCheck.check(in -> F.linear(in[0], in[1]), x, w);
        assertTrue(noBias.passed(), noBias.report());

        Tensor x1 = Tensor.randn(g, 3, 2).requiresGrad(true);
        Tensor x2 = Tensor.randn(g, 3, 4).requiresGrad(true);
        Tensor wb = Tensor.randn(g, 5, 2, 4).requiresGrad(true);
        Tensor bb = Tensor.randn(g, 5).requiresGrad(true);
        GradCheck.Result bil = GradCheck.check(in -> F.bilinear(in[0], in[1], in[2], in[3]), x1, x2, wb, bb);
        assertTrue(bil.passed(), bil.report());
    }

    @Test
    void linearTakesGradientsOnlyWhereAsked() {
        Linear layer = new Linear(3, 2);
        Tensor x = Tensor.ones(4, 3);
        layer.forward(x).sum().backward();
        assertArrayEquals(new float[] {4f, 4f}, layer.bias().grad().toFloatArray());
        assertArrayEquals(new float[] {4, 4, 4, 4, 4, 4}, layer.weight().grad().toFloatArray());
        assertNull(x.grad());
    }

    @Test
    void layersPassTheContract() {
        LayerContract.check(() -> new Linear(8, 4), Shape.of(32, 8), Shape.of(32, 4), 36);
        LayerContract.check(() -> Linear.builder(8, 4).bias(false).build(), Shape.of(2, 3, 8), Shape.of(2, 3, 4), 32);
        LayerContract.check(() -> new Linear(8, 1), Shape.of(1, 8), Shape.of(1, 1), 9);
        LayerContract.check(Identity::new, Shape.of(3, 4), Shape.of(3, 4), 0);
        LayerContract.check(Flatten::new, Shape.of(2, 3, 4, 5), Shape.of(2, 60), 0);
        LayerContract.check(() -> new Flatten(0, 1), Shape.of(2, 3, 4), Shape.of(6, 4), 0);
        LayerContract.check(() -> new Unflatten(1, 3, 4), Shape.of(2, 12), Shape.of(2, 3, 4), 0);
        LayerContract.check(BilinearLayer::new, Shape.of(6, 5), Shape.of(6, 4), 2 * 3 * 4 + 4);
        LayerContract.check(EmbeddingLayer::new, Shape.of(3, 5), Shape.of(3, 5, 4), 40);
    }

    /** Bilinear as a Layer for the contract: the first 2 features are input1, the other 3 input2. */
    static final class BilinearLayer extends Layer {
        final Bilinear bilinear = register("bilinear", new Bilinear(2, 3, 4));

        @Override
        public Tensor forward(Tensor x) {
            return bilinear.forward(x.narrow(-1, 0, 2), x.narrow(-1, 2, 3));
        }
    }

    /** Embedding as a Layer for the contract: float inputs mapped to indices in [0, 10). */
    static final class EmbeddingLayer extends Layer {
        final Embedding embedding = register("embedding", Embedding.builder(10, 4).paddingIdx(2).build());

        @Override
        public Tensor forward(Tensor x) {
            return embedding.forward(x.abs().mul(3f).clampMax(9f).toInt());
        }
    }

    @Test
    void bilinearPrintsAsPyTorchAndMatchesItsFormula() {
        Bilinear b = new Bilinear(2, 3, 4);
        assertEquals("Bilinear(in1_features=2, in2_features=3, out_features=4, bias=True)", b.toString());
        assertEquals(2 * 3 * 4, new Bilinear(2, 3, 4, false).parameterCount());
        Tensor x1 = Tensor.of(new float[] {1f, 2f}, 1, 2), x2 = Tensor.of(new float[] {0.5f, -1f, 3f}, 1, 3);
        float[] w = b.weight().toFloatArray(), bias = b.bias().toFloatArray(), y = b.forward(x1, x2).toFloatArray();
        for (int k = 0; k < 4; k++) {
            double expected = bias[k];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    expected += x1.toFloatArray()[i] * w[k * 6 + i * 3 + j] * x2.toFloatArray()[j];
                }
            }
            assertEquals(expected, y[k], 1e-5);
        }
        var e = assertThrows(ShapeException.class, () -> b.forward(Tensor.zeros(3, 2), Tensor.zeros(3, 4)));
        assertTrue(e.getMessage().startsWith("Bilinear(in1_features=2, in2_features=3, out_features=4, bias=True):"
                + " expected last dimensions 2 and 3, got input shapes [3, 2] and [3, 4]"), e.getMessage());
    }

    @Test
    void linearMisuseNamesTheLayerAndTheShapes() {
        var e = assertThrows(ShapeException.class, () -> new Linear(8, 4).forward(Tensor.zeros(32, 6)));
        assertTrue(e.getMessage().startsWith(
                "Linear(in_features=8, out_features=4, bias=True): expected last dimension 8, got input shape [32, 6]"),
                e.getMessage());
        var flat = assertThrows(ShapeException.class, () -> new Linear(12, 4).forward(Tensor.zeros(5, 3, 4)));
        assertTrue(flat.getMessage().contains("Flatten()"), flat.getMessage());
        var ints = assertThrows(IllegalArgumentException.class,
                () -> new Linear(2, 1).forward(Tensor.ofInts(new int[] {1, 2}, 1, 2)));
        assertTrue(ints.getMessage().contains("expected a float32 input, got int32"), ints.getMessage());
        var fw = assertThrows(ShapeException.class, () -> F.linear(Tensor.zeros(3, 4), Tensor.zeros(5, 3)));
        assertTrue(fw.getMessage().startsWith("linear: input shape [3, 4] and weight shape [5, 3] do not fit"),
                fw.getMessage());
        assertThrows(ShapeException.class, () -> F.linear(Tensor.zeros(3, 4), Tensor.zeros(5, 4), Tensor.zeros(4)));
    }

    @Test
    void embeddingLooksUpRowsAndPrintsAsPyTorch() {
        Embedding e = new Embedding(10, 3);
        assertEquals("Embedding(10, 3)", e.toString());
        assertEquals("Embedding(10, 3, padding_idx=9)", Embedding.builder(10, 3).paddingIdx(-1).build().toString());
        Tensor idx = Tensor.ofInts(new int[] {4, 0, 4, 9, 1, 2}, 2, 3);
        Tensor out = e.forward(idx);
        assertEquals(Shape.of(2, 3, 3), out.shape());
        assertArrayEquals(e.weight().select(0, 9).toFloatArray(), out.select(0, 1).select(0, 0).toFloatArray());
        assertEquals(Shape.of(3), e.forward(Tensor.ofInts(new int[] {7})).shape());
    }

    @Test
    void thePaddingRowStartsAtZeroAndGetsNoGradient() {
        Embedding e = Embedding.builder(5, 2).paddingIdx(0).build();
        assertArrayEquals(new float[] {0f, 0f}, e.weight().select(0, 0).toFloatArray());
        e.forward(Tensor.ofInts(new int[] {0, 3, 0, 3, 1}, 5)).sum().backward();
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 2, 2, 0, 0}, e.weight().grad().toFloatArray());
        Tensor w = Tensor.randn(new Generator(1), 5, 2).requiresGrad(true);
        GradCheck.Result r = GradCheck.check(in -> F.embedding(Tensor.ofInts(new int[] {0, 3, 3, 4}, 2, 2), in[0]), w);
        assertTrue(r.passed(), r.report());
    }

    @Test
    void fromPretrainedSharesTheTensorAndFreezesByDefault() {
        Tensor vectors = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Embedding frozen = Embedding.fromPretrained(vectors);
        assertFalse(frozen.weight().requiresGrad());
        assertEquals(6, frozen.parameterCount());
        assertArrayEquals(new float[] {5, 6, 1, 2}, frozen.forward(Tensor.ofInts(new int[] {2, 0}, 2)).toFloatArray());
        Embedding trainable = Embedding.fromPretrained(vectors, false);
        assertTrue(trainable.weight().requiresGrad());
        try (var scope = Autograd.noGrad()) {
            trainable.weight().addInPlace(1f);
        }
        assertEquals(2f, vectors.toFloatArray()[0]);  // same storage, as PyTorch
        assertThrows(IllegalArgumentException.class, () -> Embedding.fromPretrained(Tensor.zeros(3)));
    }

    @Test
    void embeddingMisuseNamesTheIndexAndItsPosition() {
        Embedding e = new Embedding(10, 3);
        var range = assertThrows(IllegalArgumentException.class,
                () -> e.forward(Tensor.ofInts(new int[] {1, 2, 3, 4, 5, 12}, 2, 3)));
        assertEquals("Embedding(10, 3): index 12 at position [1, 2] of the indices (shape [2, 3]) is out of range"
                + " for 10 embeddings (expected 0 <= index < 10)", range.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> e.forward(Tensor.ofInts(new int[] {-1}, 1)));
        assertTrue(negative.getMessage().contains("index -1 at position [0]"), negative.getMessage());
        var floats = assertThrows(IllegalArgumentException.class, () -> e.forward(Tensor.zeros(2, 3)));
        assertTrue(floats.getMessage().startsWith(
                "Embedding(10, 3): expected int32 indices, got float32 of shape [2, 3]"),
                floats.getMessage());
        var pad = assertThrows(IllegalArgumentException.class, () -> Embedding.builder(4, 2).paddingIdx(4).build());
        assertTrue(pad.getMessage().contains("padding_idx=4 must be within num_embeddings"), pad.getMessage());
    }

    @Test
    void flattenAndUnflattenPrintAndReshape() {
        assertEquals("Flatten(start_dim=1, end_dim=-1)", new Flatten().toString());
        assertEquals("Unflatten(dim=1, unflattened_size=(2, 5, 5))", new Unflatten(1, 2, 5, 5).toString());
        assertEquals("Unflatten(dim=1, unflattened_size=(5,))", new Unflatten(1, 5).toString());
        assertEquals("Identity()", new Identity().toString());
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        assertEquals(Shape.of(2, 12), new Flatten().forward(x).shape());
        assertEquals(Shape.of(2, 3, 2, 2), new Unflatten(-1, 2, 2).forward(x).shape());
        var e = assertThrows(ShapeException.class, () -> new Unflatten(1, 2, 5, 5).forward(Tensor.zeros(4, 49)));
        assertTrue(e.getMessage().startsWith("Unflatten(dim=1, unflattened_size=(2, 5, 5)): expected dimension 1"
                + " of size 50, got input shape [4, 49]"), e.getMessage());
    }
}
