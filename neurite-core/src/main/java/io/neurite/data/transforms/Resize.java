package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/**
 * Resizes with bilinear interpolation, no antialiasing (torchvision's Resize on tensors with
 * antialias=False, i.e. {@code interpolate(mode="bilinear", align_corners=False)}): output pixel
 * {@code x} samples the input at {@code max(0, (x + 0.5) * W / w - 0.5)}.
 *
 * <p>One size resizes the shorter side to it, keeping the aspect ratio (longer side
 * {@code floor(size * long / short)}, as torchvision); two sizes give {@code (h, w)} exactly.
 */
public final class Resize implements Transform {

    private final int height, width;
    private final boolean shorterSide;

    /** {@code (size)}: the shorter side becomes size; {@code (h, w)}: exactly h x w. */
    public Resize(int... size) {
        int[] hw = Check.size("Resize", "size", size);
        this.height = hw[0];
        this.width = hw[1];
        this.shorterSide = size.length == 1;
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Image im = Image.of("Resize", image);
        int h = height, w = width;
        if (shorterSide) {
            int shortSide = Math.min(im.height(), im.width()), longSide = Math.max(im.height(), im.width());
            int newLong = (int) ((long) height * longSide / shortSide);
            if (im.height() <= im.width()) w = newLong;
            else h = newLong;
        }
        return bilinear(im, 0, 0, im.height(), im.width(), h, w);
    }

    /** The window (top, left, cropH, cropW) of {@code im} resized bilinearly to h x w. */
    static Tensor bilinear(Image im, int top, int left, int cropH, int cropW, int h, int w) {
        int[] y0 = new int[h], y1 = new int[h], x0 = new int[w], x1 = new int[w];
        float[] fy = new float[h], fx = new float[w];
        taps(cropH, h, top, y0, y1, fy);
        taps(cropW, w, left, x0, x1, fx);
        float[] src = im.data(), out = new float[im.channels() * h * w];
        int sw = im.width();
        for (int c = 0; c < im.channels(); c++) {
            int base = c * im.plane();
            for (int y = 0; y < h; y++) {
                int r0 = base + y0[y] * sw, r1 = base + y1[y] * sw, o = (c * h + y) * w;
                float wy = fy[y];
                for (int x = 0; x < w; x++) {
                    float top0 = src[r0 + x0[x]] + fx[x] * (src[r0 + x1[x]] - src[r0 + x0[x]]);
                    float bot0 = src[r1 + x0[x]] + fx[x] * (src[r1 + x1[x]] - src[r1 + x0[x]]);
                    out[o + x] = top0 + wy * (bot0 - top0);
                }
            }
        }
        return Image.tensor(out, im.channels(), h, w);
    }

    /** Source indices and weights along one axis (PyTorch's area_pixel_compute_source_index, align_corners=False). */
    private static void taps(int in, int out, int offset, int[] i0, int[] i1, float[] frac) {
        double scale = (double) in / out;
        for (int i = 0; i < out; i++) {
            double s = Math.max(0.0, (i + 0.5) * scale - 0.5);
            int lo = Math.min((int) s, in - 1);
            i0[i] = offset + lo;
            i1[i] = offset + Math.min(lo + 1, in - 1);
            frac[i] = (float) (s - lo);
        }
    }

    @Override
    public String toString() {
        return shorterSide ? "Resize(size=" + height + ")" : "Resize(size=(" + height + ", " + width + "))";
    }
}
