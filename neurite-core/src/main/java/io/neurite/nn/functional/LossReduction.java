package io.neurite.nn.functional;

import io.neurite.nn.loss.Reduction;
import io.neurite.tensor.Shape;
import io.neurite.tensor.Tensor;

/** Applies a {@link Reduction} to per-element losses, and gives the matching gradient scales. */
final class LossReduction {

    private LossReduction() {}

    /**
     * NONE: the values as a tensor of {@code shape}; SUM: their sum; MEAN and BATCHMEAN: the sum divided
     * by {@code denominator} (NaN for 0 / 0, as PyTorch). Sums run in order, in double.
     */
    static Tensor of(float[] values, Shape shape, Reduction reduction, double denominator) {
        if (reduction == Reduction.NONE) return Tensor.wrap(values, shape);
        double total = sum(values);
        return Tensor.scalar((float) (reduction == Reduction.SUM ? total : total / denominator));
    }

    /** The sum in a fixed order: four running double sums over consecutive elements, then added in order. */
    static double sum(float[] values) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int i = 0;
        for (; i + 4 <= values.length; i += 4) {
            a0 += values[i];
            a1 += values[i + 1];
            a2 += values[i + 2];
            a3 += values[i + 3];
        }
        double s = a0 + a1 + a2 + a3;
        for (; i < values.length; i++) s += values[i];
        return s;
    }

    /**
     * The factor each element's derivative is multiplied by: the upstream gradient's values for NONE
     * (one per element), else one value: {@code g} for SUM, {@code g / denominator} otherwise.
     */
    static float[] scales(Tensor g, Reduction reduction, double denominator) {
        if (reduction == Reduction.NONE) return g.contiguousData();
        float s = g.item();
        return new float[] {reduction == Reduction.SUM ? s : (float) (s / denominator)};
    }
}
