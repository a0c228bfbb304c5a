package io.neurite.optim.lr;

import io.neurite.optim.Optimizer;
import java.util.Map;

/**
 * Cosine annealing with warm restarts (SGDR; Loshchilov and Hutter, ICLR 2017): the lr follows
 * {@code etaMin + (base - etaMin) (1 + cos(pi T_cur / T_i)) / 2} and jumps back to the base lr
 * after {@code T_i} epochs; the first period is {@code t0}, each next one {@code tMult} times
 * longer. Step per batch with a fractional epoch for a smooth curve:
 *
 * <pre>{@code
 * for (int epoch = 0; epoch < epochs; epoch++)
 *     for (int i = 0; i < iters; i++) {
 *         train(batch(i));
 *         schedule.step(epoch + (double) i / iters);
 *     }
 * }</pre>
 */
public final class CosineAnnealingWarmRestarts extends LRScheduler {

    private final int t0;
    private final int tMult;
    private final double etaMin;
    private int tI;
    private double tCur;

    /** Restarts every {@code t0} epochs, annealing to 0. */
    public CosineAnnealingWarmRestarts(Optimizer<?> optimizer, int t0) {
        this(optimizer, t0, 1, 0);
    }

    public CosineAnnealingWarmRestarts(Optimizer<?> optimizer, int t0, int tMult, double etaMin) {
        super(optimizer);
        if (t0 < 1) {
            throw new IllegalArgumentException("CosineAnnealingWarmRestarts: t0 must be >= 1, got " + t0);
        }
        if (tMult < 1) {
            throw new IllegalArgumentException("CosineAnnealingWarmRestarts: tMult must be >= 1, got " + tMult);
        }
        this.t0 = t0;
        this.tMult = tMult;
        this.etaMin = etaMin;
        this.tI = t0;
        this.tCur = -1;
        initialStep();
    }

    /** Advances one epoch (restarting when the period ends). */
    @Override
    public void step() {
        if (lastEpoch < 0) {
            step(0);
            return;
        }
        tCur = tCur + 1;
        if (tCur >= tI) {
            tCur = tCur - tI;
            tI = tI * tMult;
        }
        lastEpoch = lastEpoch + 1;
        apply(computeLr());
    }

    /** Jumps to {@code epoch}, which may be fractional (e.g. {@code epoch + batch / batches}). */
    public void step(double epoch) {
        if (!(epoch >= 0)) {
            throw new IllegalArgumentException("CosineAnnealingWarmRestarts: epoch must be >= 0, got " + epoch);
        }
        if (epoch >= t0) {
            if (tMult == 1) {
                tCur = epoch % t0;
            } else {
                int n = (int) (Math.log(epoch / t0 * (tMult - 1) + 1) / Math.log(tMult));
                tCur = epoch - t0 * (Math.pow(tMult, n) - 1) / (tMult - 1);
                tI = t0 * (int) Math.pow(tMult, n);
            }
        } else {
            tI = t0;
            tCur = epoch;
        }
        lastEpoch = (int) Math.floor(epoch);
        apply(computeLr());
    }

    @Override
    void stepAt(int epoch) {
        step(epoch);
    }

    @Override
    protected double[] computeLr() {
        double[] lrs = new double[baseLrs.length];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
        }
        return lrs;
    }

    @Override
    protected void saveState(Map<String, Object> out) {
        out.put("tI", tI);
        out.put("tCur", tCur);
    }

    @Override
    protected void loadState(Map<String, Object> state, String where) {
        int i = intOf(state, "tI", where);
        double cur = doubleOf(state, "tCur", where);
        tI = i;
        tCur = cur;
    }
}
