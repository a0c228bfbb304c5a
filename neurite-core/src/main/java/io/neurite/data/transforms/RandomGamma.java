package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/** Gamma correction ({@link AdjustGamma}, gain 1) with gamma uniform in {@code [min, max]}. */
public final class RandomGamma implements Transform {

    private final double min, max;

    public RandomGamma(double min, double max) {
        Check.range("RandomGamma", "gamma", min, max);
        if (min < 0) throw Check.bad("RandomGamma", "gamma", "(" + min + ", " + max + ")", "values >= 0");
        this.min = min;
        this.max = max;
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Image im = Image.of("RandomGamma", image);
        return AdjustGamma.adjust(im, (float) Rand.uniform(g, min, max), 1f);
    }

    @Override
    public String toString() {
        return "RandomGamma(gamma=(" + min + ", " + max + "))";
    }
}
