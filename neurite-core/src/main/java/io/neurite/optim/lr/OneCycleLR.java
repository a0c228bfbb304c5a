package io.neurite.optim.lr;

import io.neurite.optim.Optimizer;
import io.neurite.optim.ParamGroup;
import java.util.List;
import java.util.Objects;

/**
 * The 1cycle policy (Smith and Topin, "Super-Convergence: Very Fast Training of Neural Networks
 * Using Large Learning Rates", 2018): the lr rises from {@code maxLr / divFactor} to {@code maxLr}
 * over the first {@code pctStart} of the steps, then anneals to
 * {@code maxLr / divFactor / finalDivFactor}; the momentum (or Adam's beta1) moves the opposite
 * way between {@code maxMomentum} and {@code baseMomentum}. With {@code threePhase} the lr comes
 * back down symmetrically before the final annealing. Step it once per batch, {@code totalSteps}
 * times; one more step fails.
 *
 * <p>The lr equals PyTorch's at every step the training uses. The {@code totalSteps}-th call of
 * {@code step()} (after the last batch) holds the final lr and momentum, where PyTorch 1.13
 * extrapolates the last phase past its end (the cosine climbs back up, the linear ramp goes
 * negative, which an options record here would rightly refuse).
 *
 * <pre>{@code
 * var schedule = OneCycleLR.builder(optimizer, 0.1).epochs(10, batchesPerEpoch).build();
 * }</pre>
 */
public final class OneCycleLR extends LRScheduler {

    /** How the lr moves within a phase. */
    public enum Anneal { COS, LINEAR }

    /** A phase: its last step, and which of the lr / momentum anchors it goes between. */
    private record Phase(double endStep, int startLr, int endLr, int startMomentum, int endMomentum) {}

    // anchor indices into the per-group anchor arrays
    private static final int INITIAL = 0, MAX = 1, MIN = 2;
    private static final int MAX_MOMENTUM = 0, BASE_MOMENTUM = 1;

    private final int totalSteps;
    private final List<Phase> phases;
    private final Anneal anneal;
    private final double[][] lrAnchors;        // [group][INITIAL, MAX, MIN]
    private final double[][] momentumAnchors;  // [group][MAX_MOMENTUM, BASE_MOMENTUM], null without cycling
    private final boolean useBeta1;

    private OneCycleLR(Builder b) {
        super(prepare(b));
        this.totalSteps = b.totalSteps;
        double pct = b.pctStart;
        this.phases = b.threePhase
                ? List.of(new Phase(pct * totalSteps - 1, INITIAL, MAX, MAX_MOMENTUM, BASE_MOMENTUM),
                        new Phase(2 * pct * totalSteps - 2, MAX, INITIAL, BASE_MOMENTUM, MAX_MOMENTUM),
                        new Phase(totalSteps - 1, INITIAL, MIN, MAX_MOMENTUM, MAX_MOMENTUM))
                : List.of(new Phase(pct * totalSteps - 1, INITIAL, MAX, MAX_MOMENTUM, BASE_MOMENTUM),
                        new Phase(totalSteps - 1, MAX, MIN, BASE_MOMENTUM, MAX_MOMENTUM));
        this.anneal = b.anneal;
        double[] maxLrs = perGroup("maxLr", b.maxLrs);
        lrAnchors = new double[maxLrs.length][];
        for (int i = 0; i < maxLrs.length; i++) {
            double initial = maxLrs[i] / b.divFactor;
            lrAnchors[i] = new double[] {initial, maxLrs[i], initial / b.finalDivFactor};
        }
        this.useBeta1 = b.cycleMomentum && optimizer.paramGroups().get(0).hasBetas();
        if (b.cycleMomentum) {
            double[] max = perGroup("maxMomentum", b.maxMomentums);
            double[] base = perGroup("baseMomentum", b.baseMomentums);
            momentumAnchors = new double[max.length][];
            for (int i = 0; i < max.length; i++) momentumAnchors[i] = new double[] {max[i], base[i]};
        } else {
            momentumAnchors = null;
        }
        initialStep();
    }

    /** Checks the arguments and sets each group's initial lr and momentum, before the base constructor reads them. */
    private static Optimizer<?> prepare(Builder b) {
        String name = "OneCycleLR";
        Optimizer<?> optimizer = b.optimizer;
        if (b.totalSteps < 1) {
            throw new IllegalArgumentException(name + ": totalSteps must be >= 1, got " + b.totalSteps
                    + "; hint: call totalSteps(n) or epochs(epochs, stepsPerEpoch)");
        }
        if (!(b.pctStart >= 0 && b.pctStart <= 1)) {
            throw new IllegalArgumentException(name + ": pctStart must be in [0, 1], got " + b.pctStart);
        }
        if (!(b.divFactor > 0) || !(b.finalDivFactor > 0)) {
            throw new IllegalArgumentException(name + ": divFactor and finalDivFactor must be > 0, got "
                    + b.divFactor + " and " + b.finalDivFactor);
        }
        double[] maxLrs = perGroup(name, optimizer, "maxLr", b.maxLrs);
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        double[] maxMomentums = null;
        if (b.cycleMomentum) {
            if (!groups.get(0).hasMomentum() && !groups.get(0).hasBetas()) {
                throw new IllegalArgumentException(name + ": cycleMomentum needs an optimizer with momentum or"
                        + " betas, got " + optimizer.getClass().getSimpleName() + "; hint: call cycleMomentum(false)");
            }
            maxMomentums = perGroup(name, optimizer, "maxMomentum", b.maxMomentums);
            perGroup(name, optimizer, "baseMomentum", b.baseMomentums);
        }
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup<?> g = groups.get(i);
            g.setInitialLr(maxLrs[i] / b.divFactor);
            if (maxMomentums != null) {
                if (g.hasBetas()) g.setBeta1(maxMomentums[i]); else g.setMomentum(maxMomentums[i]);
            }
        }
        return optimizer;
    }

    /** A 1cycle schedule peaking at {@code maxLr} for every group; set the length with totalSteps or epochs. */
    public static Builder builder(Optimizer<?> optimizer, double maxLr) {
        return new Builder(optimizer, new double[] {maxLr});
    }

    /** A 1cycle schedule with one peak lr per group. */
    public static Builder builder(Optimizer<?> optimizer, double[] maxLrs) {
        return new Builder(optimizer, maxLrs.clone());
    }

    @Override
    protected double[] computeLr() {
        int stepNum = lastEpoch;
        if (stepNum > totalSteps) {
            throw new IllegalStateException("OneCycleLR: tried to step " + (stepNum + 1) + " times, but the"
                    + " schedule has " + totalSteps + " steps; hint: totalSteps must cover every batch of every epoch");
        }
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        double[] lrs = new double[groups.size()];
        for (int gi = 0; gi < lrs.length; gi++) {
            double startStep = 0;
            for (int i = 0; i < phases.size(); i++) {
                Phase phase = phases.get(i);
                if (stepNum <= phase.endStep() || i == phases.size() - 1) {
                    // past the last step PyTorch extrapolates (cos climbs back, linear goes below 0): hold the end
                    double pct = Math.min(1, (stepNum - startStep) / (phase.endStep() - startStep));
                    lrs[gi] = anneal(lrAnchors[gi][phase.startLr()], lrAnchors[gi][phase.endLr()], pct);
                    if (momentumAnchors != null) {
                        double m = anneal(momentumAnchors[gi][phase.startMomentum()],
                                momentumAnchors[gi][phase.endMomentum()], pct);
                        if (useBeta1) groups.get(gi).setBeta1(m); else groups.get(gi).setMomentum(m);
                    }
                    break;
                }
                startStep = phase.endStep();
            }
        }
        return lrs;
    }

    private double anneal(double start, double end, double pct) {
        if (anneal == Anneal.LINEAR) return (end - start) * pct + start;
        double cosOut = Math.cos(Math.PI * pct) + 1;
        return end + (start - end) / 2.0 * cosOut;
    }

    /** OneCycleLR's options; PyTorch's defaults. */
    public static final class Builder {
        private final Optimizer<?> optimizer;
        private final double[] maxLrs;
        private int totalSteps;
        private double pctStart = 0.3;
        private Anneal anneal = Anneal.COS;
        private boolean cycleMomentum = true;
        private double[] baseMomentums = {0.85};
        private double[] maxMomentums = {0.95};
        private double divFactor = 25;
        private double finalDivFactor = 1e4;
        private boolean threePhase;

        private Builder(Optimizer<?> optimizer, double[] maxLrs) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            this.maxLrs = maxLrs;
        }

        /** The number of steps in the cycle (required, or given by {@link #epochs}). */
        public Builder totalSteps(int totalSteps) {
            this.totalSteps = totalSteps;
            return this;
        }

        /** {@code totalSteps = epochs * stepsPerEpoch}. */
        public Builder epochs(int epochs, int stepsPerEpoch) {
            if (epochs < 1 || stepsPerEpoch < 1) {
                throw new IllegalArgumentException("OneCycleLR: epochs and stepsPerEpoch must be >= 1, got "
                        + epochs + " and " + stepsPerEpoch);
            }
            this.totalSteps = Math.multiplyExact(epochs, stepsPerEpoch);
            return this;
        }

        /** The fraction of the steps spent raising the lr (default 0.3). */
        public Builder pctStart(double pctStart) {
            this.pctStart = pctStart;
            return this;
        }

        /** COS (default) or LINEAR. */
        public Builder anneal(Anneal anneal) {
            this.anneal = Objects.requireNonNull(anneal, "anneal");
            return this;
        }

        /** Cycle momentum, or Adam's beta1, inversely to the lr (default true). */
        public Builder cycleMomentum(boolean cycleMomentum) {
            this.cycleMomentum = cycleMomentum;
            return this;
        }

        /** The momentum at the lr's peak (default 0.85); one value or one per group. */
        public Builder baseMomentum(double... values) {
            this.baseMomentums = values.clone();
            return this;
        }

        /** The momentum at the start and end (default 0.95); one value or one per group. */
        public Builder maxMomentum(double... values) {
            this.maxMomentums = values.clone();
            return this;
        }

        /** {@code initial lr = maxLr / divFactor} (default 25). */
        public Builder divFactor(double divFactor) {
            this.divFactor = divFactor;
            return this;
        }

        /** {@code final lr = initial lr / finalDivFactor} (default 1e4). */
        public Builder finalDivFactor(double finalDivFactor) {
            this.finalDivFactor = finalDivFactor;
            return this;
        }

        /** Up, down to the initial lr, then down to the final lr (fastai's original); default false. */
        public Builder threePhase(boolean threePhase) {
            this.threePhase = threePhase;
            return this;
        }

        public OneCycleLR build() {
            return new OneCycleLR(this);
        }
    }
}
