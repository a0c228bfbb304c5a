package io.neurite.train.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Generator;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reference values from numpy with scikit-learn's formulas: mse = ((p - y)**2).mean(), mae = abs(p - y).mean(),
 * r2 = 1 - ((y - p)**2).sum() / ((y - y.mean())**2).sum(), per output then averaged (uniform_average).
 */
class RegressionMetricsTest {

    private static final Tensor P = Tensor.of(new float[] {2.5f, 0f, 2f, 8f, -1.5f, 3.25f}, 6);
    private static final Tensor Y = Tensor.of(new float[] {3f, -0.5f, 2f, 7f, -1f, 4f}, 6);

    private static double value(Metric<Double> m, Tensor p, Tensor y) {
        m.update(p, y);
        return m.compute();
    }

    @Test
    void oneOutput() {
        assertEquals(0.3854166666666667, value(new MeanSquaredError(), P, Y), 1e-12);
        assertEquals(0.5416666666666666, value(new MeanAbsoluteError(), P, Y), 1e-12);
        assertEquals(0.9476908576814326, value(new R2Score(), P, Y), 1e-12);
    }

    @Test
    void severalOutputsAverageUniformly() {
        Tensor p = Tensor.of(new float[] {0.5f, 1f, -1f, 1f, 7f, -6f, 1f, 2f}, 4, 2);
        Tensor y = Tensor.of(new float[] {0.5f, 1f, -1f, 1f, 7f, -6f, 0f, 3f}, 4, 2);
        // per output r2 [0.9748031496062992, 0.9786096256684492]
        assertEquals(0.9767063876373743, value(new R2Score(), p, y), 1e-12);
        assertEquals(0.25, value(new MeanSquaredError(), p, y), 1e-12);
        assertEquals(0.25, value(new MeanAbsoluteError(), p, y), 1e-12);
    }

    @Test
    void r2OfPerfectMeanAndConstantPredictions() {
        Tensor y = Tensor.of(new float[] {1f, 2f, 3f, 6f}, 4);
        assertEquals(1.0, value(new R2Score(), y, y), 0);
        assertEquals(0.0, value(new R2Score(), Tensor.full(3f, 4), y), 0);   // the mean predictor
        // worse than the mean: 1 - sum((y - 0)^2) / sum((y - 3)^2) = 1 - 50/14
        assertEquals(1 - 50.0 / 14, value(new R2Score(), Tensor.zeros(4), y), 1e-12);
        // constant target, sklearn force_finite: exact -> 1, otherwise 0
        Tensor c = Tensor.full(0.1f, 5);
        assertEquals(1.0, value(new R2Score(), c, c), 0);
        assertEquals(0.0, value(new R2Score(), Tensor.full(0.2f, 5), c), 0);
        // fewer than two samples: undefined, NaN as sklearn
        assertTrue(Double.isNaN(value(new R2Score(), Tensor.of(new float[] {1f}, 1), Tensor.of(new float[] {2f}, 1))));
    }

    @Test
    void streamingOverBatchesEqualsOneBatch() {
        Generator g = new Generator(11);
        Tensor y = Tensor.randn(g, 203, 3).mul(5f).add(100f);   // an offset mean tests the merged variance
        Tensor p = y.add(Tensor.randn(g, 203, 3));
        int[] cuts = {0, 1, 64, 128, 192, 203};
        for (Metric<Double> m : List.<Metric<Double>>of(new MeanSquaredError(), new MeanAbsoluteError(),
                new R2Score())) {
            double whole = value(m, p, y);
            m.reset();
            for (int i = 0; i + 1 < cuts.length; i++) {
                int len = cuts[i + 1] - cuts[i];
                m.update(p.narrow(0, cuts[i], len), y.narrow(0, cuts[i], len));
            }
            assertEquals(whole, m.compute(), Math.abs(whole) * 1e-12, m.name());
        }
    }

    @Test
    void runningAverageWeightsByBatchSize() {
        RunningAverage loss = new RunningAverage("loss");
        loss.update(Tensor.scalar(2f), Tensor.zeros(32));
        loss.update(Tensor.scalar(1f), Tensor.zeros(32));
        loss.update(4.0, 4);                                   // the short last batch
        assertEquals((2.0 * 32 + 32 + 4 * 4) / 68, loss.compute(), 1e-12);
        loss.update(Tensor.of(new float[] {1f, 2f}, 2), Tensor.zeros(2, 5));   // per-sample losses
        assertEquals((2.0 * 32 + 32 + 4 * 4 + 3) / 70, loss.compute(), 1e-12);
        loss.update(Double.NaN, 0);                            // an empty batch adds nothing
        assertEquals("loss", loss.name());
        loss.reset();
        assertThrows(IllegalStateException.class, loss::compute);
        var nan = assertThrows(IllegalArgumentException.class, () -> loss.update(Double.NaN, 8));
        assertTrue(nan.getMessage().contains("RunningAverage(loss)") && nan.getMessage().contains("NaN"),
                nan.getMessage());
        var shape = assertThrows(ShapeException.class, () -> loss.update(Tensor.zeros(3), Tensor.zeros(4)));
        assertTrue(shape.getMessage().contains("[3]") && shape.getMessage().contains("[4]"), shape.getMessage());
    }

    @Test
    void collectionComputesInInsertionOrder() {
        MetricCollection c = MetricCollection.of(new R2Score(), new MeanSquaredError()).add(new MeanAbsoluteError());
        c.update(P, Y);
        Map<String, Double> values = c.compute();
        assertEquals(List.of("r2", "mse", "mae"), List.copyOf(values.keySet()));
        assertEquals(0.3854166666666667, values.get("mse"), 1e-12);
        assertEquals(List.of("r2", "mse", "mae"), c.names());
        c.reset();
        assertThrows(IllegalStateException.class, c::compute);
        var dup = assertThrows(IllegalArgumentException.class, () -> c.add(new MeanSquaredError()));
        assertTrue(dup.getMessage().contains("\"mse\"") && dup.getMessage().contains("[r2, mse, mae]"),
                dup.getMessage());
    }

    @Test
    void shapesMustMatchExactly() {
        var e = assertThrows(ShapeException.class,
                () -> new MeanSquaredError().update(Tensor.zeros(6, 1), Tensor.zeros(6)));
        assertTrue(e.getMessage().contains("MeanSquaredError") && e.getMessage().contains("[6, 1]")
                && e.getMessage().contains("[6]") && e.getMessage().contains("reshape"), e.getMessage());
        R2Score r2 = new R2Score();
        r2.update(Tensor.zeros(4, 2), Tensor.zeros(4, 2));
        var outputs = assertThrows(IllegalArgumentException.class, () -> r2.update(Tensor.zeros(4, 3),
                Tensor.zeros(4, 3)));
        assertTrue(outputs.getMessage().contains("expected 2 outputs"), outputs.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> new MeanAbsoluteError().update(Tensor.of(new float[] {Float.NaN}, 1), Tensor.zeros(1)));
        assertTrue(nan.getMessage().contains("MeanAbsoluteError") && nan.getMessage().contains("NaN"),
                nan.getMessage());
    }
}
