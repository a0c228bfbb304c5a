package io.neurite.optim.lr;

import io.neurite.optim.Optimizer;

/**
 * Scales the learning rate by a factor going linearly from {@code startFactor} to
 * {@code endFactor} over {@code totalIters} epochs, then keeps it (a linear warm-up with the
 * defaults 1/3 to 1 over 5): {@code lr = base * (start + (end - start) * min(epoch, total) / total)}.
 */
public final class LinearLR extends LRScheduler {

    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    /** From a third of the lr to the full lr over 5 epochs. */
    public LinearLR(Optimizer<?> optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    public LinearLR(Optimizer<?> optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer);
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("LinearLR: startFactor must be in (0, 1], got " + startFactor
                    + "; hint: a zero start would make every later lr zero, start from a small factor instead");
        }
        if (!(endFactor >= 0 && endFactor <= 1)) {
            throw new IllegalArgumentException("LinearLR: endFactor must be in [0, 1], got " + endFactor);
        }
        if (totalIters < 1) {
            throw new IllegalArgumentException("LinearLR: totalIters must be >= 1, got " + totalIters);
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lrs = currentLrs();
        if (lastEpoch == 0) {
            for (int i = 0; i < lrs.length; i++) lrs[i] *= startFactor;
            return lrs;
        }
        if (lastEpoch > totalIters) return lrs;
        double change = endFactor - startFactor;
        double factor = 1. + change / (totalIters * startFactor + (lastEpoch - 1) * change);
        for (int i = 0; i < lrs.length; i++) lrs[i] *= factor;
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        double[] lrs = baseLrs.clone();
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] *= startFactor + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters;
        }
        return lrs;
    }
}
