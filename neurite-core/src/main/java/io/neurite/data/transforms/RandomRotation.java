package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/**
 * Rotates about the image center by an angle uniform in {@code [min, max]} degrees, counter-clockwise
 * for positive angles (torchvision's RandomRotation, expand=False): inverse-mapped sampling
 * ({@link Interpolation#NEAREST} by default, as torchvision) with {@code fill} outside the source.
 */
public final class RandomRotation implements Transform {

    private final double min, max;
    private final Interpolation interpolation;
    private final float[] fill;

    /** Angles uniform in [-degrees, degrees], nearest sampling, fill 0. */
    public RandomRotation(double degrees) {
        this(symmetric(degrees), Interpolation.NEAREST, new float[] {0f});
    }

    /**
     * @param degrees {@code (min, max)}
     * @param fill one value, or one per channel
     */
    public RandomRotation(double[] degrees, Interpolation interpolation, float[] fill) {
        if (degrees == null || degrees.length != 2) {
            throw Check.bad("RandomRotation", "degrees", degrees == null ? "null" : java.util.Arrays.toString(degrees),
                    "(min, max)");
        }
        double[] r = Check.range("RandomRotation", "degrees", degrees[0], degrees[1]);
        this.min = r[0];
        this.max = r[1];
        this.interpolation = java.util.Objects.requireNonNull(interpolation, "RandomRotation: interpolation is null");
        if (fill == null || fill.length == 0) {
            throw Check.bad("RandomRotation", "fill", "[]", "one value or one per channel");
        }
        this.fill = fill.clone();
    }

    private static double[] symmetric(double degrees) {
        if (!(degrees >= 0) || Double.isInfinite(degrees)) {
            throw Check.bad("RandomRotation", "degrees", degrees,
                    "a finite number >= 0 (the range is [-degrees, degrees])");
        }
        return new double[] {-degrees, degrees};
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Image im = Image.of("RandomRotation", image);
        return rotate(im, Rand.uniform(g, min, max), interpolation, fill);
    }

    /** {@code im} rotated counter-clockwise by {@code angle} degrees about its center. */
    static Tensor rotate(Image im, double angle, Interpolation mode, float[] fill) {
        return Warp.apply("RandomRotation", im, Warp.inverseMatrix(-angle, 0, 0, 1, 0, 0), mode, fill);
    }

    @Override
    public String toString() {
        return "RandomRotation(degrees=(" + min + ", " + max + "), interpolation=" + interpolation + ", fill="
                + java.util.Arrays.toString(fill) + ")";
    }
}
