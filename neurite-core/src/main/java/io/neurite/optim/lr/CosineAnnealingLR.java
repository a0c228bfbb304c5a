package io.neurite.optim.lr;

import io.neurite.optim.Optimizer;

/**
 * Cosine annealing (Loshchilov and Hutter, "SGDR: Stochastic Gradient Descent with Warm
 * Restarts", ICLR 2017) from the base lr down to {@code etaMin} over {@code tMax} epochs, then back
 * up, with period {@code 2 tMax}. The closed form is
 * {@code lr = etaMin + (base - etaMin) (1 + cos(pi epoch / tMax)) / 2}; like PyTorch 1.13 the lr
 * is computed recursively from the current one,
 * {@code lr' = etaMin + (lr - etaMin) (1 + cos(pi e / tMax)) / (1 + cos(pi (e - 1) / tMax))},
 * so the numbers are PyTorch's, and a schedule chained before it scales it.
 */
public final class CosineAnnealingLR extends LRScheduler {

    private final int tMax;
    private final double etaMin;

    /** Anneals to 0 over {@code tMax} epochs. */
    public CosineAnnealingLR(Optimizer<?> optimizer, int tMax) {
        this(optimizer, tMax, 0);
    }

    public CosineAnnealingLR(Optimizer<?> optimizer, int tMax, double etaMin) {
        super(optimizer);
        if (tMax < 1) {
            throw new IllegalArgumentException("CosineAnnealingLR: tMax must be >= 1, got " + tMax);
        }
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lrs = currentLrs();
        if (lastEpoch == 0) return lrs;
        if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
            // the first epoch after a minimum: step up from etaMin
            for (int i = 0; i < lrs.length; i++) lrs[i] += (baseLrs[i] - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
            return lrs;
        }
        double ratio = (1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax));
        for (int i = 0; i < lrs.length; i++) lrs[i] = ratio * (lrs[i] - etaMin) + etaMin;
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        double[] lrs = new double[baseLrs.length];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(Math.PI * lastEpoch / tMax)) / 2;
        }
        return lrs;
    }
}
