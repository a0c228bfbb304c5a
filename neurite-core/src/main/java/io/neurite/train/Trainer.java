package io.neurite.train;

import io.neurite.data.Batch;
import io.neurite.data.BatchIterator;
import io.neurite.data.DataLoader;
import io.neurite.io.Checkpoint;
import io.neurite.nn.Layer;
import io.neurite.nn.loss.Loss;
import io.neurite.nn.loss.Reduction;
import io.neurite.optim.GradClip;
import io.neurite.optim.Optimizer;
import io.neurite.optim.lr.LRScheduler;
import io.neurite.optim.lr.ReduceLROnPlateau;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import io.neurite.train.metrics.MetricCollection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Fits a model: for each epoch, the model in train mode over the training loader (forward, loss, backward,
 * optional clipping and gradient accumulation, optimizer step, per-batch schedule), then the model in eval
 * mode without recording gradients over the validation loader, then the per-epoch schedule and the callbacks.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), new Adam(model.parameters(), 1e-3))
 *         .trainLoader(train).validationLoader(val)
 *         .metrics(() -> MetricCollection.of(new Accuracy()))
 *         .callbacks(new EarlyStopping("val_loss", EarlyStopping.Mode.MIN, 3), new ProgressPrinter(System.out))
 *         .build();
 * History h = trainer.fit(10);
 * }</pre>
 *
 * <p>Logged names: {@code loss} (the mean per sample over the epoch for a mean-reduced loss; the
 * sum over the epoch divided by the samples for a summed one), each metric's name, {@code val_loss} and {@code val_} + each metric's name,
 * {@code lr} (of the first parameter group, at the end of the epoch), {@code epoch_time} (seconds) and
 * {@code samples_per_sec} (training samples per second).
 */
public final class Trainer {

    private static final String GENERATOR = "generator";

    private final Layer model;
    private final Loss loss;
    private final Optimizer<?> optimizer;
    private final LRScheduler scheduler;
    private final ScheduleStep scheduleStep;
    private final ReduceLROnPlateau plateau;
    private final String plateauMonitor;
    private final DataLoader<?, Batch> trainLoader;
    private final DataLoader<?, Batch> validationLoader;
    private final Supplier<MetricCollection> metrics;
    private final List<Callback> callbacks;
    private final List<ProgressListener> listeners = new ArrayList<>();
    private final double clipNorm;
    private final double clipValue;
    private final int accumulation;
    private int epoch;
    private boolean stopRequested;

    private Trainer(Builder b) {
        model = b.model;
        loss = b.loss;
        optimizer = b.optimizer;
        scheduler = b.scheduler;
        scheduleStep = b.scheduleStep;
        plateau = b.plateau;
        plateauMonitor = b.plateauMonitor;
        trainLoader = b.trainLoader;
        validationLoader = b.validationLoader;
        metrics = b.metrics;
        callbacks = List.copyOf(b.callbacks);
        for (Callback c : callbacks) if (c instanceof ProgressListener p) listeners.add(p);
        clipNorm = b.clipNorm;
        clipValue = b.clipValue;
        accumulation = b.accumulation;
    }

    /** A builder for a trainer of {@code model} minimizing {@code loss} with {@code optimizer}. */
    public static Builder builder(Layer model, Loss loss, Optimizer<?> optimizer) {
        return new Builder(model, loss, optimizer);
    }

    public Layer model() {
        return model;
    }

    public Optimizer<?> optimizer() {
        return optimizer;
    }

    /**
     * Epochs trained so far over this trainer's life (restored by {@link #resume}); in
     * {@link Callback#onEpochEnd} it already counts the epoch that just ended.
     */
    public int epoch() {
        return epoch;
    }

    /** Asks {@link #fit} to stop after the current epoch (callbacks call this). */
    public void stopTraining() {
        stopRequested = true;
    }

    /** Whether training was asked to stop. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** Learning rate of the first parameter group. */
    public double lr() {
        return optimizer.paramGroups().get(0).lr();
    }

    /**
     * Trains {@code epochs} more epochs (fewer if a callback stops training) and returns their logs.
     * Epoch numbers continue from {@link #epoch()}, so shuffling after a {@link #resume} matches an
     * uninterrupted run.
     */
    public History fit(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("Trainer.fit: epochs must be >= 0, got " + epochs);
        }
        if (trainLoader == null) {
            throw new IllegalStateException("Trainer.fit: no training loader; hint: set Builder.trainLoader(loader)");
        }
        History history = new History();
        stopRequested = false;
        for (Callback c : callbacks) c.onTrainBegin(this);
        for (int i = 0; i < epochs && !stopRequested; i++) {
            Map<String, Double> logs = new LinkedHashMap<>();
            for (Callback c : callbacks) c.onEpochBegin(epoch, logs);
            long start = System.nanoTime();
            long samples = trainEpoch(logs);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (validationLoader != null) {
                evaluate(validationLoader).forEach((k, v) -> logs.put("val_" + k, v));
            }
            stepEpochSchedules(logs);
            logs.put("lr", lr());
            logs.put("epoch_time", seconds);
            logs.put("samples_per_sec", samples / Math.max(seconds, 1e-9));
            epoch++; // the epoch counts as trained from here: checkpoints saved by callbacks resume after it
            for (Callback c : callbacks) c.onEpochEnd(epoch - 1, logs);
            history.add(logs);
        }
        for (Callback c : callbacks) c.onTrainEnd(this);
        return history;
    }

    private long trainEpoch(Map<String, Double> logs) {
        model.train();
        MetricCollection m = freshMetrics();
        int total = trainLoader.size();
        double lossSum = 0;
        long samples = 0;
        long start = System.nanoTime();
        optimizer.zeroGrad();
        int batch = 0;
        // The loader's epoch is the trainer's, so shuffling after a resume matches an uninterrupted run.
        try (BatchIterator<Batch> it = trainLoader.iterator(epoch)) {
            while (it.hasNext()) {
                Batch b = it.next();
                Map<String, Double> batchLogs = new LinkedHashMap<>();
                for (Callback c : callbacks) c.onBatchBegin(batch, batchLogs);
                Tensor out = model.forward(b.inputs());
                Tensor value = loss.forward(out, b.targets());
                // Accumulating N batches: each loss scaled by 1/N so the summed gradient is the mean's.
                (accumulation == 1 ? value : value.mul(1f / accumulation)).backward();
                if ((batch + 1) % accumulation == 0 || batch + 1 == total) optimizerStep();
                double batchLoss = value.item();
                int size = b.size();
                lossSum += summed(batchLoss, size);
                samples += size;
                if (m != null) m.update(out.detach(), b.targets());
                batchLogs.put("loss", batchLoss);
                batchLogs.put("size", (double) size);
                for (Callback c : callbacks) c.onBatchEnd(batch, batchLogs);
                reportProgress(batch, total, lossSum / samples, m, samples, start);
                batch++;
            }
        }
        if (samples == 0) {
            throw new IllegalStateException("Trainer.fit: the training loader gave no batch in epoch " + epoch
                    + "; hint: check the dataset size against batchSize and dropLast");
        }
        logs.put("loss", lossSum / samples);
        if (m != null) logs.putAll(m.compute());
        return samples;
    }

    /** The batch's loss summed over its samples: a summed loss as is, a mean one times the batch size. */
    private double summed(double batchLoss, int size) {
        return loss.reduction() == Reduction.SUM ? batchLoss : batchLoss * size;
    }

    private void optimizerStep() {
        List<Tensor> params = model.parameters();
        if (clipNorm > 0) GradClip.clipGradNorm(params, clipNorm);
        if (clipValue > 0) GradClip.clipGradValue(params, clipValue);
        optimizer.step();
        optimizer.zeroGrad();
        if (scheduler != null && scheduleStep == ScheduleStep.PER_BATCH) scheduler.step();
    }

    private void reportProgress(int batch, int total, double runningLoss, MetricCollection m, long samples,
            long start) {
        if (listeners.isEmpty()) return;
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
        Progress p = new Progress(epoch, batch, total, runningLoss, m == null ? Map.of() : m.compute(),
                samples / seconds);
        for (ProgressListener l : listeners) l.onProgress(p);
    }

    private void stepEpochSchedules(Map<String, Double> logs) {
        if (scheduler != null && scheduleStep == ScheduleStep.PER_EPOCH) scheduler.step();
        if (plateau != null) {
            Double metric = logs.get(plateauMonitor);
            if (metric == null) {
                throw new IllegalStateException("Trainer.fit: ReduceLROnPlateau monitors \"" + plateauMonitor
                        + "\" but the epoch logged " + logs.keySet()
                        + "; hint: set a validation loader, or monitor \"loss\"");
            }
            plateau.step(metric);
        }
    }

    private MetricCollection freshMetrics() {
        return metrics == null ? null : metrics.get();
    }

    /**
     * The mean loss ("loss") and the metrics over {@code loader}, with the model in eval mode and no
     * gradient recorded; the model's previous mode is restored afterwards.
     */
    public Map<String, Double> evaluate(DataLoader<?, Batch> loader) {
        boolean wasTraining = model.isTraining();
        model.eval();
        MetricCollection m = freshMetrics();
        double lossSum = 0;
        long samples = 0;
        try (var scope = Autograd.noGrad(); BatchIterator<Batch> it = loader.iterator()) {
            while (it.hasNext()) {
                Batch b = it.next();
                Tensor out = model.forward(b.inputs());
                lossSum += summed(loss.forward(out, b.targets()).item(), b.size());
                samples += b.size();
                if (m != null) m.update(out, b.targets());
            }
        } finally {
            model.train(wasTraining);
        }
        if (samples == 0) {
            throw new IllegalArgumentException("Trainer.evaluate: the loader gave no batch; hint: check the "
                    + "dataset size against batchSize and dropLast");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("loss", lossSum / samples);
        if (m != null) out.putAll(m.compute());
        return out;
    }

    /**
     * The model's outputs over {@code loader}, concatenated along dim 0, computed in eval mode without
     * recording gradients (the model's previous mode is restored afterwards).
     */
    public Tensor predict(DataLoader<?, Batch> loader) {
        boolean wasTraining = model.isTraining();
        model.eval();
        List<Tensor> outs = new ArrayList<>();
        try (var scope = Autograd.noGrad(); BatchIterator<Batch> it = loader.iterator()) {
            while (it.hasNext()) outs.add(model.forward(it.next().inputs()));
        } finally {
            model.train(wasTraining);
        }
        if (outs.isEmpty()) {
            throw new IllegalArgumentException("Trainer.predict: the loader gave no batch; hint: check the "
                    + "dataset size against batchSize and dropLast");
        }
        return Tensor.cat(outs, 0);
    }

    /**
     * Saves the model, the optimizer and schedule states, the epoch count, the default generator's state
     * (dropout masks and other draws continue as if never stopped) and {@code metadata} to
     * {@code dir} with {@link Checkpoint} (each file written atomically).
     */
    public void saveCheckpoint(Path dir, Map<String, Object> metadata) throws IOException {
        Map<String, Object> state = new LinkedHashMap<>(metadata);
        state.put("epoch", epoch);
        state.put(Checkpoint.OPTIMIZER, optimizer.stateDict());
        if (scheduler != null) state.put(Checkpoint.SCHEDULER, scheduler.stateDict());
        if (plateau != null) state.put("plateau", plateau.stateDict());
        List<String> generator = new ArrayList<>();
        for (long word : Generator.defaultGenerator().getState()) generator.add(Long.toString(word));
        state.put(GENERATOR, generator);
        Checkpoint.save(dir, model, state);
    }

    /**
     * Restores a checkpoint written by {@link #saveCheckpoint} (or {@link ModelCheckpoint}) into this
     * trainer's model, optimizer and schedules, its epoch count and the default generator's state, so
     * {@link #fit} continues exactly as if never stopped.
     */
    @SuppressWarnings("unchecked")
    public Checkpoint.Loaded resume(Path dir) throws IOException {
        Checkpoint.Loaded loaded = Checkpoint.load(dir, model);
        optimizer.loadStateDict(loaded.optimizerState());
        if (scheduler != null) scheduler.loadStateDict(loaded.schedulerState());
        if (plateau != null && loaded.state().get("plateau") instanceof Map<?, ?> p) {
            plateau.loadStateDict((Map<String, Object>) p);
        }
        if (!(loaded.state().get("epoch") instanceof Number n)) {
            throw new IllegalArgumentException("Trainer.resume: checkpoint " + dir + " has no 'epoch' (keys: "
                    + loaded.state().keySet() + "); hint: write it with Trainer.saveCheckpoint or ModelCheckpoint");
        }
        if (loaded.state().get(GENERATOR) instanceof List<?> words) {
            long[] state = new long[words.size()];
            for (int i = 0; i < state.length; i++) state[i] = Long.parseLong(String.valueOf(words.get(i)));
            Generator.defaultGenerator().setState(state);
        }
        epoch = n.intValue();
        return loaded;
    }

    /** Options of a {@link Trainer}; only the model, loss, optimizer and a training loader are required. */
    public static final class Builder {
        private final Layer model;
        private final Loss loss;
        private final Optimizer<?> optimizer;
        private LRScheduler scheduler;
        private ScheduleStep scheduleStep;
        private ReduceLROnPlateau plateau;
        private String plateauMonitor;
        private DataLoader<?, Batch> trainLoader;
        private DataLoader<?, Batch> validationLoader;
        private Supplier<MetricCollection> metrics;
        private final List<Callback> callbacks = new ArrayList<>();
        private double clipNorm;
        private double clipValue;
        private int accumulation = 1;

        private Builder(Layer model, Loss loss, Optimizer<?> optimizer) {
            this.model = Objects.requireNonNull(model, "model");
            this.loss = Objects.requireNonNull(loss, "loss");
            if (loss.reduction() == Reduction.NONE) {
                throw new IllegalArgumentException("Trainer.builder: the loss must reduce to a scalar, got "
                        + loss.getClass().getSimpleName() + " with reduction none; hint: use Reduction.MEAN");
            }
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        }

        /** Steps {@code scheduler} after every optimizer step or after every epoch, as {@code when} says. */
        public Builder schedule(LRScheduler scheduler, ScheduleStep when) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            this.scheduleStep = Objects.requireNonNull(when, "when");
            return this;
        }

        /** Steps {@code plateau} after every epoch with the logged value of {@code monitor} (e.g. "val_loss"). */
        public Builder plateau(ReduceLROnPlateau plateau, String monitor) {
            this.plateau = Objects.requireNonNull(plateau, "plateau");
            this.plateauMonitor = Objects.requireNonNull(monitor, "monitor");
            return this;
        }

        public Builder trainLoader(DataLoader<?, Batch> loader) {
            this.trainLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** Evaluated after every epoch; its results are logged with the prefix "val_". */
        public Builder validationLoader(DataLoader<?, Batch> loader) {
            this.validationLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** Makes the metrics: called once per training epoch and per evaluation, so each starts fresh. */
        public Builder metrics(Supplier<MetricCollection> factory) {
            this.metrics = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Adds callbacks; they run in the order added. */
        public Builder callbacks(Callback... callbacks) {
            for (Callback c : callbacks) this.callbacks.add(Objects.requireNonNull(c, "callback"));
            return this;
        }

        /** Scales gradients so their total L2 norm is at most {@code maxNorm} before each step. */
        public Builder clipGradNorm(double maxNorm) {
            if (!(maxNorm > 0)) {
                throw new IllegalArgumentException("Trainer.Builder.clipGradNorm: maxNorm must be > 0, got " + maxNorm);
            }
            this.clipNorm = maxNorm;
            return this;
        }

        /** Clamps every gradient element into [-value, value] before each step. */
        public Builder clipGradValue(double value) {
            if (!(value > 0)) {
                throw new IllegalArgumentException("Trainer.Builder.clipGradValue: value must be > 0, got " + value);
            }
            this.clipValue = value;
            return this;
        }

        /**
         * Steps the optimizer every {@code batches} batches (and after the epoch's last), each loss scaled
         * by 1/batches: N batches of size B then step like one batch of N*B with a mean-reduced loss.
         */
        public Builder accumulateGradients(int batches) {
            if (batches < 1) {
                throw new IllegalArgumentException("Trainer.Builder.accumulateGradients: batches must be >= 1, got "
                        + batches);
            }
            this.accumulation = batches;
            return this;
        }

        public Trainer build() {
            return new Trainer(this);
        }
    }
}
