package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import java.util.Arrays;

/**
 * A random affine warp about the image center (torchvision's RandomAffine): rotation by an angle
 * uniform in {@code degrees} (clockwise for positive angles, as torchvision's affine), translation
 * by {@code round(u * fraction * size)} pixels with u uniform in [-1, 1), zoom by a factor uniform in
 * {@code scale}, and shear angles uniform in the x (and optionally y) ranges; sampled by inverse
 * mapping as {@link RandomRotation}.
 *
 * <pre>{@code
 * Transform t = new RandomAffine(10).withTranslate(0.1, 0.1).withScale(0.9, 1.1).withShear(-5, 5);
 * }</pre>
 */
public final class RandomAffine implements Transform {

    private static final String OP = "RandomAffine";

    private final double[] degrees;
    private final double[] translate;
    private final double[] scale;
    private final double[] shear;
    private final Interpolation interpolation;
    private final float[] fill;

    /** Rotation only, angles uniform in [-degrees, degrees]; nearest sampling, fill 0. */
    public RandomAffine(double degrees) {
        this(symmetric("degrees", degrees), null, null, null, Interpolation.NEAREST, new float[] {0f});
    }

    private RandomAffine(double[] degrees, double[] translate, double[] scale, double[] shear,
            Interpolation interpolation, float[] fill) {
        this.degrees = degrees;
        this.translate = translate;
        this.scale = scale;
        this.shear = shear;
        this.interpolation = interpolation;
        this.fill = fill;
    }

    /** Rotation angles uniform in [min, max]. */
    public RandomAffine withDegrees(double min, double max) {
        return new RandomAffine(Check.range(OP, "degrees", min, max), translate, scale, shear, interpolation, fill);
    }

    /** Horizontal shift up to {@code fx * W}, vertical up to {@code fy * H} pixels, fractions in [0, 1]. */
    public RandomAffine withTranslate(double fx, double fy) {
        if (!(fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1)) {
            throw Check.bad(OP, "translate", "(" + fx + ", " + fy + ")", "fractions in [0, 1]");
        }
        return new RandomAffine(degrees, new double[] {fx, fy}, scale, shear, interpolation, fill);
    }

    /** Zoom factor uniform in [min, max], both positive (above 1 enlarges). */
    public RandomAffine withScale(double min, double max) {
        double[] r = Check.range(OP, "scale", min, max);
        if (min <= 0) throw Check.bad(OP, "scale", "(" + min + ", " + max + ")", "positive factors");
        return new RandomAffine(degrees, translate, r, shear, interpolation, fill);
    }

    /** Shear parallel to x by an angle uniform in [min, max] degrees. */
    public RandomAffine withShear(double min, double max) {
        return withShear(min, max, 0, 0);
    }

    /** Shear angles uniform in [xMin, xMax] (parallel to x) and [yMin, yMax] (parallel to y), degrees. */
    public RandomAffine withShear(double xMin, double xMax, double yMin, double yMax) {
        double[] x = Check.range(OP, "shear", xMin, xMax), y = Check.range(OP, "shear", yMin, yMax);
        return new RandomAffine(degrees, translate, scale, new double[] {x[0], x[1], y[0], y[1]}, interpolation, fill);
    }

    public RandomAffine withInterpolation(Interpolation mode) {
        return new RandomAffine(degrees, translate, scale, shear,
                java.util.Objects.requireNonNull(mode, "RandomAffine: interpolation is null"), fill);
    }

    /** The value outside the source: one, or one per channel. */
    public RandomAffine withFill(float... values) {
        if (values == null || values.length == 0) throw Check.bad(OP, "fill", "[]", "one value or one per channel");
        return new RandomAffine(degrees, translate, scale, shear, interpolation, values.clone());
    }

    private static double[] symmetric(String arg, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw Check.bad(OP, arg, v, "a finite number >= 0");
        return new double[] {-v, v};
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Image im = Image.of(OP, image);
        double angle = Rand.uniform(g, degrees[0], degrees[1]);
        double tx = 0, ty = 0;
        if (translate != null) {
            double maxDx = translate[0] * im.width(), maxDy = translate[1] * im.height();
            tx = Math.rint(Rand.uniform(g, -maxDx, maxDx));
            ty = Math.rint(Rand.uniform(g, -maxDy, maxDy));
        }
        double zoom = scale == null ? 1 : Rand.uniform(g, scale[0], scale[1]);
        double shearX = 0, shearY = 0;
        if (shear != null) {
            shearX = Rand.uniform(g, shear[0], shear[1]);
            shearY = Rand.uniform(g, shear[2], shear[3]);
        }
        return affine(im, angle, tx, ty, zoom, shearX, shearY, interpolation, fill);
    }

    /** torchvision's F.affine on a tensor: clockwise angle, translation in pixels, zoom, shears in degrees. */
    static Tensor affine(Image im, double angle, double tx, double ty, double zoom, double shearX, double shearY,
            Interpolation mode, float[] fill) {
        return Warp.apply(OP, im, Warp.inverseMatrix(angle, tx, ty, zoom, shearX, shearY), mode, fill);
    }

    @Override
    public String toString() {
        return "RandomAffine(degrees=" + Arrays.toString(degrees) + ", translate=" + Arrays.toString(translate)
                + ", scale=" + Arrays.toString(scale) + ", shear=" + Arrays.toString(shear) + ", interpolation="
                + interpolation + ", fill=" + Arrays.toString(fill) + ")";
    }
}
