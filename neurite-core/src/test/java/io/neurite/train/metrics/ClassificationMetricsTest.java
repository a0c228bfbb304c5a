package io.neurite.train.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Generator;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reference values are scikit-learn's definitions computed by hand with numpy (scikit-learn is not installed):
 * cm[t, p] += 1; precision = tp / cm.sum(0), recall = tp / cm.sum(1), f1 = 2tp / (cm.sum(0) + cm.sum(1)), each 0
 * where the denominator is 0; macro = mean over np.union1d(targets, predictions); weighted by cm.sum(1).
 */
class ClassificationMetricsTest {

    private static final double EPS = 1e-12;

    // 6 classes: class 3 is predicted once but never a target, class 4 is a target (twice) but never predicted,
    // class 5 appears in neither.
    private static final int[] TARGETS = {0, 1, 2, 2, 1, 0, 1, 2, 0, 4, 4, 1};
    private static final int[] PREDICTED = {0, 2, 2, 1, 1, 0, 3, 2, 0, 0, 1, 1};

    private static Tensor ints(int... v) {
        return Tensor.ofInts(v, v.length);
    }

    /** Scores [N, C] whose argmax is {@code classes[i]}. */
    private static Tensor scoresFor(int[] classes, int numClasses) {
        float[] s = new float[classes.length * numClasses];
        for (int i = 0; i < classes.length; i++) {
            for (int j = 0; j < numClasses; j++) s[i * numClasses + j] = -0.25f * ((i + j) % 3);
            s[i * numClasses + classes[i]] = 2f;
        }
        return Tensor.of(s, classes.length, numClasses);
    }

    @Test
    void confusionMatrixRowsAreTrueClassesColumnsPredicted() {
        ConfusionMatrix cm = new ConfusionMatrix(6);
        cm.update(ints(PREDICTED), ints(TARGETS));
        long[][] expected = {
            {3, 0, 0, 0, 0, 0}, {0, 2, 1, 1, 0, 0}, {0, 1, 2, 0, 0, 0},
            {0, 0, 0, 0, 0, 0}, {1, 1, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}};
        Confusion c = cm.compute();
        for (int i = 0; i < 6; i++) assertArrayEquals(expected[i], c.toArray()[i], "row " + i);
        assertEquals(12, c.total());
        assertEquals(4, c.support(1));
        assertEquals(4, c.predicted(0));
        assertEquals(1, c.count(1, 3));
        assertEquals(7.0 / 12, c.accuracy(), EPS);
    }

    @Test
    void perClassScoresFollowSklearnZeroDivision() {
        Confusion c = confusion();
        // class 3: predicted once, never true -> precision 0/1 = 0, recall 0/0 -> 0; class 4: never predicted ->
        // precision 0/0 -> 0; class 5: absent everywhere -> all 0
        assertArrayEquals(new double[] {0.75, 0.5, 2.0 / 3, 0, 0, 0}, c.precision(), EPS);
        assertArrayEquals(new double[] {1.0, 0.5, 2.0 / 3, 0, 0, 0}, c.recall(), EPS);
        assertArrayEquals(new double[] {0.8571428571428571, 0.5, 2.0 / 3, 0, 0, 0}, c.f1(), EPS);
    }

    @Test
    void macroAveragesSkipClassesAbsentFromTargetsAndPredictions() {
        Confusion c = confusion();
        // numpy: P[[0,1,2,3,4]].mean() etc.; class 5 (in neither) is left out as by sklearn's labels=None
        assertEquals(0.3833333333333333, c.precision(Average.MACRO), EPS);
        assertEquals(0.4333333333333333, c.recall(Average.MACRO), EPS);
        assertEquals(0.40476190476190477, c.f1(Average.MACRO), EPS);
        assertEquals(0.5208333333333334, c.precision(Average.WEIGHTED), EPS);
        assertEquals(0.5833333333333334, c.recall(Average.WEIGHTED), EPS);
        assertEquals(0.5476190476190476, c.f1(Average.WEIGHTED), EPS);
        assertEquals(7.0 / 12, c.precision(Average.MICRO), EPS);
        assertEquals(7.0 / 12, c.f1(Average.MICRO), EPS);
    }

    @Test
    void precisionRecallF1MetricsMatchTheConfusionMatrix() {
        Precision p = new Precision(6, Average.MACRO);
        Recall r = new Recall(6, Average.WEIGHTED);
        F1Score f = new F1Score(6, Average.MACRO);
        for (Metric<Double> m : List.of(p, r, f)) m.update(scoresFor(PREDICTED, 6), ints(TARGETS));
        assertEquals(0.3833333333333333, p.compute(), EPS);
        assertEquals(0.5833333333333334, r.compute(), EPS);
        assertEquals(0.40476190476190477, f.compute(), EPS);
        assertArrayEquals(new double[] {0.75, 0.5, 2.0 / 3, 0, 0, 0}, p.perClass(), EPS);
        assertEquals("precision_macro", p.name());
        assertEquals("recall_weighted", r.name());
        assertEquals("f1_macro", f.name());
        p.reset();
        assertThrows(IllegalStateException.class, p::compute);
    }

    @Test
    void binaryAverageIsThePositiveClass() {
        // t = [1,1,0,0,1], p = [1,0,0,1,1]: tp=2, fp=1, fn=1 -> precision 2/3, recall 2/3, f1 2/3
        Tensor probs = Tensor.of(new float[] {0.9f, 0.2f, 0.1f, 0.7f, 0.51f}, 5, 1);
        Tensor targets = Tensor.of(new float[] {1, 1, 0, 0, 1}, 5, 1);
        Precision p = new Precision(2, Average.BINARY, Decision.threshold(0.5f));
        p.update(probs, targets);
        assertEquals(2.0 / 3, p.compute(), EPS);
        assertEquals("precision", p.name());
        Recall r = new Recall(2, Average.BINARY, Decision.logits());
        r.update(Tensor.of(new float[] {3f, -1f, -2f, 0.5f, 0.01f}, 5), Tensor.ofInts(new int[] {1, 1, 0, 0, 1}, 5));
        assertEquals(2.0 / 3, r.compute(), EPS);
        var e = assertThrows(IllegalArgumentException.class, () -> new F1Score(3, Average.BINARY));
        assertTrue(e.getMessage().contains("numClasses=3") && e.getMessage().contains("Average.MACRO"),
                e.getMessage());
    }

    @Test
    void accuracyOfScoresAndOfIndices() {
        Accuracy a = new Accuracy();
        a.update(scoresFor(PREDICTED, 6), ints(TARGETS));
        assertEquals(7.0 / 12, a.compute(), EPS);
        a.reset();
        a.update(ints(PREDICTED), ints(TARGETS));
        assertEquals(7.0 / 12, a.compute(), EPS);
        // ties go to the lower index, as torch.argmax: rows argmax [0, 1]
        a.reset();
        a.update(Tensor.of(new float[] {1, 1, 0, 0, 2, 2}, 2, 3), ints(0, 1));
        assertEquals(1.0, a.compute(), EPS);
        assertEquals("accuracy", a.name());
    }

    @Test
    void binaryAccuracyThresholdIsStrict() {
        Accuracy a = Accuracy.binary(0.5f);
        // p > 0.5: [1, 0, 0, 1] against [1, 1, 0, 0] -> 2 of 4
        a.update(Tensor.of(new float[] {0.8f, 0.5f, 0.2f, 0.6f}, 4), ints(1, 1, 0, 0));
        assertEquals(0.5, a.compute(), EPS);
        Accuracy t = Accuracy.binary(0.3f);
        t.update(Tensor.of(new float[] {0.8f, 0.5f, 0.2f, 0.6f}, 4, 1), Tensor.of(new float[] {1, 1, 0, 0}, 4, 1));
        assertEquals(0.75, t.compute(), EPS);
        Accuracy l = Accuracy.binaryLogits();
        // x > 0: [1, 0, 0, 1]
        l.update(Tensor.of(new float[] {2f, 0f, -3f, 0.1f}, 4, 1), ints(1, 0, 0, 0));
        assertEquals(0.75, l.compute(), EPS);
    }

    @Test
    void topKBreaksTiesByLowerIndex() {
        // torch.sort(s, dim=1, descending=True, stable=True).indices[:, :k] contains target: per k
        Tensor s = Tensor.of(new float[] {
            0.1f, 0.3f, 0.3f, 0.2f, 0.1f,
            2f, 2f, 2f, 2f, 2f,
            -1f, 0.5f, 3f, 0.5f, 0f,
            0f, 0f, 1f, 1f, 0.5f}, 4, 5);
        Tensor t = ints(2, 3, 3, 0);
        double[] expected = {0.0, 0.25, 0.5, 1.0, 1.0};
        for (int k = 1; k <= 5; k++) {
            TopKAccuracy m = new TopKAccuracy(k);
            m.update(s, t);
            assertEquals(expected[k - 1], m.compute(), EPS, "k=" + k);
        }
        // sklearn would count a miss here (higher index first among ties), torch.sort stable a hit
        TopKAccuracy two = new TopKAccuracy(2);
        two.update(Tensor.of(new float[] {0.1f, 0.1f, 0.8f}, 1, 3), ints(0));
        assertEquals(1.0, two.compute(), EPS);
        assertEquals("top2_accuracy", two.name());
    }

    @Test
    void topOneEqualsAccuracy() {
        Generator g = new Generator(7);
        Tensor s = Tensor.randint(g, 0, 3, 50, 4).toFloat();   // many ties
        Tensor t = Tensor.randint(g, 0, 4, 50);
        TopKAccuracy top1 = new TopKAccuracy(1);
        Accuracy acc = new Accuracy();
        top1.update(s, t);
        acc.update(s, t);
        assertEquals(acc.compute(), top1.compute(), EPS);
    }

    @Test
    void streamingOverBatchesEqualsOneBatch() {
        Generator g = new Generator(3);
        Tensor scores = Tensor.randn(g, 101, 7);
        Tensor targets = Tensor.randint(g, 0, 7, 101);
        MetricCollection whole = collection();
        MetricCollection parts = collection();
        whole.update(scores, targets);
        int[] cuts = {0, 32, 64, 96, 101};
        for (int i = 0; i + 1 < cuts.length; i++) {
            int len = cuts[i + 1] - cuts[i];
            parts.update(scores.narrow(0, cuts[i], len), targets.narrow(0, cuts[i], len));
        }
        assertEquals(whole.compute(), parts.compute());
        ConfusionMatrix a = new ConfusionMatrix(7);
        ConfusionMatrix b = new ConfusionMatrix(7);
        a.update(scores, targets);
        b.update(scores.narrow(0, 0, 50), targets.narrow(0, 0, 50));
        b.update(scores.narrow(0, 50, 51), targets.narrow(0, 50, 51));
        assertEquals(a.compute(), b.compute());
    }

    @Test
    void nonContiguousInputsAndEmptyBatches() {
        // scores stored class-major and transposed, targets sliced with step 2 from [2, 9, 0, 9, 1, 9]
        Tensor scoresT = Tensor.of(new float[] {0.1f, 0.9f, 0.2f, 0.2f, 0.05f, 0.7f, 0.7f, 0.05f, 0.1f}, 3, 3).t();
        Tensor targets = Tensor.ofInts(new int[] {2, 9, 0, 9, 1, 9}, 6).slice(0, 0, 6, 2);
        // rows of scoresT: [0.1, 0.2, 0.7] -> 2, [0.9, 0.05, 0.05] -> 0, [0.2, 0.7, 0.1] -> 1
        Accuracy a = new Accuracy();
        a.update(scoresT, targets);
        a.update(Tensor.zeros(0, 3), Tensor.ofInts(new int[0], 0));
        assertEquals(1.0, a.compute(), EPS);
        TopKAccuracy top = new TopKAccuracy(1);
        top.update(scoresT, targets);
        assertEquals(1.0, top.compute(), EPS);
        ConfusionMatrix cm = new ConfusionMatrix(3);
        cm.update(Tensor.zeros(0, 3), Tensor.ofInts(new int[0], 0));
        assertThrows(IllegalStateException.class, cm::compute);
        var column = assertThrows(ShapeException.class, () -> a.update(scoresT, Tensor.ofInts(new int[3], 3, 1)));
        assertTrue(column.getMessage().contains("[3, 1]") && column.getMessage().contains("reshape(-1)"),
                column.getMessage());
    }

    private static MetricCollection collection() {
        return MetricCollection.of(new Accuracy(), new TopKAccuracy(3), new Precision(7, Average.MACRO),
                new Recall(7, Average.WEIGHTED), new F1Score(7, Average.MACRO));
    }

    @Test
    void confusionMatrixPrintsATable() {
        ConfusionMatrix cm = new ConfusionMatrix(List.of("cat", "dog", "bird"));
        cm.update(ints(0, 0, 1, 2, 2, 2, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1), ints(0, 1, 1, 2, 2, 0, 0, 1, 1, 1, 1, 1, 1, 1,
                1, 1));
        String expected = ""
                + "true\\pred  cat  dog  bird\n"
                + "      cat    2    0     1\n"
                + "      dog    1   10     0\n"
                + "     bird    0    0     2";
        assertEquals(expected, cm.toString());
        assertEquals(expected, cm.compute().toString());
        ConfusionMatrix plain = new ConfusionMatrix(2);
        plain.update(ints(1, 0), ints(1, 1));
        assertEquals("true\\pred  0  1\n        0  0  0\n        1  1  1", plain.toString());
    }

    @Test
    void reportIsLaidOutAsSklearnClassificationReport() {
        // sklearn's layout code (head_fmt, row_fmt, row_fmt_accuracy) run in Python on the numpy values above
        ConfusionMatrix cm = new ConfusionMatrix(List.of("cat", "dog", "bird", "fish", "frog", "newt"));
        cm.update(ints(PREDICTED), ints(TARGETS));
        String expected = "              precision    recall  f1-score   support\n\n"
                + "         cat       0.75      1.00      0.86         3\n"
                + "         dog       0.50      0.50      0.50         4\n"
                + "        bird       0.67      0.67      0.67         3\n"
                + "        fish       0.00      0.00      0.00         0\n"
                + "        frog       0.00      0.00      0.00         2\n"
                + "        newt       0.00      0.00      0.00         0\n\n"
                + "    accuracy                           0.58        12\n"
                + "   macro avg       0.38      0.43      0.40        12\n"
                + "weighted avg       0.52      0.58      0.55        12\n";
        assertEquals(expected, cm.compute().report(2));
    }

    @Test
    void errorsNameTheMetricAndTheProblem() {
        Accuracy a = new Accuracy();
        var shape = assertThrows(ShapeException.class, () -> a.update(Tensor.zeros(4, 3), ints(0, 1, 2)));
        assertTrue(shape.getMessage().contains("Accuracy") && shape.getMessage().contains("[4, 3]")
                && shape.getMessage().contains("[3]"), shape.getMessage());
        var floats = assertThrows(IllegalArgumentException.class,
                () -> a.update(Tensor.zeros(2, 3), Tensor.of(new float[] {0, 1}, 2)));
        assertTrue(floats.getMessage().contains("int32") && floats.getMessage().contains("float32")
                && floats.getMessage().contains("targets.toInt()"), floats.getMessage());
        ConfusionMatrix cm = new ConfusionMatrix(3);
        var range = assertThrows(IllegalArgumentException.class, () -> cm.update(ints(0, 1), ints(0, 7)));
        assertTrue(range.getMessage().contains("target class 7") && range.getMessage().contains("[0, 3)"),
                range.getMessage());
        var predicted = assertThrows(IllegalArgumentException.class, () -> cm.update(ints(0, 5), ints(0, 1)));
        assertTrue(predicted.getMessage().contains("predicted class 5"), predicted.getMessage());
        var columns = assertThrows(ShapeException.class, () -> cm.update(Tensor.zeros(2, 4), ints(0, 1)));
        assertTrue(columns.getMessage().contains("expected scores [N, 3]") && columns.getMessage().contains("[2, 4]"),
                columns.getMessage());
        var probs = assertThrows(IllegalArgumentException.class,
                () -> Accuracy.binary(0.5f).update(Tensor.of(new float[] {2.5f}, 1), ints(1)));
        assertTrue(probs.getMessage().contains("[0, 1]") && probs.getMessage().contains("Decision.logits()"),
                probs.getMessage());
        var soft = assertThrows(IllegalArgumentException.class,
                () -> Accuracy.binary(0.5f).update(Tensor.of(new float[] {0.5f}, 1), Tensor.of(new float[] {0.3f}, 1)));
        assertTrue(soft.getMessage().contains("0 or 1"), soft.getMessage());
        var multiForBinary = assertThrows(ShapeException.class,
                () -> Accuracy.binaryLogits().update(Tensor.zeros(2, 3), ints(0, 1)));
        assertTrue(multiForBinary.getMessage().contains("Decision.argmax()"), multiForBinary.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> a.update(Tensor.of(new float[] {0, Float.NaN}, 1, 2), ints(0)));
        assertTrue(nan.getMessage().contains("NaN at flat index 1"), nan.getMessage());
        var topK = assertThrows(ShapeException.class, () -> new TopKAccuracy(5).update(Tensor.zeros(2, 3), ints(0, 1)));
        assertTrue(topK.getMessage().contains("TopKAccuracy(k=5)") && topK.getMessage().contains("[2, 3]"),
                topK.getMessage());
        var empty = assertThrows(IllegalStateException.class, a::compute);
        assertTrue(empty.getMessage().contains("Accuracy") && empty.getMessage().contains("update()"),
                empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(3, Decision.logits()));
        assertThrows(IllegalArgumentException.class, () -> Decision.threshold(1f));
    }

    private static Confusion confusion() {
        ConfusionMatrix cm = new ConfusionMatrix(6);
        cm.update(ints(PREDICTED), ints(TARGETS));
        return cm.compute();
    }
}
