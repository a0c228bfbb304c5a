package io.neurite.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The dataset options shared by train, eval and predict (see {@link io.neurite.cli.train.DataSource}). */
final class DataOptions {

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "fashion-mnist, mnist, embedded (a 1800/400-image Fashion-MNIST subset inside Neurite),"
                    + " csv:PATH (label column then 784 pixel columns) or folder:PATH (one sub-folder per class,"
                    + " under PATH/train and PATH/test, or under PATH with a seeded 20%% test split).")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the IDX files of fashion-mnist (default: ~/.neurite/datasets/fashion-mnist,"
                    + " then /usr/share/datasets/fashion-mnist) or mnist (required).")
    Path dataDir;

    @Option(names = "--test-data", paramLabel = "CSV",
            description = "The test CSV of --dataset csv:PATH (default: a seeded 20%% split of PATH).")
    Path testData;
}
