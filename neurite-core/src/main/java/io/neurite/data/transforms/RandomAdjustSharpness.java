package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/**
 * With probability {@code p}, blends the image with its 3x3 smoothed version by {@code factor}
 * (torchvision's RandomAdjustSharpness): 0 gives the smoothed image, 1 the original, 2 doubles the
 * detail. Expects values in [0, 1].
 */
public final class RandomAdjustSharpness implements Transform {

    private final float factor;
    private final double p;

    public RandomAdjustSharpness(double factor, double p) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw Check.bad("RandomAdjustSharpness", "sharpnessFactor", factor, "finite and >= 0");
        }
        this.factor = (float) factor;
        this.p = Check.probability("RandomAdjustSharpness", "p", p);
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Image im = Image.of("RandomAdjustSharpness", image);
        if (!Rand.chance(g, p)) return image;
        float[] x = im.data().clone();
        Color.sharpness(x, im.channels(), im.height(), im.width(), factor);
        return Image.tensor(x, im.channels(), im.height(), im.width());
    }

    @Override
    public String toString() {
        return "RandomAdjustSharpness(sharpnessFactor=" + factor + ", p=" + p + ")";
    }
}
