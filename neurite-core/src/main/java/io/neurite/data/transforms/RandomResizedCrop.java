package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/**
 * Crops a random area and aspect ratio, then resizes it bilinearly to {@code h x w} (torchvision's
 * RandomResizedCrop). Up to 10 attempts draw an area fraction uniform in {@code scale} and a ratio
 * w/h log-uniform in {@code ratio}, keeping the first window that fits; otherwise the fallback is
 * the central crop with the ratio clamped to {@code ratio}.
 */
public final class RandomResizedCrop implements Transform {

    private final int height, width;
    private final double[] scale, ratio;

    /** torchvision's defaults: scale (0.08, 1), ratio (3/4, 4/3). */
    public RandomResizedCrop(int... size) {
        this(size, new double[] {0.08, 1.0}, new double[] {3.0 / 4.0, 4.0 / 3.0});
    }

    public RandomResizedCrop(int[] size, double[] scale, double[] ratio) {
        int[] hw = Check.size("RandomResizedCrop", "size", size);
        this.height = hw[0];
        this.width = hw[1];
        this.scale = pair("scale", scale);
        this.ratio = pair("ratio", ratio);
        if (this.scale[0] < 0) throw Check.bad("RandomResizedCrop", "scale", java.util.Arrays.toString(scale), ">= 0");
        if (this.ratio[0] <= 0) throw Check.bad("RandomResizedCrop", "ratio", java.util.Arrays.toString(ratio), "> 0");
    }

    private static double[] pair(String arg, double[] v) {
        if (v == null || v.length != 2) {
            throw Check.bad("RandomResizedCrop", arg, v == null ? "null" : java.util.Arrays.toString(v), "(min, max)");
        }
        return Check.range("RandomResizedCrop", arg, v[0], v[1]);
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Image im = Image.of("RandomResizedCrop", image);
        int[] box = window(g, im.height(), im.width(), scale, ratio);
        return Resize.bilinear(im, box[0], box[1], box[2], box[3], height, width);
    }

    /** {top, left, h, w} as torchvision's RandomResizedCrop.get_params. */
    static int[] window(Generator g, int height, int width, double[] scale, double[] ratio) {
        double area = (double) height * width;
        double logLo = Math.log(ratio[0]), logHi = Math.log(ratio[1]);
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * Rand.uniform(g, scale[0], scale[1]);
            double aspect = Math.exp(Rand.uniform(g, logLo, logHi));
            int w = (int) Math.rint(Math.sqrt(target * aspect)), h = (int) Math.rint(Math.sqrt(target / aspect));
            if (w > 0 && w <= width && h > 0 && h <= height) {
                int top = Rand.randint(g, 0, height - h + 1), left = Rand.randint(g, 0, width - w + 1);
                return new int[] {top, left, h, w};
            }
        }
        double inRatio = (double) width / height;
        int w = width, h = height;
        if (inRatio < ratio[0]) {
            h = (int) Math.rint(w / ratio[0]);
        } else if (inRatio > ratio[1]) {
            w = (int) Math.rint(h * ratio[1]);
        }
        return new int[] {(height - h) / 2, (width - w) / 2, h, w};
    }

    @Override
    public String toString() {
        return "RandomResizedCrop(size=(" + height + ", " + width + "), scale=(" + scale[0] + ", " + scale[1]
                + "), ratio=(" + ratio[0] + ", " + ratio[1] + "))";
    }
}
