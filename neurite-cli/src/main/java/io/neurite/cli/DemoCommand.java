package io.neurite.cli;

import io.neurite.cli.train.DataSource;
import io.neurite.cli.train.TerminalProgress;
import io.neurite.cli.train.TrainConfig;
import io.neurite.cli.train.TrainingRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code neurite demo}: LeNet-5 on the full Fashion-MNIST when it is installed, else on the subset inside
 * Neurite; a progress bar, then the test accuracy, the per-class report and where the outputs went.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train and test LeNet-5 on Fashion-MNIST: the main demo.",
                "Trains on the full dataset when it is installed in "
                + DataSource.FASHION_MNIST_DIR + " (apt-get install dataset-fashion-mnist; about 89-90%% test"
                + " accuracy in 1-2 minutes on two cores), else on the 1800/400-image subset inside Neurite."
                + " The run folder can then be used with `neurite eval` and `neurite predict`."},
        footer = {"%nExamples:",
                "  neurite demo",
                "  neurite demo --embedded",
                "  neurite eval --checkpoint runs/demo",
                "  neurite predict --checkpoint runs/demo --index 0,1,2"})
final class DemoCommand implements Callable<Integer> {

    /** The full dataset's recipe: Adam from 2e-3 annealed to 0 (cosine) over 5 epochs of batches of 32. */
    static final int FULL_EPOCHS = 5, FULL_BATCH = 32;
    static final double FULL_LR = 2e-3;
    /** The embedded subset's recipe: more epochs over its 1620 training images, at Adam's default rate. */
    static final int EMBEDDED_EPOCHS = 15, EMBEDDED_BATCH = 32;
    static final double EMBEDDED_LR = 1e-3;

    @Option(names = "--embedded", description = "Use the subset inside Neurite even when Fashion-MNIST is installed.")
    boolean embedded;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs (default: " + FULL_EPOCHS + " on Fashion-MNIST, " + EMBEDDED_EPOCHS + " embedded).")
    Integer epochs;

    @Option(names = "--output", paramLabel = "DIR", description = "The run folder, replaced (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("runs", "demo");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean full = !embedded && Files.isDirectory(Path.of(DataSource.FASHION_MNIST_DIR));
        PrintWriter out = spec.commandLine().getOut();
        out.println(full ? "LeNet-5 on Fashion-MNIST (" + DataSource.FASHION_MNIST_DIR + ")"
                : "LeNet-5 on the Fashion-MNIST subset inside Neurite" + (embedded ? "" : " (install the full "
                        + "dataset with `apt-get install dataset-fashion-mnist` for ~89-90%)"));
        int n = epochs != null ? epochs : full ? FULL_EPOCHS : EMBEDDED_EPOCHS;
        TrainConfig config = new TrainConfig("lenet5", full ? "fashion-mnist" : "embedded",
                full ? Path.of(DataSource.FASHION_MNIST_DIR) : null, null, n, full ? FULL_BATCH : EMBEDDED_BATCH,
                "adam", full ? FULL_LR : EMBEDDED_LR, null, null, "cosine", false, 0.1, 0, "loss", 42, 0, 0, output, true);
        TrainingRun.Result r = TrainingRun.run(config, out, TerminalProgress.isTerminal() ? System.out : null);
        out.println();
        out.println(r.test().confusion().report(4));
        TrainCommand.printResult(out, r);
        out.println("next: neurite eval --checkpoint " + r.folder() + "   |   neurite predict --checkpoint "
                + r.folder() + " --index 0,1,2");
        out.flush();
        return 0;
    }
}
