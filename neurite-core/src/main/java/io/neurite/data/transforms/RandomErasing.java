package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/**
 * With probability {@code p}, overwrites a random rectangle (torchvision's RandomErasing; Zhong et al.,
 * "Random Erasing Data Augmentation", 2017): up to 10 attempts draw an area fraction uniform in
 * {@code scale} and an aspect ratio h/w log-uniform in {@code ratio}, keeping the first rectangle
 * strictly smaller than the image; if none fits the image is unchanged. The rectangle gets
 * {@code value} (one, or one per channel) or, with {@link #randomValues}, standard normal noise.
 */
public final class RandomErasing implements Transform {

    private static final String OP = "RandomErasing";

    private final double p;
    private final double[] scale, ratio;
    private final float[] value;

    /** torchvision's defaults: p 0.5, scale (0.02, 0.33), ratio (0.3, 3.3), value 0. */
    public RandomErasing() {
        this(0.5, new double[] {0.02, 0.33}, new double[] {0.3, 3.3}, new float[] {0f});
    }

    /** @param value one value, one per channel, or null for standard normal noise */
    public RandomErasing(double p, double[] scale, double[] ratio, float[] value) {
        this.p = Check.probability(OP, "p", p);
        this.scale = pair("scale", scale);
        this.ratio = pair("ratio", ratio);
        if (this.scale[0] < 0 || this.scale[1] > 1) {
            throw Check.bad(OP, "scale", java.util.Arrays.toString(scale), "within [0, 1]");
        }
        if (this.ratio[0] <= 0) throw Check.bad(OP, "ratio", java.util.Arrays.toString(ratio), "> 0");
        if (value != null && value.length == 0) throw Check.bad(OP, "value", "[]", "one value or one per channel");
        this.value = value == null ? null : value.clone();
    }

    /** Erasing with standard normal noise instead of a constant. */
    public static RandomErasing randomValues(double p, double[] scale, double[] ratio) {
        return new RandomErasing(p, scale, ratio, null);
    }

    private static double[] pair(String arg, double[] v) {
        if (v == null || v.length != 2) {
            throw Check.bad(OP, arg, v == null ? "null" : java.util.Arrays.toString(v), "(min, max)");
        }
        return Check.range(OP, arg, v[0], v[1]);
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Image im = Image.of(OP, image);
        if (value != null) Check.channelValue(OP, "value", value, im.channels(), 0);
        if (!Rand.chance(g, p)) return image;
        int imgH = im.height(), imgW = im.width();
        double area = (double) imgH * imgW, logLo = Math.log(ratio[0]), logHi = Math.log(ratio[1]);
        for (int attempt = 0; attempt < 10; attempt++) {
            double erase = area * Rand.uniform(g, scale[0], scale[1]);
            double aspect = Math.exp(Rand.uniform(g, logLo, logHi));
            int h = (int) Math.rint(Math.sqrt(erase * aspect)), w = (int) Math.rint(Math.sqrt(erase / aspect));
            if (!(h < imgH && w < imgW)) continue;
            int top = Rand.randint(g, 0, imgH - h + 1), left = Rand.randint(g, 0, imgW - w + 1);
            return erase(im, top, left, h, w, g);
        }
        return image;
    }

    private Tensor erase(Image im, int top, int left, int h, int w, Generator g) {
        float[] x = im.data().clone();
        for (int c = 0; c < im.channels(); c++) {
            float v = value == null ? 0f : Check.channelValue(OP, "value", value, im.channels(), c);
            for (int y = top; y < top + h; y++) {
                int row = (c * im.height() + y) * im.width();
                for (int xx = left; xx < left + w; xx++) x[row + xx] = value == null ? g.nextGaussian() : v;
            }
        }
        return Image.tensor(x, im.channels(), im.height(), im.width());
    }

    @Override
    public String toString() {
        return "RandomErasing(p=" + p + ", scale=(" + scale[0] + ", " + scale[1] + "), ratio=(" + ratio[0] + ", "
                + ratio[1] + "), value=" + (value == null ? "random" : java.util.Arrays.toString(value)) + ")";
    }
}
