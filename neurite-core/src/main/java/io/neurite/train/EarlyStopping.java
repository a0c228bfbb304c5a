package io.neurite.train;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Stops training when {@code monitor} has not improved by more than {@code minDelta} for
 * {@code patience} epochs in a row; optionally restores the weights of the best epoch when training
 * ends, stopped early or not (a cloned snapshot of the state dict, taken at each improvement).
 */
public final class EarlyStopping implements Callback {

    /** Whether smaller ({@code MIN}, losses) or larger ({@code MAX}, accuracies) values are better. */
    public enum Mode { MIN, MAX }

    private final String monitor;
    private final Mode mode;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBestWeights;
    private Trainer trainer;
    private double best;
    private int bestEpoch;
    private int wait;
    private int stoppedEpoch;
    private Map<String, Tensor> bestWeights;

    /** Stops after {@code patience} epochs without improvement of {@code monitor}; no min delta, no restore. */
    public EarlyStopping(String monitor, Mode mode, int patience) {
        this(monitor, mode, patience, 0, false);
    }

    public EarlyStopping(String monitor, Mode mode, int patience, double minDelta, boolean restoreBestWeights) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.mode = Objects.requireNonNull(mode, "mode");
        if (patience < 0 || !(minDelta >= 0)) {
            throw new IllegalArgumentException("EarlyStopping: expected patience >= 0 and minDelta >= 0, got patience "
                    + patience + ", minDelta " + minDelta);
        }
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBestWeights = restoreBestWeights;
    }

    @Override
    public void onTrainBegin(Trainer trainer) {
        this.trainer = trainer;
        best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        bestEpoch = -1;
        wait = 0;
        stoppedEpoch = -1;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Double value = logs.get(monitor);
        if (value == null) {
            throw new IllegalStateException("EarlyStopping: monitored \"" + monitor + "\" is not in the epoch logs "
                    + logs.keySet() + "; hint: validation values need a validation loader and are prefixed val_");
        }
        boolean improved = mode == Mode.MIN ? value < best - minDelta : value > best + minDelta;
        if (improved) {
            best = value;
            bestEpoch = epoch;
            wait = 0;
            if (restoreBestWeights) bestWeights = snapshot(trainer.model().stateDict());
            return;
        }
        if (++wait >= patience) {
            stoppedEpoch = epoch;
            trainer.stopTraining();
        }
    }

    @Override
    public void onTrainEnd(Trainer trainer) {
        if (restoreBestWeights && bestWeights != null) trainer.model().loadStateDict(bestWeights, true);
    }

    private static Map<String, Tensor> snapshot(Map<String, Tensor> state) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (var scope = Autograd.noGrad()) {
            state.forEach((k, v) -> out.put(k, v.clone()));
        }
        return out;
    }

    /** The best monitored value seen. */
    public double best() {
        return best;
    }

    /** The epoch of the best value, or -1 before any. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The epoch at which training was stopped, or -1 if it was not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }
}
