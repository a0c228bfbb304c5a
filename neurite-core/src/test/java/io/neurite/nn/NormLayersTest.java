package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Generator;
import io.neurite.tensor.GradCheck;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Layer, group, instance and local response normalization: gradients, contract, printing, misuse. */
class NormLayersTest {

    private final Generator g = new Generator(21);

    private Tensor leaf(float scale, int... shape) {
        return Tensor.randn(g, shape).mul(scale).detach().requiresGrad(true);
    }

    private static void gradcheck(String what, Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.Result r = GradCheck.check(f, inputs);
        assertTrue(r.passed(), what + "\n" + r.report());
    }

    @Test
    void layerNormGradients() {
        gradcheck("last dim", in -> F.layerNorm(in[0], new int[] {5}, in[1], in[2], 1e-5),
                leaf(5, 3, 5), leaf(1, 5), leaf(1, 5));
        gradcheck("two dims", in -> F.layerNorm(in[0], new int[] {2, 3}, in[1], in[2], 1e-5),
                leaf(5, 2, 2, 3), leaf(1, 2, 3), leaf(1, 2, 3));
        gradcheck("no affine", in -> F.layerNorm(in[0], new int[] {4}, null, null, 1e-5), leaf(5, 2, 4));
        gradcheck("long row", in -> F.layerNorm(in[0], new int[] {37}, in[1], null, 1e-5), leaf(5, 2, 37),
                leaf(1, 37));
    }

    @Test
    void groupNormGradients() {
        gradcheck("two groups", in -> F.groupNorm(in[0], 2, in[1], in[2], 1e-5), leaf(5, 2, 4, 3), leaf(1, 4),
                leaf(1, 4));
        gradcheck("no spatial", in -> F.groupNorm(in[0], 3, in[1], in[2], 1e-5), leaf(5, 3, 6), leaf(1, 6),
                leaf(1, 6));
        gradcheck("batch of one, no affine", in -> F.groupNorm(in[0], 1, null, null, 1e-5), leaf(5, 1, 2, 5));
    }

    @Test
    void instanceNormGradients() {
        gradcheck("plain", in -> F.instanceNorm(in[0], null, null, null, null, true, 0.1, 1e-5), leaf(5, 2, 3, 4));
        gradcheck("affine", in -> F.instanceNorm(in[0], null, null, in[1], in[2], true, 0.1, 1e-5),
                leaf(5, 2, 2, 5), leaf(1, 2), leaf(1, 2));
        Tensor rm = Tensor.randn(g, 2), rv = Tensor.rand(g, 2).add(0.5f);
        gradcheck("eval", in -> F.instanceNorm(in[0], rm, rv, in[1], in[2], false, 0.1, 1e-5), leaf(1, 3, 2, 4),
                leaf(1, 2), leaf(1, 2));
    }

    @Test
    void localResponseNormGradients() {
        gradcheck("alexnet", in -> F.localResponseNorm(in[0], 5, 1e-2, 0.75, 2.0), leaf(3, 2, 7, 2, 2));
        gradcheck("even size", in -> F.localResponseNorm(in[0], 2, 0.5, 1.3, 1.0), leaf(1, 2, 4, 3));
        gradcheck("window wider than channels", in -> F.localResponseNorm(in[0], 9, 0.8, 0.5, 1.0), leaf(1, 1, 3, 4));
    }

    @Test
    void passTheLayerContract() {
        LayerContract.check(() -> new LayerNorm(8), Shape.of(4, 8), Shape.of(4, 8), 16);
        LayerContract.check(() -> new LayerNorm(3, 5), Shape.of(2, 4, 3, 5), Shape.of(2, 4, 3, 5), 30);
        LayerContract.check(() -> LayerNorm.builder(6).elementwiseAffine(false).build(), Shape.of(3, 6),
                Shape.of(3, 6), 0);
        LayerContract.check(() -> new GroupNorm(2, 6), Shape.of(3, 6, 4, 4), Shape.of(3, 6, 4, 4), 12);
        LayerContract.check(() -> GroupNorm.builder(3, 3).affine(false).build(), Shape.of(2, 3, 5), Shape.of(2, 3, 5),
                0);
        LayerContract.check(() -> LocalResponseNorm.builder(5).k(2).build(), Shape.of(2, 7, 4, 4),
                Shape.of(2, 7, 4, 4), 0);
    }

    @Test
    void printLikePyTorch() {
        assertEquals("LayerNorm((10,), eps=1e-05, elementwise_affine=True)", new LayerNorm(10).toString());
        assertEquals("LayerNorm((3, 4), eps=1e-06, elementwise_affine=False)",
                LayerNorm.builder(3, 4).eps(1e-6).elementwiseAffine(false).build().toString());
        assertEquals("GroupNorm(2, 6, eps=1e-05, affine=True)", new GroupNorm(2, 6).toString());
        assertEquals("LocalResponseNorm(2, alpha=0.0001, beta=0.75, k=1.0)", new LocalResponseNorm(2).toString());
        assertEquals("LocalResponseNorm(5, alpha=0.0001, beta=0.75, k=2.0)",
                LocalResponseNorm.builder(5).k(2).build().toString());
        assertEquals(List.of("weight", "bias"), List.copyOf(new LayerNorm(4).stateDict().keySet()));
        assertEquals(List.of("weight", "bias"), List.copyOf(new GroupNorm(1, 4).stateDict().keySet()));
    }

    @Test
    void groupNormWithOneGroupIsLayerNormOverChannelsAndPositions() {
        Tensor x = Tensor.randn(g, 3, 4, 5);
        assertTrue(F.groupNorm(x, 1, null, null, 1e-5).allClose(F.layerNorm(x, new int[] {4, 5}, null, null, 1e-5),
                1e-5, 1e-5));
        assertTrue(F.groupNorm(x, 4, null, null, 1e-5).allClose(
                F.instanceNorm(x, null, null, null, null, true, 0.1, 1e-5), 1e-5, 1e-5));
    }

    @Test
    void instanceNormAcceptsUnbatchedInput() {
        InstanceNorm2d norm = InstanceNorm2d.builder(3).affine(true).build();
        Tensor x = Tensor.randn(g, 3, 4, 5);
        Tensor batched = norm.forward(x.unsqueeze(0));
        assertEquals(Shape.of(3, 4, 5), norm.forward(x).shape());
        assertArrayEquals(batched.toFloatArray(), norm.forward(x).toFloatArray(), 0f);
    }

    @Test
    void instanceNormRunningStatisticsAverageOverTheBatch() {
        InstanceNorm2d norm = InstanceNorm2d.builder(1).trackRunningStats(true).momentum(0.5).build();
        // two planes of one channel: means 1 and 3, unbiased variances 2 and 8
        norm.forward(Tensor.of(new float[] {0, 2, 1, 1, 1, 5, 3, 3}, 2, 1, 2, 2));
        assertEquals(0.5f * 0 + 0.5f * 2, norm.runningMean().item(), 1e-6f);
        assertEquals(0.5f * 1 + 0.5f * (2f / 3 + 8f / 3) / 2, norm.runningVar().item(), 1e-6f);
        assertEquals(0, norm.numBatchesTracked().toIntArray()[0], "instance norm does not count, as PyTorch");
    }

    @Test
    void misuseNamesTheLayerAndShape() {
        ShapeException e = assertThrows(ShapeException.class, () -> new LayerNorm(4).forward(Tensor.zeros(2, 3)));
        assertEquals("LayerNorm((4,), eps=1e-05, elementwise_affine=True): expected input with shape [*, 4], got shape"
                + " [2, 3]; hint: normalized_shape must equal the input's last 1 dimension(s)", e.getMessage());
        e = assertThrows(ShapeException.class, () -> new GroupNorm(2, 6).forward(Tensor.zeros(2, 4, 3)));
        assertEquals("GroupNorm(2, 6, eps=1e-05, affine=True): expected input of shape [N, 6, *], got shape [2, 4, 3];"
                + " hint: num_channels must equal the input's dimension 1", e.getMessage());
        e = assertThrows(ShapeException.class, () -> new LocalResponseNorm(3).forward(Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().startsWith("LocalResponseNorm(3, alpha=0.0001, beta=0.75, k=1.0): expected input of"
                + " 3 or more dimensions [N, C, *], got shape [2, 3]"), e.getMessage());
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> new GroupNorm(4, 6));
        assertEquals("GroupNorm: num_channels must be divisible by num_groups, got num_groups=4, num_channels=6",
                a.getMessage());
        e = assertThrows(ShapeException.class, () -> F.groupNorm(Tensor.zeros(2, 6), 4, null, null, 1e-5));
        assertTrue(e.getMessage().startsWith("groupNorm: expected the 6 channels (dimension 1 of shape [2, 6]) to be"
                + " divisible by num_groups=4"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> F.groupNorm(Tensor.zeros(1, 2), 2, null, null, 1e-5));
        assertTrue(e.getMessage().startsWith("groupNorm: expected more than 1 value per group"), e.getMessage());
        e = assertThrows(ShapeException.class,
                () -> F.layerNorm(Tensor.zeros(2, 3), new int[] {3}, Tensor.ones(4), null, 1e-5));
        assertEquals("layerNorm: expected weight of shape [3] (normalized_shape), got shape [4]", e.getMessage());
        e = assertThrows(ShapeException.class,
                () -> F.layerNorm(Tensor.zeros(2, 3), new int[] {2, 3, 4}, null, null, 1e-5));
        assertTrue(e.getMessage().startsWith("layerNorm: given normalized_shape=[2, 3, 4], expected input with shape"
                + " [*, 2, 3, 4], got shape [2, 3]"), e.getMessage());
        a = assertThrows(IllegalArgumentException.class, () -> new LayerNorm());
        assertTrue(a.getMessage().startsWith("LayerNorm: expected a non-empty normalized_shape"), a.getMessage());
    }

    @Test
    void layerNormOfOneElementIsTheBias() {
        Tensor y = F.layerNorm(Tensor.of(new float[] {3, -7}, 2, 1), new int[] {1}, Tensor.ones(1),
                Tensor.of(new float[] {0.25f}, 1), 1e-5);
        assertArrayEquals(new float[] {0.25f, 0.25f}, y.toFloatArray());
    }

    @Test
    void layerNormOnManyRowsMatchesTheCompositeFormulaOnAnyThreadCount() {
        // 600 rows of 128 are split over threads; the parameter gradients are summed per chunk of rows
        Tensor input = Tensor.randn(g, 600, 128).mul(2f).add(1f);
        Tensor up = Tensor.randn(g, 600, 128);
        Tensor w0 = Tensor.randn(g, 128), b0 = Tensor.randn(g, 128);
        Tensor[] fused = layerNormGrads(input, up, w0, b0, true);
        Tensor[] composite = layerNormGrads(input, up, w0, b0, false);
        Tensor[][] single = new Tensor[1][];
        io.neurite.kernels.Parallel.withThreads(1, () -> single[0] = layerNormGrads(input, up, w0, b0, true));
        for (int i = 0; i < 4; i++) {
            assertTrue(fused[i].allClose(composite[i], 1e-4, 1e-4), "against tensor ops, result " + i);
            assertTrue(fused[i].allClose(single[0][i], 1e-5, 1e-5), "one thread against all, result " + i);
        }
    }

    /** {output, dx, dw, db}, fused or written with tensor ops (mean, var, sub, div, mul, add). */
    private static Tensor[] layerNormGrads(Tensor input, Tensor up, Tensor w0, Tensor b0, boolean fused) {
        Tensor x = input.detach().requiresGrad(true), w = w0.detach().requiresGrad(true);
        Tensor b = b0.detach().requiresGrad(true);
        Tensor y;
        if (fused) {
            y = F.layerNorm(x, new int[] {128}, w, b, 1e-5);
        } else {
            Tensor xhat = x.sub(x.mean(1, true)).div(x.var(new int[] {1}, 0, true).add(1e-5f).sqrt());
            y = xhat.mul(w).add(b);
        }
        y.backward(up);
        return new Tensor[] {y.detach(), x.grad(), w.grad(), b.grad()};
    }
}
