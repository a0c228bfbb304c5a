package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts many {@code h x w} patches out of one large image, the notes' sampling augmentation: a regular
 * grid of crops ("batch sampling"), the same grid shifted by a random offset, or patches at random
 * offsets. Each patch is a {@code C x h x w} tensor; stack them with {@code Tensor.stack(patches, 0)}.
 *
 * <pre>{@code
 * PatchSampler s = new PatchSampler(64, 64);
 * List<Tensor> tiles = s.grid(slide, 32, 32);            // overlapping tiles, row by row
 * List<Tensor> random = s.random(slide, 100, generator);  // 100 patches anywhere
 * }</pre>
 */
public final class PatchSampler {

    private static final String OP = "PatchSampler";

    private final int height, width;

    public PatchSampler(int height, int width) {
        this.height = Check.positive(OP, "height", height);
        this.width = Check.positive(OP, "width", width);
    }

    /** The {top, left} of every grid patch, row by row: top = 0, strideY, ... while the patch fits. */
    public List<int[]> gridOffsets(int imageHeight, int imageWidth, int strideY, int strideX) {
        return gridOffsets(imageHeight, imageWidth, strideY, strideX, 0, 0);
    }

    private List<int[]> gridOffsets(int imageH, int imageW, int strideY, int strideX, int startY, int startX) {
        Check.positive(OP, "strideY", strideY);
        Check.positive(OP, "strideX", strideX);
        fits(imageH, imageW);
        List<int[]> out = new ArrayList<>();
        for (int top = startY; top + height <= imageH; top += strideY) {
            for (int left = startX; left + width <= imageW; left += strideX) out.add(new int[] {top, left});
        }
        return out;
    }

    /** Patches on a regular grid with the given strides (stride = size tiles without overlap). */
    public List<Tensor> grid(Tensor image, int strideY, int strideX) {
        Image im = Image.of(OP, image);
        return crops(im, gridOffsets(im.height(), im.width(), strideY, strideX));
    }

    /**
     * The grid shifted by a random origin uniform in {@code [0, min(stride, slack)]}, where slack is
     * what the grid leaves over at the bottom/right, so each call covers the image differently.
     */
    public List<Tensor> jitteredGrid(Tensor image, int strideY, int strideX, Generator g) {
        Image im = Image.of(OP, image);
        List<int[]> base = gridOffsets(im.height(), im.width(), strideY, strideX);
        int[] last = base.get(base.size() - 1);
        int slackY = Math.min(strideY - 1, im.height() - height - last[0]);
        int slackX = Math.min(strideX - 1, im.width() - width - last[1]);
        int startY = Rand.randint(g, 0, slackY + 1), startX = Rand.randint(g, 0, slackX + 1);
        return crops(im, gridOffsets(im.height(), im.width(), strideY, strideX, startY, startX));
    }

    /** {@code count} patches at offsets uniform over all positions where a patch fits. */
    public List<Tensor> random(Tensor image, int count, Generator g) {
        Image im = Image.of(OP, image);
        if (count < 0) throw Check.bad(OP, "count", count, ">= 0");
        fits(im.height(), im.width());
        List<int[]> offsets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int top = Rand.randint(g, 0, im.height() - height + 1);
            offsets.add(new int[] {top, Rand.randint(g, 0, im.width() - width + 1)});
        }
        return crops(im, offsets);
    }

    private void fits(int imageH, int imageW) {
        if (imageH < height || imageW < width) {
            throw new IllegalArgumentException(OP + ": expected an image at least " + height + " x " + width
                    + " for patches of that size, got " + imageH + " x " + imageW);
        }
    }

    private List<Tensor> crops(Image im, List<int[]> offsets) {
        List<Tensor> out = new ArrayList<>(offsets.size());
        for (int[] o : offsets) out.add(im.crop(o[0], o[1], height, width));
        return out;
    }

    @Override
    public String toString() {
        return "PatchSampler(size=(" + height + ", " + width + "))";
    }
}
