package io.neurite.train;

import static io.neurite.train.TrainerTest.flatParams;
import static io.neurite.train.TrainerTest.loader;
import static io.neurite.train.TrainerTest.regression;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.data.TensorDataset;
import io.neurite.io.Checkpoint;
import io.neurite.io.Json;
import io.neurite.nn.Dropout;
import io.neurite.nn.Linear;
import io.neurite.nn.ReLU;
import io.neurite.nn.Sequential;
import io.neurite.nn.loss.MSELoss;
import io.neurite.optim.Adam;
import io.neurite.optim.SGD;
import io.neurite.optim.lr.ReduceLROnPlateau;
import io.neurite.optim.lr.StepLR;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbacksTest {

    @TempDir
    Path tmp;

    /** Logs "score" from a fixed sequence and sets the model's weights to the epoch number. */
    static final class FakeScore implements Callback {
        private final double[] scores;
        private Trainer trainer;

        FakeScore(double... scores) {
            this.scores = scores;
        }

        @Override
        public void onTrainBegin(Trainer trainer) {
            this.trainer = trainer;
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            logs.put("score", scores[epoch]);
            try (var s = Autograd.noGrad()) {
                for (Tensor p : trainer.model().parameters()) p.fillInPlace(epoch);
            }
        }
    }

    private static Trainer fakeTrainer(Linear model, Callback... callbacks) {
        return Trainer.builder(model, new MSELoss(), new SGD(model.parameters(), 0.0))
                .trainLoader(loader(regression(1, 8), 8, false)).callbacks(callbacks).build();
    }

    @Test
    void earlyStoppingStopsAfterPatienceAndRestoresTheBestWeights() {
        // Best 3.0 at epoch 2; 3.5, 3.2, 2.96 are not better by more than minDelta 0.05: stop at epoch 5.
        EarlyStopping stop = new EarlyStopping("score", EarlyStopping.Mode.MIN, 3, 0.05, true);
        Linear model = new Linear(4, 2);
        History h = fakeTrainer(model, new FakeScore(5, 4, 3, 3.5, 3.2, 2.96, 1, 1), stop).fit(8);
        assertEquals(6, h.size());
        assertEquals(List.of(5.0, 4.0, 3.0, 3.5, 3.2, 2.96), h.get("score"));
        assertEquals(2, stop.bestEpoch());
        assertEquals(5, stop.stoppedEpoch());
        assertEquals(3.0, stop.best());
        for (float v : flatParams(model)) assertEquals(2f, v, "weights of the best epoch (2) restored");
    }

    @Test
    void earlyStoppingInMaxModeWithoutRestoreKeepsTheLastWeights() {
        EarlyStopping stop = new EarlyStopping("score", EarlyStopping.Mode.MAX, 1);
        Linear model = new Linear(4, 2);
        History h = fakeTrainer(model, new FakeScore(0.5, 0.7, 0.7, 0.9), stop).fit(4);
        assertEquals(3, h.size());
        assertEquals(1, stop.bestEpoch());
        for (float v : flatParams(model)) assertEquals(2f, v);

        EarlyStopping missing = new EarlyStopping("val_score", EarlyStopping.Mode.MAX, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> fakeTrainer(new Linear(4, 2), new FakeScore(1), missing).fit(1));
        assertTrue(e.getMessage().contains("EarlyStopping") && e.getMessage().contains("val_score")
                && e.getMessage().contains("score"), e.getMessage());
    }

    @Test
    void modelCheckpointWritesBestAndLastThatLoad() throws Exception {
        ModelCheckpoint ckpt = new ModelCheckpoint(tmp, "score", EarlyStopping.Mode.MIN);
        Linear model = new Linear(4, 2);
        fakeTrainer(model, new FakeScore(3, 1, 2), ckpt).fit(3);

        Linear best = new Linear(4, 2);
        Checkpoint.Loaded b = Checkpoint.load(ckpt.bestPath(), best);
        for (float v : flatParams(best)) assertEquals(1f, v, "best is epoch 1");
        assertEquals(2, ((Number) b.state().get("epoch")).intValue());
        assertEquals(1.0, ((Map<?, ?>) b.state().get("metrics")).get("score"));
        Linear last = new Linear(4, 2);
        Checkpoint.Loaded l = Checkpoint.load(ckpt.lastPath(), last);
        for (float v : flatParams(last)) assertEquals(2f, v, "last is epoch 2");
        assertEquals(3, ((Number) l.state().get("epoch")).intValue());
        assertEquals(1.0, ckpt.best());
        try (var files = Files.list(tmp.resolve("last"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }

        // A later run into the same folder keeps the saved best (1.0): 2.5 is not better.
        ModelCheckpoint again = new ModelCheckpoint(tmp, "score", EarlyStopping.Mode.MIN);
        fakeTrainer(new Linear(4, 2), new FakeScore(2.5), again).fit(1);
        assertEquals(1.0, again.best());
        Checkpoint.load(again.bestPath(), best);
        for (float v : flatParams(best)) assertEquals(1f, v, "best still epoch 1");
    }

    private record Run(Sequential model, Trainer trainer) {}

    private static Run run(long seed, Callback... callbacks) {
        Tensor.manualSeed(seed);
        Sequential model = new Sequential(new Linear(4, 16), new ReLU(), new Dropout(0.3), new Linear(16, 2));
        Adam adam = new Adam(model.parameters(), 1e-2);
        Trainer t = Trainer.builder(model, new MSELoss(), adam)
                .trainLoader(loader(regression(3, 96), 16, true))
                .validationLoader(loader(regression(4, 32), 16, false))
                .schedule(new StepLR(adam, 2, 0.5), ScheduleStep.PER_EPOCH)
                .callbacks(callbacks).build();
        return new Run(model, t);
    }

    @Test
    void resumingFromACheckpointContinuesWithEqualLosses() throws Exception {
        // The model has dropout: its masks must continue from the saved generator state too.
        History whole = run(21).trainer().fit(5);

        ModelCheckpoint ckpt = new ModelCheckpoint(tmp, "val_loss", EarlyStopping.Mode.MIN);
        History firstPart = run(21, ckpt).trainer().fit(2);
        assertEquals(whole.get("loss").subList(0, 2), firstPart.get("loss"));

        Run resumed = run(99); // other initial weights: everything must come from the checkpoint
        resumed.trainer().resume(ckpt.lastPath());
        assertEquals(2, resumed.trainer().epoch());
        History rest = resumed.trainer().fit(3);
        assertEquals(whole.get("loss").subList(2, 5), rest.get("loss"));
        assertEquals(whole.get("val_loss").subList(2, 5), rest.get("val_loss"));
        assertEquals(whole.get("lr").subList(2, 5), rest.get("lr"));
    }

    @Test
    void metricsLoggerAppendsJsonLinesAndCsvThatParse() throws Exception {
        MetricsLogger logger = new MetricsLogger(tmp.resolve("logs"));
        run(5, logger).trainer().fit(2);
        run(5, new MetricsLogger(tmp.resolve("logs"))).trainer().fit(1);

        List<String> json = Files.readAllLines(logger.jsonLinesPath(), StandardCharsets.UTF_8);
        assertEquals(3, json.size());
        List<Double> epochs = new ArrayList<>();
        for (String line : json) {
            Map<?, ?> row = (Map<?, ?>) Json.parse(line);
            epochs.add(((Number) row.get("epoch")).doubleValue());
            assertTrue(((Number) row.get("val_loss")).doubleValue() > 0, line);
        }
        assertEquals(List.of(0.0, 1.0, 0.0), epochs);
        List<String> csv = Files.readAllLines(logger.csvPath(), StandardCharsets.UTF_8);
        assertEquals(4, csv.size(), "one header and three rows: " + csv);
        assertEquals("epoch,loss,val_loss,lr,epoch_time,samples_per_sec", csv.get(0));
        Map<?, ?> first = (Map<?, ?>) Json.parse(json.get(0));
        String[] cells = csv.get(1).split(",");
        assertEquals(6, cells.length);
        assertEquals(((Number) first.get("loss")).doubleValue(), Double.parseDouble(cells[1]));
        assertEquals(((Number) first.get("val_loss")).doubleValue(), Double.parseDouble(cells[2]));
    }

    @Test
    void plateauIsSteppedWithTheMonitoredMetricAndLearningRatesAreLogged() {
        // The optimizer only holds a parameter outside the model: val_loss never improves after epoch 0.
        Sequential model = TrainerTest.mlp(4, 8, 2);
        Tensor unused = Tensor.zeros(1).requiresGrad(true);
        SGD sgd = new SGD(List.of(unused), 0.1);
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder(sgd).patience(0).factor(0.5).build();
        LearningRateLogger lrLogger = new LearningRateLogger();
        Trainer t = Trainer.builder(model, new MSELoss(), sgd).trainLoader(loader(regression(2, 32), 16, false))
                .validationLoader(loader(regression(3, 16), 16, false)).plateau(plateau, "val_loss")
                .callbacks(lrLogger).build();
        History h = t.fit(3);
        assertEquals(List.of(0.1, 0.05, 0.025), h.get("lr"));
        assertEquals(List.of(0.1, 0.1, 0.05), h.get("lr_group0"));
        assertEquals(3, lrLogger.values().size());
        assertArrayEquals(new double[] {0.05}, lrLogger.values().get(2));

        Trainer noVal = Trainer.builder(model, new MSELoss(), sgd).trainLoader(loader(regression(2, 32), 16, false))
                .plateau(plateau, "val_loss").build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> noVal.fit(1));
        assertTrue(e.getMessage().contains("ReduceLROnPlateau") && e.getMessage().contains("val_loss"), e.getMessage());
    }

    @Test
    void progressPrinterPrintsOneLinePerEpochAndListenersSeeEveryBatch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Progress> seen = new ArrayList<>();
        ProgressListener listener = seen::add;
        run(6, new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8)), listener).trainer().fit(2);

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("epoch 1 - loss ") && lines[0].contains(" - val_loss ")
                && lines[0].endsWith(" samples/s"), lines[0]);
        assertTrue(lines[1].startsWith("epoch 2 - "), lines[1]);
        assertEquals(12, seen.size(), "96 samples / 16 per batch, 2 epochs");
        Progress p = seen.get(7);
        assertEquals(1, p.epoch());
        assertEquals(1, p.batch());
        assertEquals(6, p.totalBatches());
        assertTrue(p.runningLoss() > 0 && p.samplesPerSecond() > 0, p.toString());
    }
}
