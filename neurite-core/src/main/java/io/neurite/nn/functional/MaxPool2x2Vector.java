package io.neurite.nn.functional;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API body of {@link MaxPool2x2}, loaded only when the Vector API is enabled: 8 outputs at a
 * time, the window's four elements de-interleaved into four vectors (a b / c d) and compared in window
 * order with the scalar rule ({@code v > max || v is NaN} takes v), so the results are the same. The
 * last block of a row is masked.
 */
final class MaxPool2x2Vector {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final int L = 8;
    private static final VectorShuffle<Float> EVEN = VectorShuffle.fromValues(S, 0, 2, 4, 6, 8, 10, 12, 14);
    private static final VectorShuffle<Float> ODD = VectorShuffle.fromValues(S, 1, 3, 5, 7, 9, 11, 13, 15);
    private static final FloatVector TWICE_IOTA = FloatVector.fromArray(S, new float[] {0, 2, 4, 6, 8, 10, 12, 14}, 0);

    private MaxPool2x2Vector() {}

    /** {@link MaxPool2x2#row}. */
    static void row(float[] x, int r0, int inW, float[] y, int[] index, int o, int rel, int outW) {
        for (int ow = 0; ow < outW; ow += L) {
            int n = Math.min(L, outW - ow), i = r0 + 2 * ow;
            FloatVector a, b, c, d;
            if (n == L) {
                FloatVector lo0 = FloatVector.fromArray(S, x, i), hi0 = FloatVector.fromArray(S, x, i + L);
                FloatVector lo1 = FloatVector.fromArray(S, x, i + inW), hi1 = FloatVector.fromArray(S, x, i + inW + L);
                a = lo0.rearrange(EVEN, hi0);
                b = lo0.rearrange(ODD, hi0);
                c = lo1.rearrange(EVEN, hi1);
                d = lo1.rearrange(ODD, hi1);
            } else {
                float[] t = new float[4 * L];
                for (int k = 0; k < n; k++) {
                    t[k] = x[i + 2 * k];
                    t[L + k] = x[i + 2 * k + 1];
                    t[2 * L + k] = x[i + inW + 2 * k];
                    t[3 * L + k] = x[i + inW + 2 * k + 1];
                }
                a = FloatVector.fromArray(S, t, 0);
                b = FloatVector.fromArray(S, t, L);
                c = FloatVector.fromArray(S, t, 2 * L);
                d = FloatVector.fromArray(S, t, 3 * L);
            }
            FloatVector first = TWICE_IOTA.add((float) (rel + 2 * ow)), best = first;
            VectorMask<Float> take = takes(b, a);
            FloatVector max = a.blend(b, take);
            best = best.blend(first.add(1f), take);
            take = takes(c, max);
            max = max.blend(c, take);
            best = best.blend(first.add((float) inW), take);
            take = takes(d, max);
            max = max.blend(d, take);
            best = best.blend(first.add((float) (inW + 1)), take);
            if (n == L) {
                max.intoArray(y, o + ow);
                if (index != null) ((IntVector) best.convertShape(VectorOperators.F2I, I, 0)).intoArray(index, o + ow);
            } else {
                for (int k = 0; k < n; k++) {
                    y[o + ow + k] = max.lane(k);
                    if (index != null) index[o + ow + k] = (int) best.lane(k);
                }
            }
        }
    }

    /** Lanes where v replaces the running maximum: {@code v > max || v != v}. */
    private static VectorMask<Float> takes(FloatVector v, FloatVector max) {
        return v.compare(VectorOperators.GT, max).or(v.compare(VectorOperators.NE, v));
    }
}
