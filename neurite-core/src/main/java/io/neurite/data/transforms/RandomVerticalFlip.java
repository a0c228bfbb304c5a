package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/** Swaps top and bottom (the height) with probability {@code p} (torchvision's RandomVerticalFlip). */
public final class RandomVerticalFlip implements Transform {

    private final double p;

    /** Flips half of the images. */
    public RandomVerticalFlip() {
        this(0.5);
    }

    public RandomVerticalFlip(double p) {
        this.p = Check.probability("RandomVerticalFlip", "p", p);
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Image im = Image.of("RandomVerticalFlip", image);
        return Rand.chance(g, p) ? Flip.vertical(im) : image;
    }

    @Override
    public String toString() {
        return "RandomVerticalFlip(p=" + p + ")";
    }
}
