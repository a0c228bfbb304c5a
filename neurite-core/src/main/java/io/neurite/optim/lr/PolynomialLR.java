package io.neurite.optim.lr;

import io.neurite.optim.Optimizer;

/**
 * Decays the learning rate polynomially to 0 over {@code totalIters} epochs:
 * {@code lr = base * (1 - min(epoch, total) / total)^power} (defaults 5 epochs, power 1: linear).
 */
public final class PolynomialLR extends LRScheduler {

    private final int totalIters;
    private final double power;

    public PolynomialLR(Optimizer<?> optimizer) {
        this(optimizer, 5, 1.0);
    }

    public PolynomialLR(Optimizer<?> optimizer, int totalIters, double power) {
        super(optimizer);
        if (totalIters < 1) {
            throw new IllegalArgumentException("PolynomialLR: totalIters must be >= 1, got " + totalIters);
        }
        this.totalIters = totalIters;
        this.power = power;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lrs = currentLrs();
        if (lastEpoch == 0 || lastEpoch > totalIters) return lrs;
        double decay = Math.pow((1.0 - (double) lastEpoch / totalIters)
                / (1.0 - (double) (lastEpoch - 1) / totalIters), power);
        for (int i = 0; i < lrs.length; i++) lrs[i] *= decay;
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        double[] lrs = baseLrs.clone();
        double decay = Math.pow(1.0 - (double) Math.min(totalIters, lastEpoch) / totalIters, power);
        for (int i = 0; i < lrs.length; i++) lrs[i] *= decay;
        return lrs;
    }
}
