package io.neurite.cli.train;

import io.neurite.data.Batch;
import io.neurite.data.DataLoader;
import io.neurite.data.Dataset;
import io.neurite.data.Sample;
import io.neurite.data.Splits;
import io.neurite.data.Subset;
import io.neurite.io.Checkpoint;
import io.neurite.kernels.Parallel;
import io.neurite.models.ModelZoo;
import io.neurite.nn.Layer;
import io.neurite.nn.loss.CrossEntropyLoss;
import io.neurite.optim.Optimizer;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Shape;
import io.neurite.tensor.Tensor;
import io.neurite.train.Callback;
import io.neurite.train.EarlyStopping;
import io.neurite.train.History;
import io.neurite.train.MetricsLogger;
import io.neurite.train.ModelCheckpoint;
import io.neurite.train.Trainer;
import io.neurite.train.metrics.Accuracy;
import io.neurite.train.metrics.MetricCollection;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One training as {@code neurite train} runs it: loads the data, holds out a seeded validation part, trains a zoo
 * model with cross-entropy and accuracy, saves {@code best/} and {@code last/} checkpoints and the metrics of
 * every epoch, then tests the {@code best/} weights and writes {@code test-metrics.json}. See {@link RunFolder}
 * for the folder's layout. The same seed and thread count give the same losses, run after run.
 */
public final class TrainingRun {

    /**
     * What a run produced.
     *
     * @param folder  the run folder
     * @param history the per-epoch logs
     * @param test    the {@code best/} weights on the test set
     */
    public record Result(Path folder, History history, Evaluation test) {}

    private TrainingRun() {}

    /**
     * Runs {@code c}, printing progress to {@code out}: a progress bar on {@code terminal} when it is not null,
     * else one line per epoch.
     */
    public static Result run(TrainConfig c, PrintWriter out, PrintStream terminal) throws IOException {
        c.validate();
        ModelZoo.Entry entry = ModelZoo.entry(c.model());
        Shape input = entry.inputShape();
        if (input.rank() != 4) {
            throw new IllegalArgumentException("train: model '" + entry.name() + "' takes inputs " + input
                    + ", not images; choose an image classifier: mlp, lenet5 or simplecnn");
        }
        int threads = threads(c.threads());
        ImageData data = DataSource.load(c.dataset(), c.dataDir(), c.testData(), c.seed()).limitTraining(c.limit());
        Tensor.manualSeed(c.seed());
        Layer model = entry.factory().get();
        requireOutputs(model, input, data);
        Optimizer<?> optimizer = Optimizers.create(c, model.parameters());
        List<Subset<Sample>> parts = c.valFraction() > 0
                ? Splits.randomSplit(data.train(), c.seed(), 1 - c.valFraction(), c.valFraction()) : List.of();
        if (!parts.isEmpty() && parts.get(1).size() == 0) {
            throw new IllegalArgumentException("train: --val-fraction " + c.valFraction() + " of "
                    + data.train().size() + " training images leaves no validation image; raise --limit or"
                    + " --val-fraction");
        }
        Dataset<Sample> trainPart = parts.isEmpty() ? data.train() : parts.get(0);
        Path folder = OutputFolder.prepare(c.output() != null ? c.output() : defaultFolder(c), c.overwrite());
        Preprocessing prep = Preprocessing.of(data.train());
        DataLoader<Sample, Batch> trainLoader = DataLoader.builder(Preprocessing.transformed(trainPart,
                prep.training(c.augment(), data.flipSafe(), input.size(2), input.size(3))))
                .batchSize(c.batchSize()).shuffle(true).seed(c.seed()).build();
        Trainer.Builder builder = Trainer.builder(model, new CrossEntropyLoss(), optimizer)
                .trainLoader(trainLoader).metrics(() -> MetricCollection.of(new Accuracy()));
        if (!parts.isEmpty()) {
            builder.validationLoader(DataLoader.builder(Preprocessing.transformed(parts.get(1), prep.normalize()))
                    .batchSize(Evaluation.BATCH_SIZE).seed(c.seed()).build());
        }
        Optimizers.schedule(builder, optimizer, c.schedule(), c.epochs(), trainLoader.size(),
                parts.isEmpty() ? "loss" : "val_loss");
        Trainer trainer = builder.callbacks(callbacks(c, folder, trainLoader.size(), out, terminal)).build();

        RunFolder.write(folder, describe(c, entry, data, prep, optimizer, threads));
        out.printf(Locale.ROOT, "training %s (%,d parameters) on %s: %d training, %d validation, %d test images;"
                        + " %s lr %.3g, batch %d, %d epoch(s), %d thread(s)%n", entry.name(), entry.parameterCount(),
                data.name(), trainPart.size(), parts.isEmpty() ? 0 : parts.get(1).size(), data.test().size(),
                c.optimizer(), optimizer.paramGroups().get(0).lr(), c.batchSize(), c.epochs(), threads);
        out.flush();
        History history = withThreads(threads, () -> trainer.fit(c.epochs()));

        Checkpoint.load(folder.resolve(ModelCheckpoint.BEST), model);
        Evaluation test = withThreads(threads, () -> Evaluation.of(model,
                Preprocessing.transformed(data.test(), prep.normalize()), data.classes()));
        Map<String, Object> metrics = new LinkedHashMap<>(test.toJson());
        metrics.put("checkpoint", ModelCheckpoint.BEST);
        metrics.put("epochs_trained", history.size());
        JsonFiles.write(folder.resolve(RunFolder.TEST_METRICS), metrics);
        return new Result(folder, history, test);
    }

    /** Early stopping when asked, best/ and last/ checkpoints, the metrics files, and the progress display. */
    private static Callback[] callbacks(TrainConfig c, Path folder, int batches, PrintWriter out,
            PrintStream terminal) {
        List<Callback> callbacks = new ArrayList<>();
        if (c.patience() > 0) {
            callbacks.add(new EarlyStopping(c.monitoredKey(), c.monitorMode(), c.patience(), 0, true));
        }
        callbacks.add(new ModelCheckpoint(folder, c.monitoredKey(), c.monitorMode()));
        callbacks.add(new MetricsLogger(folder));
        callbacks.add(terminal != null ? new TerminalProgress(terminal, out, c.epochs(), batches)
                : new EpochLine(out, c.epochs()));
        return callbacks.toArray(Callback[]::new);
    }

    /** The thread count to train with: the pool's size when 0; more than the pool has is refused. */
    private static int threads(int requested) {
        int pool = Parallel.threads();
        if (requested > pool) {
            throw new IllegalArgumentException("train: --threads " + requested + " is more than the kernel pool's "
                    + pool + " thread(s), which is sized when Neurite starts; run with NEURITE_THREADS=" + requested
                    + " to enlarge it");
        }
        return requested == 0 ? pool : requested;
    }

    /** Fails when the model's number of outputs differs from the number of classes. */
    private static void requireOutputs(Layer model, Shape input, ImageData data) {
        int outputs;
        try (var noGrad = Autograd.noGrad()) {
            model.eval();
            outputs = model.forward(Tensor.zeros(input.dims())).size(1);
            model.train();
        }
        if (outputs != data.classes().size()) {
            throw new IllegalArgumentException("train: the model has " + outputs + " outputs but " + data.name()
                    + " has " + data.classes().size() + " classes " + data.classes()
                    + "; the zoo's image models classify 10 classes");
        }
    }

    private static Path defaultFolder(TrainConfig c) {
        String dataset = c.dataset().contains(":") ? c.dataset().substring(0, c.dataset().indexOf(':')) : c.dataset();
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", c.model().toLowerCase(Locale.ROOT) + "-" + dataset + "-" + time);
    }

    private static Map<String, Object> describe(TrainConfig c, ModelZoo.Entry entry, ImageData data,
            Preprocessing prep, Optimizer<?> optimizer, int threads) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", entry.name());
        m.put("parameters", entry.parameterCount());
        m.put("dataset", c.dataset());
        m.put("dataDir", c.dataDir() == null ? null : c.dataDir().toString());
        m.put("testData", c.testData() == null ? null : c.testData().toString());
        m.put("classes", data.classes());
        m.put("input", List.of(entry.inputShape().size(1), entry.inputShape().size(2), entry.inputShape().size(3)));
        Map<String, Object> normalize = new LinkedHashMap<>();
        normalize.put("mean", (double) prep.mean());
        normalize.put("std", (double) prep.std());
        m.put("normalize", normalize);
        m.put("trainImages", data.train().size());
        m.put("testImages", data.test().size());
        m.put("epochs", c.epochs());
        m.put("batchSize", c.batchSize());
        m.put("optimizer", c.optimizer());
        m.put("optimizerOptions", optimizer.defaults().toString());
        m.put("lr", optimizer.paramGroups().get(0).lr());
        m.put("schedule", c.schedule());
        m.put("augment", c.augment());
        m.put("valFraction", c.valFraction());
        m.put("earlyStopping", c.patience());
        m.put("monitor", c.monitoredKey());
        m.put("seed", c.seed());
        m.put("threads", threads);
        m.put("limit", c.limit());
        m.put("java", Runtime.version().toString());
        m.put("started", LocalDateTime.now().toString());
        return m;
    }

    /** A value computed with the kernels limited to {@code threads} threads. */
    private static <T> T withThreads(int threads, Supplier<T> body) {
        List<T> result = new ArrayList<>(1);
        Parallel.withThreads(threads, () -> result.add(body.get()));
        return result.get(0);
    }
}
