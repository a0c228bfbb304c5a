package io.neurite.optim.lr;

import io.neurite.optim.Optimizer;

/**
 * Scales the learning rate by {@code factor} for the first {@code totalIters} epochs, then restores
 * it (defaults: a third, for 5 epochs).
 */
public final class ConstantLR extends LRScheduler {

    private final double factor;
    private final int totalIters;

    public ConstantLR(Optimizer<?> optimizer) {
        this(optimizer, 1.0 / 3, 5);
    }

    public ConstantLR(Optimizer<?> optimizer, double factor, int totalIters) {
        super(optimizer);
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("ConstantLR: factor must be in (0, 1], got " + factor);
        }
        if (totalIters < 0) {
            throw new IllegalArgumentException("ConstantLR: totalIters must be >= 0, got " + totalIters);
        }
        this.factor = factor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lrs = currentLrs();
        if (lastEpoch == 0) {
            for (int i = 0; i < lrs.length; i++) lrs[i] *= factor;
        } else if (lastEpoch == totalIters) {
            for (int i = 0; i < lrs.length; i++) lrs[i] *= 1.0 / factor;
        }
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        double[] lrs = baseLrs.clone();
        for (int i = 0; i < lrs.length; i++) lrs[i] *= factor + (lastEpoch >= totalIters ? 1 - factor : 0);
        return lrs;
    }
}
