package io.neurite.train.metrics;

import io.neurite.tensor.Tensor;
import java.util.Arrays;

/**
 * The coefficient of determination R² = 1 - SS_res / SS_tot, as {@code sklearn.metrics.r2_score}:
 * SS_res = sum((t - p)²), SS_tot = sum((t - mean(t))²). A perfect prediction scores 1, predicting the targets'
 * mean scores 0, worse predictions score below 0. For several outputs [N, D] each output gets its R² and the
 * result is their mean (scikit-learn's default {@code multioutput="uniform_average"}).
 *
 * <p>Conventions, scikit-learn's ({@code force_finite=True}): for a constant target (SS_tot = 0) R² is 1 when the
 * prediction is exact (SS_res = 0) and 0 otherwise, instead of NaN or -infinity; with fewer than two samples R² is
 * not defined and {@link #compute()} returns NaN. The epoch's statistics are merged batch by batch in double
 * (Chan et al.'s parallel variance), so streaming gives the one-batch value up to rounding.
 *
 * <p>Shapes: predictions and targets of the same shape, [N] (one output) or [N, D, ...] (D... outputs).
 */
public final class R2Score implements Metric<Double> {

    private long count;
    private double[] mean;
    private double[] m2;
    private double[] ssRes;
    private float[] min;
    private float[] max;

    @Override
    public void update(Tensor predictions, Tensor targets) {
        Inputs.sameShape("R2Score", predictions, targets);
        int n = targets.size(0);
        if (n == 0) return;
        int outputs = targets.numel() / n;
        if (mean == null) {
            mean = new double[outputs];
            m2 = new double[outputs];
            ssRes = new double[outputs];
            min = new float[outputs];
            max = new float[outputs];
            Arrays.fill(min, Float.POSITIVE_INFINITY);
            Arrays.fill(max, Float.NEGATIVE_INFINITY);
        } else if (outputs != mean.length) {
            throw new IllegalArgumentException("R2Score: expected " + mean.length + " outputs per sample as in the "
                    + "earlier batches, got targets " + targets.shape() + "; hint: reset() between tasks");
        }
        float[] p = Inputs.values("R2Score", "predictions", predictions);
        float[] t = Inputs.values("R2Score", "targets", targets);
        for (int d = 0; d < outputs; d++) merge(d, n, p, t, outputs);
        count += n;
    }

    /** Merges output d of a batch of n samples: its own mean and M2, then Chan's update. */
    private void merge(int d, int n, float[] p, float[] t, int stride) {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += t[i * stride + d];
        double batchMean = sum / n;
        double batchM2 = 0;
        for (int i = 0; i < n; i++) {
            float y = t[i * stride + d];
            double dev = y - batchMean;
            double res = (double) y - p[i * stride + d];
            batchM2 += dev * dev;
            ssRes[d] += res * res;
            min[d] = Math.min(min[d], y);
            max[d] = Math.max(max[d], y);
        }
        double total = count + n;
        double delta = batchMean - mean[d];
        mean[d] += delta * n / total;
        m2[d] += batchM2 + delta * delta * count * n / total;
    }

    @Override
    public Double compute() {
        Inputs.requireSamples("R2Score", count);
        if (count < 2) return Double.NaN;
        double sum = 0;
        for (int d = 0; d < mean.length; d++) {
            boolean constant = min[d] == max[d];
            sum += constant ? (ssRes[d] == 0 ? 1 : 0) : 1 - ssRes[d] / m2[d];
        }
        return sum / mean.length;
    }

    @Override
    public void reset() {
        count = 0;
        mean = null;
        m2 = null;
        ssRes = null;
        min = null;
        max = null;
    }

    @Override
    public String name() {
        return "r2";
    }
}
