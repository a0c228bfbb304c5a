package io.neurite.optim.lr;

import io.neurite.optim.Optimizer;
import io.neurite.optim.ParamGroup;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Cyclical learning rates (Smith, "Cyclical Learning Rates for Training Neural Networks", WACV
 * 2017): the lr goes from {@code baseLr} up to {@code maxLr} in {@code stepSizeUp} steps and back
 * down in {@code stepSizeDown}, the amplitude scaled per cycle ({@code TRIANGULAR2} halves it) or
 * per step ({@code EXP_RANGE}: {@code gamma^step}) or by a custom function; the momentum cycles the
 * opposite way between {@code maxMomentum} and {@code baseMomentum}. Step it once per batch.
 *
 * <pre>{@code
 * var schedule = CyclicLR.builder(optimizer, 0.001, 0.1).stepSizeUp(2000).mode(CyclicLR.Mode.TRIANGULAR2).build();
 * }</pre>
 */
public final class CyclicLR extends LRScheduler {

    /** The built-in amplitude policies. */
    public enum Mode { TRIANGULAR, TRIANGULAR2, EXP_RANGE }

    /** Whether a custom scale function receives the cycle number or the step count. */
    public enum ScaleMode { CYCLE, ITERATIONS }

    private final double[] maxLrs;
    private final double totalSize;
    private final double stepRatio;
    private final DoubleUnaryOperator scaleFn;
    private final ScaleMode scaleMode;
    private final boolean cycleMomentum;
    private final double[] baseMomentums;
    private final double[] maxMomentums;

    private CyclicLR(Builder b) {
        super(prepare(b));
        this.maxLrs = perGroup("maxLr", b.maxLrs);
        double up = b.stepSizeUp;
        double down = b.stepSizeDown > 0 ? b.stepSizeDown : up;
        this.totalSize = up + down;
        this.stepRatio = up / totalSize;
        if (b.scaleFn != null) {
            this.scaleFn = b.scaleFn;
            this.scaleMode = b.scaleMode;
        } else {
            double gamma = b.gamma;
            this.scaleFn = switch (b.mode) {
                case TRIANGULAR -> x -> 1.;
                case TRIANGULAR2 -> x -> 1 / Math.pow(2., x - 1);
                case EXP_RANGE -> x -> Math.pow(gamma, x);
            };
            this.scaleMode = b.mode == Mode.EXP_RANGE ? ScaleMode.ITERATIONS : ScaleMode.CYCLE;
        }
        this.cycleMomentum = b.cycleMomentum;
        if (cycleMomentum) {
            List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
            baseMomentums = new double[groups.size()];
            for (int i = 0; i < baseMomentums.length; i++) baseMomentums[i] = groups.get(i).momentum();
            maxMomentums = perGroup("maxMomentum", b.maxMomentums);
        } else {
            baseMomentums = null;
            maxMomentums = null;
        }
        initialStep();
        baseLrs = perGroup("baseLr", b.baseLrs);  // as PyTorch: set after the initial step
    }

    /** Checks the arguments, then sets each group's lr (and momentum) to its base value, before super(). */
    private static Optimizer<?> prepare(Builder b) {
        Optimizer<?> optimizer = b.optimizer;
        String name = "CyclicLR";
        if (!(b.stepSizeUp > 0)) {
            throw new IllegalArgumentException(name + ": stepSizeUp must be > 0, got " + b.stepSizeUp);
        }
        if (b.stepSizeDown < 0) {
            throw new IllegalArgumentException(name + ": stepSizeDown must be > 0, got " + b.stepSizeDown);
        }
        double[] baseLrs = perGroup(name, optimizer, "baseLr", b.baseLrs);
        perGroup(name, optimizer, "maxLr", b.maxLrs);
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        double[] baseMomentums = null;
        if (b.cycleMomentum) {
            if (!groups.get(0).hasMomentum()) {
                throw new IllegalArgumentException(name + ": cycleMomentum needs an optimizer with momentum (SGD,"
                        + " RMSprop), got " + optimizer.getClass().getSimpleName()
                        + "; hint: call cycleMomentum(false), or use OneCycleLR, which cycles Adam's beta1");
            }
            baseMomentums = perGroup(name, optimizer, "baseMomentum", b.baseMomentums);
            perGroup(name, optimizer, "maxMomentum", b.maxMomentums);
        }
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).setLr(baseLrs[i]);
            if (baseMomentums != null) groups.get(i).setMomentum(baseMomentums[i]);
        }
        return optimizer;
    }

    /** A cyclic schedule between {@code baseLr} and {@code maxLr} (one value for all groups). */
    public static Builder builder(Optimizer<?> optimizer, double baseLr, double maxLr) {
        return new Builder(optimizer, new double[] {baseLr}, new double[] {maxLr});
    }

    /** A cyclic schedule with one base and one max lr per group. */
    public static Builder builder(Optimizer<?> optimizer, double[] baseLrs, double[] maxLrs) {
        return new Builder(optimizer, baseLrs.clone(), maxLrs.clone());
    }

    @Override
    protected double[] computeLr() {
        double cycle = Math.floor(1 + lastEpoch / totalSize);
        double x = 1. + lastEpoch / totalSize - cycle;
        double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        double scale = scaleFn.applyAsDouble(scaleMode == ScaleMode.CYCLE ? cycle : lastEpoch);
        double[] lrs = new double[baseLrs.length];
        for (int i = 0; i < lrs.length; i++) {
            double baseHeight = (maxLrs[i] - baseLrs[i]) * scaleFactor;
            lrs[i] = baseLrs[i] + baseHeight * scale;
        }
        if (cycleMomentum) {
            List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
            for (int i = 0; i < lrs.length; i++) {
                double baseHeight = (maxMomentums[i] - baseMomentums[i]) * scaleFactor;
                groups.get(i).setMomentum(maxMomentums[i] - baseHeight * scale);
            }
        }
        return lrs;
    }

    /** CyclicLR's options; PyTorch's defaults. */
    public static final class Builder {
        private final Optimizer<?> optimizer;
        private final double[] baseLrs;
        private final double[] maxLrs;
        private double stepSizeUp = 2000;
        private double stepSizeDown = 0;
        private Mode mode = Mode.TRIANGULAR;
        private double gamma = 1.0;
        private DoubleUnaryOperator scaleFn;
        private ScaleMode scaleMode = ScaleMode.CYCLE;
        private boolean cycleMomentum = true;
        private double[] baseMomentums = {0.8};
        private double[] maxMomentums = {0.9};

        private Builder(Optimizer<?> optimizer, double[] baseLrs, double[] maxLrs) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            this.baseLrs = baseLrs;
            this.maxLrs = maxLrs;
        }

        /** Steps from base to max (default 2000). */
        public Builder stepSizeUp(int steps) {
            this.stepSizeUp = steps;
            return this;
        }

        /** Steps from max back to base (default: stepSizeUp). */
        public Builder stepSizeDown(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("CyclicLR: stepSizeDown must be > 0, got " + steps);
            }
            this.stepSizeDown = steps;
            return this;
        }

        /** TRIANGULAR (default), TRIANGULAR2 or EXP_RANGE; ignored when a scale function is given. */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The base of EXP_RANGE's {@code gamma^step} (default 1). */
        public Builder gamma(double gamma) {
            this.gamma = gamma;
            return this;
        }

        /** A custom amplitude {@code f(cycle)} or {@code f(step)}, with values in [0, 1]; replaces the mode. */
        public Builder scaleFn(DoubleUnaryOperator scaleFn, ScaleMode scaleMode) {
            this.scaleFn = Objects.requireNonNull(scaleFn, "scaleFn");
            this.scaleMode = Objects.requireNonNull(scaleMode, "scaleMode");
            return this;
        }

        /** Cycle the optimizer's momentum inversely to the lr (default true; needs SGD or RMSprop). */
        public Builder cycleMomentum(boolean cycleMomentum) {
            this.cycleMomentum = cycleMomentum;
            return this;
        }

        /** The momentum at the lr's peak (default 0.8); one value or one per group. */
        public Builder baseMomentum(double... values) {
            this.baseMomentums = values.clone();
            return this;
        }

        /** The momentum at the lr's base (default 0.9); one value or one per group. */
        public Builder maxMomentum(double... values) {
            this.maxMomentums = values.clone();
            return this;
        }

        public CyclicLR build() {
            return new CyclicLR(this);
        }
    }
}
