package io.neurite.data.transforms;

import io.neurite.tensor.Tensor;

/** Mirror images along the width (horizontal flip) or the height (vertical flip). */
final class Flip {

    private Flip() {
    }

    static Tensor horizontal(Image im) {
        int w = im.width();
        float[] src = im.data(), out = new float[src.length];
        for (int row = 0; row < im.channels() * im.height(); row++) {
            int o = row * w;
            for (int x = 0; x < w; x++) out[o + x] = src[o + w - 1 - x];
        }
        return Image.tensor(out, im.channels(), im.height(), w);
    }

    static Tensor vertical(Image im) {
        int h = im.height(), w = im.width();
        float[] src = im.data(), out = new float[src.length];
        for (int c = 0; c < im.channels(); c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(src, (c * h + h - 1 - y) * w, out, (c * h + y) * w, w);
            }
        }
        return Image.tensor(out, im.channels(), h, w);
    }
}
