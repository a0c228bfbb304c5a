package io.neurite.cli.train;

import io.neurite.train.EarlyStopping;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Everything {@code neurite train} (and {@code neurite demo}) needs to run one training, checked by
 * {@link #validate()}.
 *
 * @param model         a zoo model name
 * @param dataset       a {@code --dataset} value (see {@link DataSource})
 * @param dataDir       the IDX folder, or null for the default
 * @param testData      a separate test CSV file, or null
 * @param epochs        epochs to train (fewer with early stopping)
 * @param batchSize     samples per training batch
 * @param optimizer     one of {@link Optimizers#NAMES}
 * @param lr            the learning rate, or null for the optimizer's default
 * @param momentum      momentum (SGD family, RMSprop), or null for the default
 * @param weightDecay   weight decay, or null for the optimizer's default
 * @param schedule      one of {@link Optimizers#SCHEDULES}
 * @param augment       random shifts (and flips for clothes) of the training images
 * @param valFraction   the share of the training images held out for validation, in [0, 1)
 * @param patience      early-stopping patience in epochs on {@code monitor} (best weights restored), 0 for none
 * @param monitor       what picks best/ and stops early: loss or accuracy, on the validation set when there is one
 * @param seed          seeds the weights, the shuffles, the augmentation and the splits
 * @param threads       kernel threads, 0 for the pool's size
 * @param limit         train on the first {@code limit} training images only, 0 for all
 * @param output        the run folder, or null for {@code runs/<model>-<dataset>-<timestamp>}
 * @param overwrite     replace a previous run in {@code output}
 */
public record TrainConfig(String model, String dataset, Path dataDir, Path testData, int epochs, int batchSize,
        String optimizer, Double lr, Double momentum, Double weightDecay, String schedule, boolean augment,
        double valFraction, int patience, String monitor, long seed, int threads, int limit, Path output, boolean overwrite) {

    public TrainConfig {
        optimizer = optimizer.toLowerCase(Locale.ROOT);
        schedule = schedule.toLowerCase(Locale.ROOT);
        monitor = monitor.toLowerCase(Locale.ROOT);
    }

    /** The monitored names: the validation set's when there is one. */
    public static final String[] MONITORS = {"loss", "accuracy"};

    /** The logged value that picks best/ and stops early, e.g. "val_accuracy". */
    public String monitoredKey() {
        return (valFraction > 0 ? "val_" : "") + monitor;
    }

    /** Whether the monitored value improves downwards (a loss) or upwards (an accuracy). */
    public EarlyStopping.Mode monitorMode() {
        return monitor.equals("loss") ? EarlyStopping.Mode.MIN : EarlyStopping.Mode.MAX;
    }

    /** Fails with one sentence naming the option and the value when a value is out of range. */
    public void validate() {
        require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
        require(lr == null || lr > 0, "--lr must be positive, got " + lr);
        require(momentum == null || (momentum >= 0 && momentum < 1), "--momentum must be in [0, 1), got " + momentum);
        require(weightDecay == null || weightDecay >= 0, "--weight-decay must be >= 0, got " + weightDecay);
        require(valFraction >= 0 && valFraction < 1, "--val-fraction must be in [0, 1), got " + valFraction);
        require(patience >= 0, "--early-stopping must be a patience >= 1 epoch, got " + patience);
        require(patience == 0 || valFraction > 0, "--early-stopping watches the validation set, so it needs "
                + "--val-fraction > 0 (e.g. 0.1)");
        require(threads >= 0, "--threads must be at least 1, got " + threads);
        require(limit >= 0, "--limit must be at least 1, got " + limit);
        require(List.of(Optimizers.NAMES).contains(optimizer), "unknown --optimizer '" + optimizer
                + "', expected one of " + String.join(", ", Optimizers.NAMES));
        require(List.of(MONITORS).contains(monitor), "unknown --monitor '" + monitor + "', expected one of "
                + String.join(", ", MONITORS));
        require(List.of(Optimizers.SCHEDULES).contains(schedule), "unknown --schedule '" + schedule
                + "', expected one of " + String.join(", ", Optimizers.SCHEDULES));
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException("train: " + message);
    }
}
