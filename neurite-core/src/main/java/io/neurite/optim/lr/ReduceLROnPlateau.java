package io.neurite.optim.lr;

import io.neurite.optim.Optimizer;
import io.neurite.optim.ParamGroup;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cuts the learning rate by {@code factor} when a metric (usually the validation loss) has not
 * improved for more than {@code patience} epochs, then waits {@code cooldown} epochs before
 * counting again; never below {@code minLr}. "Improved" means below {@code best * (1 - threshold)}
 * ({@code REL}, mode {@code MIN}) or below {@code best - threshold} ({@code ABS}); mirrored for
 * {@code MAX}.
 *
 * <pre>{@code
 * var plateau = ReduceLROnPlateau.builder(optimizer).patience(5).factor(0.5).build();
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     train(...);
 *     plateau.step(validationLoss());
 * }
 * }</pre>
 */
public final class ReduceLROnPlateau {

    public enum Mode { MIN, MAX }

    public enum ThresholdMode { REL, ABS }

    private final Optimizer<?> optimizer;
    private final Mode mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final ThresholdMode thresholdMode;
    private final int cooldown;
    private final double[] minLrs;
    private final double eps;

    private double best;
    private int numBadEpochs;
    private int cooldownCounter;
    private int lastEpoch;
    private double[] lastLr;

    private ReduceLROnPlateau(Builder b) {
        this.optimizer = b.optimizer;
        String name = "ReduceLROnPlateau";
        if (!(b.factor >= 0 && b.factor < 1)) {
            throw new IllegalArgumentException(name + ": factor must be in [0, 1), got " + b.factor);
        }
        if (b.patience < 0 || b.cooldown < 0) {
            throw new IllegalArgumentException(name + ": patience and cooldown must be >= 0, got patience="
                    + b.patience + ", cooldown=" + b.cooldown);
        }
        if (!(b.threshold >= 0) || !(b.eps >= 0)) {
            throw new IllegalArgumentException(name + ": threshold and eps must be >= 0, got threshold="
                    + b.threshold + ", eps=" + b.eps);
        }
        this.mode = b.mode;
        this.factor = b.factor;
        this.patience = b.patience;
        this.threshold = b.threshold;
        this.thresholdMode = b.thresholdMode;
        this.cooldown = b.cooldown;
        this.minLrs = LRScheduler.perGroup(name, optimizer, "minLr", b.minLrs);
        for (double m : minLrs) {
            if (!(m >= 0)) throw new IllegalArgumentException(name + ": minLr must be >= 0, got " + m);
        }
        this.eps = b.eps;
        this.best = worst();
    }

    public static Builder builder(Optimizer<?> optimizer) {
        return new Builder(optimizer);
    }

    /** With PyTorch's defaults: mode MIN, factor 0.1, patience 10, threshold 1e-4 relative, no cooldown. */
    public ReduceLROnPlateau(Optimizer<?> optimizer) {
        this(new Builder(optimizer));
    }

    /** Records the epoch's metric and reduces the learning rates if it has stopped improving. */
    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric, best)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;  // bad epochs in cooldown do not count
        }
        if (numBadEpochs > patience) {
            reduceLr();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        lastLr = currentLrs();
    }

    private void reduceLr() {
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            double oldLr = groups.get(i).lr();
            double newLr = Math.max(oldLr * factor, minLrs[i]);
            if (oldLr - newLr > eps) groups.get(i).setLr(newLr);
        }
    }

    private boolean isBetter(double a, double best) {
        if (mode == Mode.MIN) {
            return thresholdMode == ThresholdMode.REL ? a < best * (1. - threshold) : a < best - threshold;
        }
        return thresholdMode == ThresholdMode.REL ? a > best * (threshold + 1.) : a > best + threshold;
    }

    private double worst() {
        return mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    private double[] currentLrs() {
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        double[] out = new double[groups.size()];
        for (int i = 0; i < out.length; i++) out[i] = groups.get(i).lr();
        return out;
    }

    /** The learning rates after the last step, one per group. */
    public double[] lastLr() {
        return lastLr == null ? currentLrs() : lastLr.clone();
    }

    /** The best metric so far (+infinity in MIN mode before the first step). */
    public double best() {
        return best;
    }

    /** Epochs since the metric last improved, as counted toward patience. */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    public boolean inCooldown() {
        return cooldownCounter > 0;
    }

    /** The counters as plain data ({@code best}, {@code numBadEpochs}, {@code cooldownCounter}, {@code lastEpoch}). */
    public Map<String, Object> stateDict() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("best", best);
        out.put("numBadEpochs", numBadEpochs);
        out.put("cooldownCounter", cooldownCounter);
        out.put("lastEpoch", lastEpoch);
        out.put("lastLr", LRScheduler.toList(lastLr()));
        return Collections.unmodifiableMap(out);
    }

    public void loadStateDict(Map<String, Object> state) {
        String where = "ReduceLROnPlateau.loadStateDict";
        double b = LRScheduler.doubleOf(state, "best", where);
        int bad = LRScheduler.intOf(state, "numBadEpochs", where);
        int cool = LRScheduler.intOf(state, "cooldownCounter", where);
        int epoch = LRScheduler.intOf(state, "lastEpoch", where);
        double[] last = LRScheduler.doublesOf(state, "lastLr", minLrs.length, where);
        best = b;
        numBadEpochs = bad;
        cooldownCounter = cool;
        lastEpoch = epoch;
        lastLr = last;
    }

    /** ReduceLROnPlateau's options; PyTorch's defaults. */
    public static final class Builder {
        private final Optimizer<?> optimizer;
        private Mode mode = Mode.MIN;
        private double factor = 0.1;
        private int patience = 10;
        private double threshold = 1e-4;
        private ThresholdMode thresholdMode = ThresholdMode.REL;
        private int cooldown;
        private double[] minLrs = {0};
        private double eps = 1e-8;

        private Builder(Optimizer<?> optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        }

        /** MIN (default: the metric should fall, e.g. a loss) or MAX (e.g. an accuracy). */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** {@code new lr = lr * factor} (default 0.1). */
        public Builder factor(double factor) {
            this.factor = factor;
            return this;
        }

        /** Epochs without improvement tolerated before reducing (default 10). */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /** The least change that counts as an improvement (default 1e-4, relative). */
        public Builder threshold(double threshold, ThresholdMode thresholdMode) {
            this.threshold = threshold;
            this.thresholdMode = Objects.requireNonNull(thresholdMode, "thresholdMode");
            return this;
        }

        /** Epochs to wait after a reduction before counting again (default 0). */
        public Builder cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        /** The lowest lr (default 0); one value or one per group. */
        public Builder minLr(double... values) {
            this.minLrs = values.clone();
            return this;
        }

        /** Reductions smaller than eps are skipped (default 1e-8). */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        public ReduceLROnPlateau build() {
            return new ReduceLROnPlateau(this);
        }
    }
}
