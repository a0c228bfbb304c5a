package io.neurite.cli.train;

import io.neurite.train.Callback;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Prints one plain line per epoch, for logs, pipes and CI (and under the terminal's progress bar):
 * {@code epoch 2/5 - loss 0.4321 - accuracy 0.8412 - val_loss 0.4107 - val_accuracy 0.8520 - lr 0.001 -
 * 6012 samples/s - 9.8s}.
 */
public final class EpochLine implements Callback {

    private final PrintWriter out;
    private final int epochs;

    public EpochLine(PrintWriter out, int epochs) {
        this.out = out;
        this.epochs = epochs;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        out.println(format(epoch, epochs, logs));
        out.flush();
    }

    static String format(int epoch, int epochs, Map<String, Double> logs) {
        StringBuilder sb = new StringBuilder("epoch ").append(epoch + 1).append('/').append(epochs);
        for (String key : new String[] {"loss", "accuracy", "val_loss", "val_accuracy"}) {
            Double v = logs.get(key);
            if (v != null) sb.append(String.format(Locale.ROOT, " - %s %.4f", key, v));
        }
        Double lr = logs.get("lr"), rate = logs.get("samples_per_sec"), time = logs.get("epoch_time");
        if (lr != null) sb.append(" - lr ").append(lr == 0 ? "0" : String.format(Locale.ROOT, "%.3g", lr));
        if (rate != null) sb.append(String.format(Locale.ROOT, " - %.0f samples/s", rate));
        if (time != null) sb.append(String.format(Locale.ROOT, " - %.1fs", time));
        return sb.toString();
    }
}
