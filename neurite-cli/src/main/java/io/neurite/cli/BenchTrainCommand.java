package io.neurite.cli;

import io.neurite.cli.bench.TrainThroughput;
import io.neurite.kernels.Parallel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code neurite bench train}: training samples/s of zoo models (Adam, cross-entropy, synthetic
 * Fashion-MNIST-shaped data), measured by {@link TrainThroughput}. One row per model, batch size
 * and thread count: median and best samples/s over the timed windows, and the process's peak RSS
 * so far (VmHWM; run one setting per process to compare memory).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Training samples/s (Adam, cross-entropy, synthetic [N,1,28,28] data, 10 classes).",
        footer = {"", "Examples:", "  neurite bench train",
                "  neurite bench train --model mlp --batch 64 --threads 1,2 --seconds 5"})
public final class BenchTrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", split = ",", paramLabel = "NAME[,NAME...]",
            description = "Zoo models taking 28x28 images (default: ${DEFAULT-VALUE}).")
    private List<String> models = List.of("mlp", "lenet5");

    @Option(names = "--batch", split = ",", paramLabel = "N[,N...]", description = "Batch sizes (default: 64,256).")
    private int[] batches = {64, 256};

    @Option(names = "--threads", split = ",", paramLabel = "T[,T...]",
            description = "Thread counts (default: all threads of the pool).")
    private int[] threads;

    @Option(names = "--warmup", paramLabel = "SECONDS",
            description = "Warm-up time per row, at least one step (default: ${DEFAULT-VALUE}).")
    private double warmup = 2.0;

    @Option(names = "--seconds", paramLabel = "SECONDS",
            description = "Measured time per row, split over the windows (default: ${DEFAULT-VALUE}).")
    private double seconds = 5.0;

    @Option(names = "--steps", paramLabel = "K",
            description = "Steps per timed window instead of --seconds (default: time-based).")
    private int steps;

    @Option(names = "--windows", paramLabel = "W", description = "Timed windows per row (default: ${DEFAULT-VALUE}).")
    private int windows = 5;

    @Option(names = "--seed", description = "Seed of the weights and the data (default: ${DEFAULT-VALUE}).")
    private long seed = 1;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int[] counts = threads == null ? new int[] {Parallel.threads()} : threads;
        for (int t : counts) {
            if (t < 1 || t > Parallel.threads()) {
                throw new ParameterException(spec.commandLine(), "bench train: expected threads in [1, "
                        + Parallel.threads() + "], got --threads containing " + t
                        + "; hint: the pool size is set by -Dneurite.threads or NEURITE_THREADS");
            }
        }
        List<TrainThroughput.Settings> rows = new ArrayList<>();
        for (String model : models) {
            for (int batch : batches) {
                for (int t : counts) {
                    try {
                        rows.add(new TrainThroughput.Settings(model, batch, t, warmup, seconds, steps, windows, seed));
                    } catch (IllegalArgumentException e) {
                        throw new ParameterException(spec.commandLine(), e.getMessage());
                    }
                }
            }
        }
        out.printf("training: Adam, cross-entropy, synthetic [N,1,28,28] data; %d timed windows per row after %s%n",
                windows, warmup + " s warm-up");
        out.printf("%-8s %6s %8s %16s %14s %8s %12s%n", "model", "batch", "threads", "median samples/s",
                "best samples/s", "steps", "peak RSS MB");
        for (TrainThroughput.Settings s : rows) {
            TrainThroughput.Result r = TrainThroughput.measure(s);
            out.printf("%-8s %6d %8d %16.1f %14.1f %8d %12.1f%n", s.model(), s.batch(), s.threads(), r.median(),
                    r.best(), r.timedSteps(), r.peakRssKib() / 1024.0);
            out.flush();
        }
        return 0;
    }
}
