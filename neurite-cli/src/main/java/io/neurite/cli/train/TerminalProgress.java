package io.neurite.cli.train;

import io.neurite.train.Progress;
import io.neurite.train.ProgressListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar per epoch on a terminal (the {@code progressbar} library): batch i/n, elapsed and remaining
 * time, then the running loss, accuracy and samples per second ("5012/s"); when the epoch (and its validation) ends, the bar stays
 * and the epoch's {@link EpochLine} is printed below it.
 */
public final class TerminalProgress implements ProgressListener {

    private static final int REFRESH_MILLIS = 250;

    private final PrintStream terminal;
    private final PrintWriter lines;
    private final int epochs;
    private final int batchesPerEpoch;
    private ProgressBar bar;

    /** Bars on {@code terminal}, then each epoch's line on {@code lines} (the same stream, as a writer). */
    public TerminalProgress(PrintStream terminal, PrintWriter lines, int epochs, int batchesPerEpoch) {
        this.terminal = terminal;
        this.lines = lines;
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    /**
     * Whether standard output is an interactive terminal. From JDK 22 {@link System#console()} also exists when
     * output is redirected, and {@code Console.isTerminal()} tells the two apart; before, a console means a
     * terminal.
     */
    public static boolean isTerminal() {
        var console = System.console();
        if (console == null) return false;
        try {
            Method isTerminal = console.getClass().getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        lines.flush();
        bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, epochs))
                .setInitialMax(batchesPerEpoch).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(REFRESH_MILLIS).setConsumer(new ConsoleProgressBarConsumer(terminal))
                .build();
    }

    @Override
    public void onProgress(Progress p) {
        Double accuracy = p.metrics().get("accuracy");
        bar.stepTo(p.batch() + 1);
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f%s %.0f/s", p.runningLoss(),
                accuracy == null ? "" : String.format(Locale.ROOT, " acc %.3f", accuracy), p.samplesPerSecond()));
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        closeBar();
        lines.println(EpochLine.format(epoch, epochs, logs));
        lines.flush();
    }

    @Override
    public void onTrainEnd(io.neurite.train.Trainer trainer) {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) bar.close();
        bar = null;
        terminal.flush();
    }
}
