package io.neurite.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.data.Batch;
import io.neurite.data.DataLoader;
import io.neurite.data.TensorDataset;
import io.neurite.data.datasets.EmbeddedFashionMNIST;
import io.neurite.data.datasets.LabeledImages;
import io.neurite.nn.Dropout;
import io.neurite.nn.Flatten;
import io.neurite.nn.Layer;
import io.neurite.nn.Linear;
import io.neurite.nn.ReLU;
import io.neurite.nn.Sequential;
import io.neurite.nn.loss.CrossEntropyLoss;
import io.neurite.nn.loss.MSELoss;
import io.neurite.nn.loss.Reduction;
import io.neurite.optim.Adam;
import io.neurite.optim.SGD;
import io.neurite.optim.lr.StepLR;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import io.neurite.train.metrics.Accuracy;
import io.neurite.train.metrics.MetricCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerTest {

    static DataLoader<?, Batch> loader(TensorDataset data, int batch, boolean shuffle) {
        return DataLoader.builder(data).batchSize(batch).shuffle(shuffle).seed(11).build();
    }

    /** y = x W + b + noise, 128 samples of 4 features, 2 outputs. */
    static TensorDataset regression(long seed, int n) {
        Generator g = new Generator(seed);
        Tensor x = Tensor.randn(g, n, 4);
        Tensor w = Tensor.randn(g, 4, 2);
        Tensor y = x.matmul(w).add(Tensor.randn(g, n, 2).mul(0.1f));
        return new TensorDataset(x, y);
    }

    static Sequential mlp(int in, int hidden, int out) {
        return new Sequential(new Linear(in, hidden), new ReLU(), new Linear(hidden, out));
    }

    static float[] flatParams(Layer model) {
        List<Float> all = new ArrayList<>();
        for (Tensor p : model.parameters()) for (float v : p.toFloatArray()) all.add(v);
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) out[i] = all.get(i);
        return out;
    }

    @Test
    void fitImprovesAccuracyOnEmbeddedFashionMnistAndFillsHistory() {
        Tensor.manualSeed(1);
        LabeledImages train = EmbeddedFashionMNIST.train(), test = EmbeddedFashionMNIST.test();
        Sequential model = new Sequential(new Flatten(), new Linear(784, 32), new ReLU(), new Linear(32, 10));
        Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), new Adam(model.parameters(), 3e-3))
                .trainLoader(DataLoader.builder(train).batchSize(32).shuffle(true).seed(3).build())
                .validationLoader(DataLoader.builder(test).batchSize(100).build())
                .metrics(() -> MetricCollection.of(new Accuracy()))
                .build();
        double before = trainer.evaluate(DataLoader.builder(test).batchSize(100).build()).get("accuracy");
        History h = trainer.fit(3);

        assertEquals(3, h.size());
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy", "lr", "epoch_time", "samples_per_sec"),
                List.copyOf(h.last().keySet()));
        List<Double> loss = h.get("loss");
        assertTrue(loss.get(2) < loss.get(0), "training loss should fall: " + loss);
        assertTrue(before < 0.25, "untrained accuracy near chance, got " + before);
        double valAcc = h.get("val_accuracy").get(2);
        assertTrue(valAcc > 0.7, "val_accuracy after 3 epochs should exceed 0.7, got " + valAcc);
        assertEquals(List.of(3e-3, 3e-3, 3e-3), h.get("lr"));
        for (Map<String, Double> row : h.epochs()) {
            assertTrue(row.get("epoch_time") > 0);
            assertEquals(1800 / row.get("epoch_time"), row.get("samples_per_sec"), 1e-6 * row.get("samples_per_sec"));
        }
        assertEquals(3, trainer.epoch());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.get("val_acc"));
        assertTrue(e.getMessage().contains("History.get") && e.getMessage().contains("val_accuracy"), e.getMessage());
    }

    @Test
    void perEpochScheduleIsSteppedOncePerEpochAndPerBatchOncePerStep() {
        TensorDataset data = regression(2, 64);
        Sequential model = mlp(4, 8, 2);
        SGD sgd = new SGD(model.parameters(), 0.1);
        Trainer t = Trainer.builder(model, new MSELoss(), sgd).trainLoader(loader(data, 16, false))
                .schedule(new StepLR(sgd, 1, 0.5), ScheduleStep.PER_EPOCH).build();
        assertEquals(List.of(0.05, 0.025, 0.0125), t.fit(3).get("lr"));

        Sequential model2 = mlp(4, 8, 2);
        SGD sgd2 = new SGD(model2.parameters(), 1.0);
        Trainer t2 = Trainer.builder(model2, new MSELoss(), sgd2).trainLoader(loader(data, 16, false))
                .schedule(new StepLR(sgd2, 1, 0.5), ScheduleStep.PER_BATCH).accumulateGradients(2).build();
        // 4 batches, accumulating 2: 2 optimizer steps per epoch, so 2 schedule steps.
        assertEquals(List.of(0.25, 0.0625), t2.fit(2).get("lr"));
    }

    @Test
    void gradientAccumulationOfTwo32BatchesEqualsOne64Batch() {
        TensorDataset data = regression(5, 64);
        Tensor.manualSeed(9);
        Sequential a = mlp(4, 16, 2);
        Sequential b = mlp(4, 16, 2);
        b.loadStateDict(a.stateDict(), true);
        Trainer.builder(a, new MSELoss(), new SGD(a.parameters(), 0.5)).trainLoader(loader(data, 64, false))
                .build().fit(1);
        Trainer.builder(b, new MSELoss(), new SGD(b.parameters(), 0.5)).trainLoader(loader(data, 32, false))
                .accumulateGradients(2).build().fit(1);
        float[] pa = flatParams(a), pb = flatParams(b);
        for (int i = 0; i < pa.length; i++) assertEquals(pa[i], pb[i], 1e-6, "parameter element " + i);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder(a, new MSELoss(), new SGD(a.parameters(), 0.5)).accumulateGradients(0));
        assertTrue(e.getMessage().contains("accumulateGradients") && e.getMessage().contains("got 0"), e.getMessage());
    }

    @Test
    void evaluateAveragesMeanAndSummedLossesPerSampleAndRefusesUnreducedLosses() {
        TensorDataset data = regression(12, 40);
        Linear model = new Linear(4, 2);
        Tensor all;
        try (var s = Autograd.noGrad()) {
            all = model.forward(data.inputs());
        }
        double mean = new MSELoss().forward(all, data.targets()).item();
        double sum = new MSELoss(Reduction.SUM).forward(all, data.targets()).item();
        // 40 samples in batches of 16, 16, 8: the unequal last batch is weighted by its size.
        Trainer meanTrainer = Trainer.builder(model, new MSELoss(), new SGD(model.parameters(), 0.1)).build();
        assertEquals(mean, meanTrainer.evaluate(loader(data, 16, false)).get("loss"), 1e-6);
        Trainer sumTrainer = Trainer.builder(model, new MSELoss(Reduction.SUM), new SGD(model.parameters(), 0.1)).build();
        assertEquals(sum / 40, sumTrainer.evaluate(loader(data, 16, false)).get("loss"), 1e-5);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder(model, new MSELoss(Reduction.NONE), new SGD(model.parameters(), 0.1)));
        assertTrue(e.getMessage().contains("Trainer.builder") && e.getMessage().contains("none"), e.getMessage());
        IllegalStateException noLoader = assertThrows(IllegalStateException.class, () -> meanTrainer.fit(1));
        assertTrue(noLoader.getMessage().contains("trainLoader"), noLoader.getMessage());
    }

    @Test
    void gradientClippingByValueAndByNormBoundsTheStep() {
        // A huge target makes every gradient far larger than the clip thresholds; SGD lr 1 moves by -grad.
        Tensor x = Tensor.randn(new Generator(4), 8, 3);
        TensorDataset data = new TensorDataset(x, Tensor.zeros(8, 1).add(Tensor.scalar(1000f)));

        Linear byValue = new Linear(3, 1);
        float[] before = flatParams(byValue);
        Trainer.builder(byValue, new MSELoss(), new SGD(byValue.parameters(), 1.0)).trainLoader(loader(data, 8, false))
                .clipGradValue(0.01).build().fit(1);
        float[] after = flatParams(byValue);
        for (int i = 0; i < before.length; i++) assertEquals(0.01, Math.abs(after[i] - before[i]), 1e-6);

        Linear byNorm = new Linear(3, 1);
        before = flatParams(byNorm);
        Trainer.builder(byNorm, new MSELoss(), new SGD(byNorm.parameters(), 1.0)).trainLoader(loader(data, 8, false))
                .clipGradNorm(0.5).build().fit(1);
        after = flatParams(byNorm);
        double sq = 0;
        for (int i = 0; i < before.length; i++) sq += (after[i] - before[i]) * (after[i] - before[i]);
        assertEquals(0.5, Math.sqrt(sq), 1e-5);
    }

    /** Records the mode and the grad recording state seen by forward. */
    static final class Probe extends Layer {
        final Linear inner = register("inner", new Linear(4, 2));
        final List<Boolean> training = new ArrayList<>(), recording = new ArrayList<>();

        @Override
        public Tensor forward(Tensor input) {
            training.add(isTraining());
            recording.add(Autograd.isGradEnabled());
            return inner.forward(input);
        }
    }

    @Test
    void evaluateAndPredictRunInEvalModeWithoutGraphAndRestoreTheMode() {
        TensorDataset data = regression(6, 40);
        Probe probe = new Probe();
        Trainer t = Trainer.builder(probe, new MSELoss(), new SGD(probe.parameters(), 0.01))
                .trainLoader(loader(data, 16, false)).validationLoader(loader(data, 16, false)).build();
        t.fit(1);
        // 3 training batches in train mode with recording, then 3 validation batches in eval mode without.
        assertEquals(List.of(true, true, true, false, false, false), probe.training);
        assertEquals(List.of(true, true, true, false, false, false), probe.recording);

        probe.training.clear();
        probe.recording.clear();
        probe.train();
        Map<String, Double> eval = t.evaluate(loader(data, 16, false));
        Tensor expected;
        try (var s = Autograd.noGrad()) {
            expected = probe.inner.forward(data.inputs());
            assertEquals(new MSELoss().forward(expected, data.targets()).item(), eval.get("loss"), 1e-6);
        }
        Tensor out = t.predict(loader(data, 16, false));
        assertEquals(List.of(false, false, false, false, false, false), probe.training);
        assertEquals(List.of(false, false, false, false, false, false), probe.recording);
        assertTrue(probe.isTraining(), "the previous mode is restored");
        assertArrayEquals(new int[] {40, 2}, out.shape().dims());
        assertFalse(out.requiresGrad());
        assertNull(out.gradFn());
        assertArrayEquals(expected.toFloatArray(), out.toFloatArray(), 1e-6f);
    }

    @Test
    void dropoutIsOffDuringPrediction() {
        Sequential model = new Sequential(new Linear(4, 8), new Dropout(0.5), new Linear(8, 2));
        TensorDataset data = regression(7, 16);
        Trainer t = Trainer.builder(model, new MSELoss(), new SGD(model.parameters(), 0.01))
                .trainLoader(loader(data, 8, false)).build();
        assertArrayEquals(t.predict(loader(data, 8, false)).toFloatArray(),
                t.predict(loader(data, 16, false)).toFloatArray(), 1e-6f);
    }

    private static List<Double> trainLosses(long seed, int epochs, int workers) {
        Tensor.manualSeed(seed);
        Sequential model = new Sequential(new Linear(4, 16), new ReLU(), new Dropout(0.2), new Linear(16, 2));
        DataLoader<?, Batch> train = DataLoader.builder(regression(8, 96)).batchSize(16).shuffle(true).seed(11)
                .numWorkers(workers).build();
        Trainer t = Trainer.builder(model, new MSELoss(), new Adam(model.parameters(), 1e-2))
                .trainLoader(train).build();
        return t.fit(epochs).get("loss");
    }

    @Test
    void sameSeedGivesTheSameLossesRunAfterRun() {
        List<Double> first = trainLosses(42, 4, 0);
        List<Double> second = trainLosses(42, 4, 0);
        assertEquals(first, second);
        assertEquals(4, first.stream().distinct().count(), "losses change epoch after epoch: " + first);
        assertEquals(first, trainLosses(42, 4, 2), "background loading workers change nothing");
        assertFalse(first.equals(trainLosses(43, 4, 0)), "another seed gives other losses");
    }
}
