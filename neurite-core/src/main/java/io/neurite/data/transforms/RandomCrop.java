package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/**
 * Crops a random {@code h x w} window (torchvision's RandomCrop): the image is first padded by
 * {@code padding} (if any), then, with {@code padIfNeeded}, padded on both sides of a dimension
 * smaller than the crop; top and left are uniform over all positions inside.
 */
public final class RandomCrop implements Transform {

    private final int height, width;
    private final int[] padding;
    private final boolean padIfNeeded;
    private final float fill;
    private final PaddingMode mode;

    /** A square crop of {@code size} after constant zero padding of {@code padding} on every side. */
    public RandomCrop(int size, int padding) {
        this(new int[] {size}, new int[] {padding}, false, 0f, PaddingMode.CONSTANT);
    }

    /**
     * @param size {@code (size)} or {@code (h, w)}
     * @param padding null for none, else 1, 2 or 4 values as {@link Pad}
     */
    public RandomCrop(int[] size, int[] padding, boolean padIfNeeded, float fill, PaddingMode mode) {
        int[] hw = Check.size("RandomCrop", "size", size);
        this.height = hw[0];
        this.width = hw[1];
        this.padding = padding == null ? null : Pad.sides("RandomCrop", padding);
        this.padIfNeeded = padIfNeeded;
        this.fill = fill;
        this.mode = java.util.Objects.requireNonNull(mode, "RandomCrop: mode is null");
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Image im = Image.of("RandomCrop", image);
        if (padding != null) {
            im = Image.of("RandomCrop", Pad.pad(im, padding[0], padding[1], padding[2], padding[3], mode, fill));
        }
        if (padIfNeeded && (im.width() < width || im.height() < height)) {
            int dw = Math.max(0, width - im.width()), dh = Math.max(0, height - im.height());
            im = Image.of("RandomCrop", Pad.pad(im, dw, dh, dw, dh, mode, fill));
        }
        if (im.height() < height || im.width() < width) {
            throw new IllegalArgumentException("RandomCrop: expected an image at least " + height + " x " + width
                    + " (after padding), got " + im.height() + " x " + im.width()
                    + "; hint: pass padIfNeeded=true or a smaller size");
        }
        if (im.height() == height && im.width() == width) return im.crop(0, 0, height, width);
        int top = Rand.randint(g, 0, im.height() - height + 1);
        int left = Rand.randint(g, 0, im.width() - width + 1);
        return im.crop(top, left, height, width);
    }

    @Override
    public String toString() {
        return "RandomCrop(size=(" + height + ", " + width + "), padding="
                + (padding == null ? "None" : java.util.Arrays.toString(padding)) + ", padIfNeeded=" + padIfNeeded
                + ", fill=" + fill + ", mode=" + mode + ")";
    }
}
