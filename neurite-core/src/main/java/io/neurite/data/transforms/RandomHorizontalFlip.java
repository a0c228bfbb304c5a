package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/** Swaps left and right (the width) with probability {@code p} (torchvision's RandomHorizontalFlip). */
public final class RandomHorizontalFlip implements Transform {

    private final double p;

    /** Flips half of the images. */
    public RandomHorizontalFlip() {
        this(0.5);
    }

    public RandomHorizontalFlip(double p) {
        this.p = Check.probability("RandomHorizontalFlip", "p", p);
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Image im = Image.of("RandomHorizontalFlip", image);
        return Rand.chance(g, p) ? Flip.horizontal(im) : image;
    }

    @Override
    public String toString() {
        return "RandomHorizontalFlip(p=" + p + ")";
    }
}
