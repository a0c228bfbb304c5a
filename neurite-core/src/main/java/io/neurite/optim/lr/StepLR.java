package io.neurite.optim.lr;

import io.neurite.optim.Optimizer;

/** Multiplies the lr by {@code gamma} every {@code stepSize} epochs: {@code lr = base * gamma^(epoch / stepSize)}. */
public final class StepLR extends LRScheduler {

    private final int stepSize;
    private final double gamma;

    /** Decays by 10 every {@code stepSize} epochs. */
    public StepLR(Optimizer<?> optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    public StepLR(Optimizer<?> optimizer, int stepSize, double gamma) {
        super(optimizer);
        if (stepSize < 1) {
            throw new IllegalArgumentException("StepLR: stepSize must be >= 1, got " + stepSize);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lrs = currentLrs();
        if (lastEpoch == 0 || lastEpoch % stepSize != 0) return lrs;
        for (int i = 0; i < lrs.length; i++) lrs[i] *= gamma;
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        double[] lrs = baseLrs.clone();
        for (int i = 0; i < lrs.length; i++) lrs[i] *= Math.pow(gamma, Math.floorDiv(lastEpoch, stepSize));
        return lrs;
    }
}
