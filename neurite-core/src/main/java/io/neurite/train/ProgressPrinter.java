package io.neurite.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Prints one plain line per epoch (for logs and CI), e.g.
 * {@code epoch 3 - loss 0.4321 - accuracy 0.8812 - val_loss 0.4710 - lr 0.001 - 1.2s - 5300 samples/s}.
 */
public final class ProgressPrinter implements Callback {

    private final PrintStream out;

    public ProgressPrinter(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        StringBuilder sb = new StringBuilder("epoch ").append(epoch + 1);
        logs.forEach((k, v) -> {
            if (!k.equals("epoch_time") && !k.equals("samples_per_sec")) {
                sb.append(" - ").append(k).append(' ').append(String.format(Locale.ROOT, "%.4g", v));
            }
        });
        Double time = logs.get("epoch_time"), rate = logs.get("samples_per_sec");
        if (time != null) sb.append(String.format(Locale.ROOT, " - %.1fs", time));
        if (rate != null) sb.append(String.format(Locale.ROOT, " - %.0f samples/s", rate));
        out.println(sb);
        out.flush();
    }
}
