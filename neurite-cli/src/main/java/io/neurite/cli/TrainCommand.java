package io.neurite.cli;

import io.neurite.cli.train.TerminalProgress;
import io.neurite.cli.train.TrainConfig;
import io.neurite.cli.train.TrainingRun;
import io.neurite.train.metrics.Average;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neurite train}: trains a zoo model on an image dataset and writes a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a zoo model on an image dataset.",
                "Writes best/ and last/ checkpoints, metrics.jsonl"
                + " and metrics.csv (loss, accuracy and lr per epoch), run.json (the configuration) and"
                + " test-metrics.json (accuracy, per-class precision/recall/F1, confusion matrix) to --output;"
                + " the run's model is best/ (the best --monitor value: by default the lowest validation loss)."},
        footer = {"%nExamples:",
                "  neurite train --model lenet5 --epochs 5",
                "  neurite train --model simplecnn --optimizer adamw --schedule onecycle \\",
                "      --lr 3e-3 --augment",
                "  neurite train --model mlp --dataset embedded --epochs 20 --early-stopping 3",
                "  neurite train --model lenet5 --dataset csv:fashion-mnist_train.csv \\",
                "      --test-data fashion-mnist_test.csv"})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "NAME", description = "A zoo model (see `neurite models`; default: ${DEFAULT-VALUE}).")
    String model = "lenet5";

    @Mixin
    DataOptions data;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train (default: ${DEFAULT-VALUE}).")
    int epochs = 5;

    @Option(names = "--batch-size", paramLabel = "N", description = "Samples per batch (default: ${DEFAULT-VALUE}).")
    int batchSize = 64;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "sgd, momentum, nesterov, adam, adamw, rmsprop or adagrad (default: ${DEFAULT-VALUE}).")
    String optimizer = "adam";

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Learning rate (default: the optimizer's: 1e-3 for Adam and AdamW, 0.01 for the others).")
    Double lr;

    @Option(names = "--momentum", paramLabel = "M",
            description = "Momentum of momentum, nesterov (default 0.9), sgd and rmsprop (default 0).")
    Double momentum;

    @Option(names = "--weight-decay", paramLabel = "W",
            description = "Weight decay (default: the optimizer's: 0.01 for AdamW, 0 for the others).")
    Double weightDecay;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "none, step (lr x0.1 at each third of the epochs), cosine (to 0 over all batches),"
                    + " onecycle (peaking at --lr) or plateau (lr x0.1 after 2 epochs without a lower"
                    + " validation loss) (default: ${DEFAULT-VALUE}).")
    String schedule = "none";

    @Option(names = "--augment", negatable = true,
            description = "Random shifts of up to 2 pixels (and horizontal flips for clothes) (default: off).")
    boolean augment;

    @Option(names = "--val-fraction", paramLabel = "F",
            description = "Share of the training images held out for validation, seeded (default: ${DEFAULT-VALUE}).")
    double valFraction = 0.1;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE",
            description = "Stop after PATIENCE epochs without a better --monitor value and keep the best weights.")
    int patience;

    @Option(names = "--monitor", paramLabel = "NAME",
            description = "What picks the best/ checkpoint and stops early: loss (lowest) or accuracy (highest), on "
                    + "the validation set when there is one (default: ${DEFAULT-VALUE}).")
    String monitor = "loss";

    @Option(names = "--seed", paramLabel = "N",
            description = "Seeds the weights, shuffles, augmentation and splits (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--threads", paramLabel = "N",
            description = "Kernel threads (default: all of the pool, sized by NEURITE_THREADS or the cores).")
    int threads;

    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N training images only.")
    int limit;

    @Option(names = "--output", paramLabel = "DIR",
            description = "The run folder (default: runs/<model>-<dataset>-<date>-<time>).")
    Path output;

    @Option(names = "--overwrite", description = "Replace an earlier run in --output.")
    boolean overwrite;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrainConfig config = new TrainConfig(model, data.dataset == null ? "fashion-mnist" : data.dataset,
                data.dataDir, data.testData, epochs, batchSize, optimizer, lr, momentum, weightDecay, schedule,
                augment, valFraction, patience, monitor, seed, threads, limit, output, overwrite);
        PrintWriter out = spec.commandLine().getOut();
        TrainingRun.Result r = TrainingRun.run(config, out, TerminalProgress.isTerminal() ? System.out : null);
        printResult(out, r);
        return 0;
    }

    /** The test accuracy, macro F1 and where the outputs went. */
    static void printResult(PrintWriter out, TrainingRun.Result r) {
        out.println(r.test().summaryLine("test") + String.format(Locale.ROOT, ", macro F1 %.4f",
                r.test().confusion().f1(Average.MACRO)) + " (best/ weights)");
        out.println("outputs: " + r.folder() + " (best/ and last/ checkpoints, metrics.jsonl, metrics.csv, "
                + "run.json, test-metrics.json)");
        out.flush();
    }
}
