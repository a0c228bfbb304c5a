package io.neurite.cli;

import io.neurite.cli.train.DataSource;
import io.neurite.cli.train.Evaluation;
import io.neurite.cli.train.ImageData;
import io.neurite.cli.train.Preprocessing;
import io.neurite.cli.train.RunFolder;
import io.neurite.nn.Layer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neurite eval}: a trained checkpoint on a test set: accuracy, confusion matrix, per-class scores. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a trained checkpoint: accuracy, confusion matrix, per-class scores.",
                "Evaluates a checkpoint written by `neurite train` on a test set: accuracy, the confusion"
                + " matrix (rows true, columns predicted) and per-class precision, recall and F1 with macro averages."},
        footer = {"%nExamples:",
                "  neurite eval --checkpoint runs/demo",
                "  neurite eval --checkpoint runs/demo/last",
                "  neurite eval --checkpoint runs/lenet5-csv-20260101-120000 --dataset fashion-mnist"})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR",
            description = "A run folder (its best/ weights) or its best/ or last/ sub-folder.")
    Path checkpoint;

    @Mixin
    DataOptions data;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunFolder.Opened opened = RunFolder.open(checkpoint);
        Layer model = opened.loadModel();
        ImageData images = load(opened.run(), data);
        requireClasses(opened.run(), images);
        Evaluation e = Evaluation.of(model, Preprocessing.transformed(images.test(),
                opened.run().preprocessing().normalize()), opened.run().classes());
        PrintWriter out = spec.commandLine().getOut();
        out.println(opened.run().model() + " from " + opened.checkpoint() + " on the " + images.test().size()
                + " test images of " + images.name());
        out.println(e.summaryLine("test"));
        out.println();
        out.println(e.details());
        out.flush();
        return 0;
    }

    /** The dataset of the options, else the run's own (with its data folder and seed). */
    static ImageData load(RunFolder.Run run, DataOptions data) throws IOException {
        if (data.dataset == null) {
            return DataSource.load(run.dataset(), data.dataDir != null ? data.dataDir : run.dataDir(),
                    data.testData != null ? data.testData : run.testData(), run.seed());
        }
        return DataSource.load(data.dataset, data.dataDir, data.testData, run.seed());
    }

    /** Fails when the dataset has another number of classes than the model was trained on. */
    static void requireClasses(RunFolder.Run run, ImageData images) {
        if (images.classes().size() != run.classes().size()) {
            throw new IllegalArgumentException("the model was trained on " + run.classes().size() + " classes "
                    + run.classes() + " but " + images.name() + " has " + images.classes().size() + " "
                    + images.classes());
        }
    }
}
