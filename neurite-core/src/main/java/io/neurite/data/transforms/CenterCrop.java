package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/**
 * Crops the center {@code h x w} window (torchvision's CenterCrop): top = round((H - h) / 2) (half to
 * even, as Python), and likewise left; an image smaller than the crop is first padded with zeros, as torchvision.
 */
public final class CenterCrop implements Transform {

    private final int height, width;

    /** A square crop ({@code size}) or {@code (h, w)}. */
    public CenterCrop(int... size) {
        int[] hw = Check.size("CenterCrop", "size", size);
        this.height = hw[0];
        this.width = hw[1];
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        return crop(Image.of("CenterCrop", image), height, width);
    }

    static Tensor crop(Image im, int h, int w) {
        if (h > im.height() || w > im.width()) {
            int padW = Math.max(0, w - im.width()), padH = Math.max(0, h - im.height());
            Tensor padded = Pad.pad(im, padW / 2, padH / 2, (padW + 1) / 2, (padH + 1) / 2, PaddingMode.CONSTANT, 0f);
            im = Image.of("CenterCrop", padded);
        }
        int top = (int) Math.rint((im.height() - h) / 2.0), left = (int) Math.rint((im.width() - w) / 2.0);
        return im.crop(top, left, h, w);
    }

    @Override
    public String toString() {
        return "CenterCrop(size=(" + height + ", " + width + "))";
    }
}
