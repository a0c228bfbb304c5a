package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/**
 * Random brightness, contrast, saturation and hue in a random order (torchvision's ColorJitter):
 * a permutation of the four is drawn, then the factors (brightness, contrast, saturation uniform in
 * {@code [max(0, 1 - v), 1 + v]}, hue shift uniform in {@code [-hue, hue]} turns), then the enabled
 * adjustments run in the permuted order. A value of 0 disables an adjustment. Expects values in [0, 1].
 *
 * <p>brightness: {@code clamp(b x)}; contrast: {@code clamp(c x + (1 - c) mean(gray))}; saturation:
 * {@code clamp(s x + (1 - s) gray)}; hue: {@code h -> (h + shift) mod 1} in HSV. Gray is
 * 0.299 R + 0.587 G + 0.114 B; saturation and hue leave one-channel images unchanged.
 */
public final class ColorJitter implements Transform {

    private static final String OP = "ColorJitter";

    private final double[] brightness, contrast, saturation, hue;

    public ColorJitter(double brightness, double contrast, double saturation, double hue) {
        this.brightness = factor("brightness", brightness);
        this.contrast = factor("contrast", contrast);
        this.saturation = factor("saturation", saturation);
        if (!(hue >= 0 && hue <= 0.5)) throw Check.bad(OP, "hue", hue, "in [0, 0.5]");
        this.hue = hue == 0 ? null : new double[] {-hue, hue};
    }

    private static double[] factor(String arg, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw Check.bad(OP, arg, v, "a finite number >= 0");
        return v == 0 ? null : new double[] {Math.max(0, 1 - v), 1 + v};
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Image im = Image.of(OP, image);
        if ((contrast != null || saturation != null || hue != null) && im.channels() != 1 && im.channels() != 3) {
            throw new IllegalArgumentException(OP + ": expected 1 or 3 channels for contrast, saturation or hue,"
                    + " got " + im.channels() + " channels (shape " + image.shape() + ")");
        }
        int[] order = Rand.permutation(g, 4);
        float b = draw(g, brightness), c = draw(g, contrast), s = draw(g, saturation), h = draw(g, hue);
        float[] x = im.data().clone();
        for (int fn : order) {
            switch (fn) {
                case 0 -> { if (brightness != null) Color.brightness(x, b); }
                case 1 -> { if (contrast != null) Color.contrast(x, im.channels(), im.plane(), c); }
                case 2 -> { if (saturation != null) Color.saturation(x, im.channels(), im.plane(), s); }
                default -> { if (hue != null) Color.hue(x, im.channels(), im.plane(), h); }
            }
        }
        return Image.tensor(x, im.channels(), im.height(), im.width());
    }

    private static float draw(Generator g, double[] range) {
        return range == null ? 0f : (float) Rand.uniform(g, range[0], range[1]);
    }

    @Override
    public String toString() {
        return "ColorJitter(brightness=" + str(brightness) + ", contrast=" + str(contrast) + ", saturation="
                + str(saturation) + ", hue=" + str(hue) + ")";
    }

    private static String str(double[] r) {
        return r == null ? "None" : "(" + r[0] + ", " + r[1] + ")";
    }
}
