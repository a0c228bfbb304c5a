package io.neurite.optim.lr;

import io.neurite.optim.Optimizer;
import java.util.Arrays;

/**
 * Multiplies the learning rate by {@code gamma} at each milestone epoch (a milestone listed twice
 * multiplies twice): {@code lr = base * gamma^(number of milestones <= epoch)}.
 */
public final class MultiStepLR extends LRScheduler {

    private final int[] milestones;
    private final double gamma;

    public MultiStepLR(Optimizer<?> optimizer, int[] milestones, double gamma) {
        super(optimizer);
        this.milestones = milestones.clone();
        Arrays.sort(this.milestones);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lrs = currentLrs();
        int count = 0;
        for (int m : milestones) if (m == lastEpoch) count++;
        if (count == 0) return lrs;
        for (int i = 0; i < lrs.length; i++) lrs[i] *= Math.pow(gamma, count);
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        int passed = 0;
        for (int m : milestones) if (m <= lastEpoch) passed++;
        double[] lrs = baseLrs.clone();
        for (int i = 0; i < lrs.length; i++) lrs[i] *= Math.pow(gamma, passed);
        return lrs;
    }
}
