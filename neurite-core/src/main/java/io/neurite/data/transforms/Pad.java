package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import java.util.Arrays;

/**
 * Pads the border of an image (torchvision's Pad). Padding is one value (all sides), two (left/right,
 * top/bottom) or four (left, top, right, bottom), as torchvision.
 *
 * <p>Shapes: {@code C x H x W -> C x (H + top + bottom) x (W + left + right)}.
 */
public final class Pad implements Transform {

    private final int left, top, right, bottom;
    private final float fill;
    private final PaddingMode mode;

    /** Constant zero padding. */
    public Pad(int... padding) {
        this(padding, 0f, PaddingMode.CONSTANT);
    }

    public Pad(int[] padding, float fill, PaddingMode mode) {
        int[] p = sides("Pad", padding);
        this.left = p[0];
        this.top = p[1];
        this.right = p[2];
        this.bottom = p[3];
        this.fill = fill;
        this.mode = java.util.Objects.requireNonNull(mode, "Pad: mode is null");
    }

    /** {left, top, right, bottom} from 1, 2 or 4 non-negative values. */
    static int[] sides(String op, int[] padding) {
        if (padding == null || (padding.length != 1 && padding.length != 2 && padding.length != 4)) {
            throw Check.bad(op, "padding", padding == null ? "null" : Arrays.toString(padding),
                    "1, 2 or 4 values (all; left/right, top/bottom; left, top, right, bottom)");
        }
        for (int v : padding) {
            if (v < 0) throw Check.bad(op, "padding", Arrays.toString(padding), "non-negative values");
        }
        return switch (padding.length) {
            case 1 -> new int[] {padding[0], padding[0], padding[0], padding[0]};
            case 2 -> new int[] {padding[0], padding[1], padding[0], padding[1]};
            default -> padding.clone();
        };
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        return pad(Image.of("Pad", image), left, top, right, bottom, mode, fill);
    }

    /** The image padded by the given amounts on each side. */
    static Tensor pad(Image im, int left, int top, int right, int bottom, PaddingMode mode, float fill) {
        int h = im.height() + top + bottom, w = im.width() + left + right;
        float[] src = im.data(), out = new float[im.channels() * h * w];
        int[] cols = new int[w];
        for (int x = 0; x < w; x++) cols[x] = column(x - left, im.width(), mode);
        for (int c = 0; c < im.channels(); c++) {
            for (int y = 0; y < h; y++) {
                int sy = column(y - top, im.height(), mode), row = (c * h + y) * w;
                if (sy < 0) {
                    Arrays.fill(out, row, row + w, fill);
                    continue;
                }
                int srcRow = (c * im.height() + sy) * im.width();
                for (int x = 0; x < w; x++) out[row + x] = cols[x] < 0 ? fill : src[srcRow + cols[x]];
            }
        }
        return Image.tensor(out, im.channels(), h, w);
    }

    /** The source index of padded index i, or -1 for the constant fill. */
    private static int column(int i, int n, PaddingMode mode) {
        if (i >= 0 && i < n) return i;
        return mode == PaddingMode.CONSTANT ? -1 : mode.source(i, n);
    }

    @Override
    public String toString() {
        return "Pad(padding=[" + left + ", " + top + ", " + right + ", " + bottom + "], fill=" + fill
                + ", mode=" + mode + ")";
    }
}
