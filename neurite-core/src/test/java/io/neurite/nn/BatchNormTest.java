package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.DType;
import io.neurite.tensor.Generator;
import io.neurite.tensor.GradCheck;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchNormTest {

    /**
     * The course notes' algorithm on the mini-batch {1, 2, 3, 6} of one feature with gamma 2, beta 0.5:
     * mean 3, variance (4 + 1 + 0 + 9) / 4 = 3.5, xhat = (x - 3) / sqrt(3.5 + eps), y = 2 xhat + 0.5;
     * the values PyTorch gives too.
     */
    @Test
    void followsTheNotesAlgorithmOnASmallBatch() {
        float[] batch = {1, 2, 3, 6};
        double mu = 0, var = 0;
        for (float v : batch) mu += v / 4.0;                                   // mini-batch mean
        for (float v : batch) var += (v - mu) * (v - mu) / 4.0;               // mini-batch variance
        assertEquals(3.0, mu, 0);
        assertEquals(3.5, var, 0);
        float[] expected = new float[4];
        for (int i = 0; i < 4; i++) {
            double xhat = (batch[i] - mu) / Math.sqrt(var + 1e-5);            // normalize
            expected[i] = (float) (2 * xhat + 0.5);                           // scale and shift
        }
        BatchNorm1d bn = new BatchNorm1d(1);
        try (var scope = Autograd.noGrad()) {
            bn.weight().fillInPlace(2f);
            bn.bias().fillInPlace(0.5f);
        }
        float[] y = bn.forward(Tensor.of(batch, 4, 1)).toFloatArray();
        assertArrayEquals(expected, y, 1e-6f);
        assertArrayEquals(new float[] {-1.63808680f, -0.56904340f, 0.5f, 3.70713019f}, y, 1e-6f);
        // running estimates: 0.9 * 0 + 0.1 * 3 and 0.9 * 1 + 0.1 * 3.5 * 4 / 3 (the unbiased variance)
        assertEquals(0.3f, bn.runningMean().item(), 1e-7f);
        assertEquals(1.36666667f, bn.runningVar().item(), 1e-6f);
        assertEquals(1, bn.numBatchesTracked().toIntArray()[0]);
        bn.eval();
        assertArrayEquals(new float[] {1.69755411f, 3.40834570f, 5.11913729f, 10.25151157f},
                bn.forward(Tensor.of(batch, 4, 1)).toFloatArray(), 1e-5f);
    }

    @Test
    void stateDictKeysAndBuffersMatchPyTorch() {
        BatchNorm2d bn = new BatchNorm2d(3);
        assertEquals(List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"),
                List.copyOf(bn.stateDict().keySet()));
        assertEquals(DType.INT32, bn.numBatchesTracked().dtype());
        assertEquals(Shape.of(), bn.numBatchesTracked().shape());
        assertEquals(6, bn.parameterCount());
        assertArrayEquals(new float[] {1, 1, 1}, bn.weight().toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0}, bn.bias().toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0}, bn.runningMean().toFloatArray());
        assertArrayEquals(new float[] {1, 1, 1}, bn.runningVar().toFloatArray());

        BatchNorm2d bare = BatchNorm2d.builder(3).affine(false).trackRunningStats(false).build();
        assertTrue(bare.stateDict().isEmpty());
        assertNull(bare.weight());
        assertNull(bare.runningMean());
        assertEquals(List.of("running_mean", "running_var", "num_batches_tracked"),
                List.copyOf(BatchNorm1d.builder(4).affine(false).build().stateDict().keySet()));
    }

    @Test
    void printsLikePyTorch() {
        assertEquals("BatchNorm2d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
                new BatchNorm2d(3).toString());
        assertEquals("BatchNorm1d(64, eps=0.001, momentum=None, affine=False, track_running_stats=False)",
                BatchNorm1d.builder(64).eps(1e-3).momentum(null).affine(false).trackRunningStats(false).build()
                        .toString());
        assertEquals("InstanceNorm2d(3, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False)",
                new InstanceNorm2d(3).toString());
        assertEquals("BatchNorm2d(8, eps=0.0001, momentum=0.01, affine=True, track_running_stats=True)",
                BatchNorm2d.builder(8).eps(1e-4).momentum(0.01).build().toString());
    }

    @Test
    void cumulativeAverageWhenMomentumIsNull() {
        BatchNorm1d bn = BatchNorm1d.builder(1).momentum(null).build();
        bn.forward(Tensor.of(new float[] {0, 2}, 2, 1));   // mean 1, unbiased var 2
        bn.forward(Tensor.of(new float[] {4, 8}, 2, 1));   // mean 6, unbiased var 8
        bn.forward(Tensor.of(new float[] {1, 1}, 2, 1));   // mean 1, unbiased var 0
        assertEquals((1 + 6 + 1) / 3f, bn.runningMean().item(), 1e-6f);
        assertEquals((2 + 8 + 0) / 3f, bn.runningVar().item(), 1e-6f);
        assertEquals(3, bn.numBatchesTracked().toIntArray()[0]);
    }

    @Test
    void evalModeNeitherUpdatesNorCounts() {
        BatchNorm2d bn = new BatchNorm2d(2);
        bn.eval();
        Tensor x = Tensor.randn(new Generator(3), 4, 2, 3, 3);
        Tensor y = bn.forward(x);
        // running mean 0 and variance 1: y = x / sqrt(1 + eps)
        assertTrue(y.allClose(x.div((float) Math.sqrt(1 + 1e-5)), 1e-6, 1e-6));
        assertArrayEquals(new float[] {0, 0}, bn.runningMean().toFloatArray());
        assertEquals(0, bn.numBatchesTracked().toIntArray()[0]);
    }

    @Test
    void untrackedLayerUsesBatchStatisticsInEvalToo() {
        BatchNorm1d bn = BatchNorm1d.builder(3).trackRunningStats(false).build();
        Tensor x = Tensor.randn(new Generator(5), 6, 3);
        Tensor train = bn.forward(x);
        bn.eval();
        assertArrayEquals(train.toFloatArray(), bn.forward(x).toFloatArray(), 0f);
    }

    @Test
    void resetRestoresTheInitialState() {
        BatchNorm2d bn = new BatchNorm2d(2);
        bn.forward(Tensor.randn(new Generator(1), 3, 2, 2, 2));
        try (var scope = Autograd.noGrad()) {
            bn.weight().fillInPlace(3f);
        }
        bn.resetParameters();
        assertArrayEquals(new float[] {0, 0}, bn.runningMean().toFloatArray());
        assertArrayEquals(new float[] {1, 1}, bn.runningVar().toFloatArray());
        assertArrayEquals(new float[] {1, 1}, bn.weight().toFloatArray());
        assertEquals(0, bn.numBatchesTracked().toIntArray()[0]);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Generator g = new Generator(11);
        for (int[] shape : new int[][] {{4, 3}, {3, 2, 5}, {2, 3, 2, 3}, {1, 2, 3, 2}}) {
            int c = shape[1];
            // spread 5: finite differences of step 1e-2 are then accurate for a normalization (scale invariant)
            Tensor x = Tensor.randn(g, shape).mul(5f).detach().requiresGrad(true);
            Tensor w = Tensor.randn(g, c).add(1f).detach().requiresGrad(true);
            Tensor b = Tensor.randn(g, c).requiresGrad(true);
            GradCheck.Result train = GradCheck.check(
                    in -> F.batchNorm(in[0], null, null, in[1], in[2], true, 0.1, 1e-5), x, w, b);
            assertTrue(train.passed(), java.util.Arrays.toString(shape) + " train\n" + train.report());
            Tensor rm = Tensor.randn(g, c), rv = Tensor.rand(g, c).add(0.5f);
            GradCheck.Result eval = GradCheck.check(in -> F.batchNorm(in[0], rm, rv, in[1], in[2], false, 0.1, 1e-5),
                    x, w, b);
            assertTrue(eval.passed(), java.util.Arrays.toString(shape) + " eval\n" + eval.report());
        }
        Tensor x = Tensor.randn(g, 5, 3, 4).mul(5f).detach().requiresGrad(true);
        GradCheck.Result plain = GradCheck.check(in -> F.batchNorm(in[0], null, null, null, null, true, 0.1, 1e-5), x);
        assertTrue(plain.passed(), plain.report());
    }

    @Test
    void gradientOnlyForTheInputsThatNeedIt() {
        Generator g = new Generator(2);
        Tensor x = Tensor.randn(g, 4, 3, 2);
        Tensor w = Tensor.ones(3).requiresGrad(true), b = Tensor.zeros(3).requiresGrad(false);
        F.batchNorm(x, null, null, w, b, true, 0.1, 1e-5).sum().backward();
        assertTrue(w.grad() != null);
        assertNull(b.grad());
        // sum(y) does not depend on gamma when xhat sums to zero per channel
        assertArrayEquals(new float[3], w.grad().toFloatArray(), 1e-5f);
    }

    @Test
    void passesTheLayerContract() {
        LayerContract.check(() -> new BatchNorm2d(3), Shape.of(4, 3, 5, 5), Shape.of(4, 3, 5, 5), 6);
        LayerContract.check(() -> new BatchNorm1d(8), Shape.of(16, 8), Shape.of(16, 8), 16);
        LayerContract.check(() -> new BatchNorm1d(4), Shape.of(6, 4, 7), Shape.of(6, 4, 7), 8);
        LayerContract.check(() -> BatchNorm2d.builder(2).affine(false).build(), Shape.of(3, 2, 4, 4),
                Shape.of(3, 2, 4, 4), 0);
        LayerContract.check(() -> InstanceNorm2d.builder(3).affine(true).trackRunningStats(true).build(),
                Shape.of(2, 3, 4, 4), Shape.of(2, 3, 4, 4), 6);
        LayerContract.check(() -> new InstanceNorm2d(3), Shape.of(2, 3, 4, 4), Shape.of(2, 3, 4, 4), 0);
    }

    @Test
    void wrongChannelCountNamesTheLayerAndShape() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new BatchNorm2d(3).forward(Tensor.zeros(2, 4, 5, 5)));
        assertEquals("BatchNorm2d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True): expected input"
                + " with 3 channels, got shape [2, 4, 5, 5]; hint: num_features must equal the input's dimension 1",
                e.getMessage());
        e = assertThrows(ShapeException.class, () -> new BatchNorm1d(5).forward(Tensor.zeros(4, 6)));
        assertTrue(e.getMessage().startsWith("BatchNorm1d(5,") && e.getMessage().contains("[4, 6]"), e.getMessage());
        e = assertThrows(ShapeException.class,
                () -> InstanceNorm2d.builder(3).affine(true).build().forward(Tensor.zeros(2, 5, 4)));
        assertTrue(e.getMessage().contains("InstanceNorm2d(3,") && e.getMessage().contains("[2, 5, 4]")
                && e.getMessage().contains("dimension 0"), e.getMessage());
    }

    @Test
    void wrongRankNamesTheLayer() {
        ShapeException e = assertThrows(ShapeException.class, () -> new BatchNorm2d(3).forward(Tensor.zeros(2, 3, 4)));
        assertTrue(e.getMessage().startsWith("BatchNorm2d(3, ") && e.getMessage().contains("expected input with 4"
                + " dimensions, got shape [2, 3, 4]"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> new BatchNorm1d(3).forward(Tensor.zeros(3)));
        assertTrue(e.getMessage().contains("2 or 3 dimensions, got shape [3]"), e.getMessage());
    }

    @Test
    void oneValuePerChannelInTrainingFailsAsInPyTorch() {
        BatchNorm1d bn = new BatchNorm1d(3);
        ShapeException e = assertThrows(ShapeException.class, () -> bn.forward(Tensor.zeros(1, 3)));
        assertTrue(e.getMessage().startsWith("BatchNorm1d(3, ") && e.getMessage().contains("expected more than 1 value"
                + " per channel when training, got input shape [1, 3]"), e.getMessage());
        assertEquals(0, bn.numBatchesTracked().toIntArray()[0], "a refused batch is not counted");
        assertThrows(ShapeException.class, () -> new BatchNorm2d(3).forward(Tensor.zeros(1, 3, 1, 1)));
        bn.eval();
        assertEquals(Shape.of(1, 3), bn.forward(Tensor.zeros(1, 3)).shape(), "eval mode accepts a single sample");
        assertEquals(Shape.of(1, 3, 1, 2), new BatchNorm2d(3).forward(Tensor.zeros(1, 3, 1, 2)).shape());
        e = assertThrows(ShapeException.class,
                () -> F.batchNorm(Tensor.zeros(1, 2), null, null, null, null, true, 0.1, 1e-5));
        assertTrue(e.getMessage().startsWith("batchNorm: expected more than 1 value per channel"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> new InstanceNorm2d(2).forward(Tensor.zeros(2, 2, 1, 1)));
        assertTrue(e.getMessage().startsWith("instanceNorm: expected more than 1 spatial element when training,"
                + " got input shape [2, 2, 1, 1]"), e.getMessage());
    }

    @Test
    void functionalMisuse() {
        Tensor x = Tensor.zeros(4, 3, 2);
        ShapeException e = assertThrows(ShapeException.class,
                () -> F.batchNorm(x, Tensor.zeros(4), Tensor.ones(4), null, null, true, 0.1, 1e-5));
        assertEquals("batchNorm: expected running_mean of shape [3] (the input's 3 channels, dimension 1 of shape"
                + " [4, 3, 2]), got shape [4]; hint: the layer's num_features must equal the input's channel count",
                e.getMessage());
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> F.batchNorm(x, null, null, null, null, false, 0.1, 1e-5));
        assertTrue(a.getMessage().startsWith("batchNorm: running_mean and running_var are required when training is"
                + " false"), a.getMessage());
        a = assertThrows(IllegalArgumentException.class,
                () -> F.batchNorm(x, Tensor.zeros(3), null, null, null, true, 0.1, 1e-5));
        assertTrue(a.getMessage().contains("given together"), a.getMessage());
        e = assertThrows(ShapeException.class, () -> F.batchNorm(Tensor.zeros(3), null, null, null, null, true, 0.1,
                1e-5));
        assertTrue(e.getMessage().startsWith("batchNorm: expected input of shape [N, C] or [N, C, *], got shape [3]"),
                e.getMessage());
        a = assertThrows(IllegalArgumentException.class, () -> BatchNorm2d.builder(0).build());
        assertEquals("BatchNorm2d: expected num_features > 0, got num_features=0", a.getMessage());
        a = assertThrows(IllegalArgumentException.class, () -> InstanceNorm2d.builder(2).momentum(null).build());
        assertTrue(a.getMessage().startsWith("InstanceNorm2d: momentum must be a number"), a.getMessage());
    }

    @Test
    void largeInputsAgreeWithTheCompositeFormula() {
        // exercises the vectorized runs (L >= 32 with a tail) and the column sweep (N > 64 rows)
        Generator g = new Generator(9);
        for (int[] shape : new int[][] {{3, 4, 7, 9}, {130, 5}, {2, 3, 100}}) {
            Tensor x = Tensor.randn(g, shape).mul(3f).add(10f);
            int[] dims = shape.length == 2 ? new int[] {0} : shape.length == 3 ? new int[] {0, 2} : new int[] {0, 2, 3};
            Tensor mean = x.mean(dims, true), var = x.var(dims, 0, true);
            Tensor expected = x.sub(mean).div(var.add(1e-5f).sqrt());
            Tensor actual = F.batchNorm(x, null, null, null, null, true, 0.1, 1e-5);
            assertTrue(actual.allClose(expected, 1e-4, 1e-4), java.util.Arrays.toString(shape));
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        // large enough to split over threads; each channel's sums are taken in a fixed order
        for (int[] shape : new int[][] {{16, 8, 32, 32}, {2048, 64}}) {
            Tensor x = Tensor.randn(new Generator(4), shape);
            Tensor up = Tensor.randn(new Generator(5), shape);
            float[][] one = new float[3][], all = runBatchNorm(x, up);
            Parallel.withThreads(1, () -> {
                float[][] r = runBatchNorm(x, up);
                System.arraycopy(r, 0, one, 0, 3);
            });
            for (int i = 0; i < 3; i++) assertArrayEquals(one[i], all[i], 0f, Arrays.toString(shape) + " result " + i);
        }
    }

    private static float[][] runBatchNorm(Tensor input, Tensor upstream) {
        Tensor x = input.detach().requiresGrad(true);
        Tensor w = Tensor.full(1.5f, input.size(1)).requiresGrad(true);
        Tensor y = F.batchNorm(x, null, null, w, null, true, 0.1, 1e-5);
        y.backward(upstream);
        return new float[][] {y.toFloatArray(), x.grad().toFloatArray(), w.grad().toFloatArray()};
    }
}
