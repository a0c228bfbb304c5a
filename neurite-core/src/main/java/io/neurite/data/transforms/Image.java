package io.neurite.data.transforms;

import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/** A validated {@code C x H x W} float image as a raw row-major array (read only: never write into it). */
record Image(float[] data, int channels, int height, int width) {

    /** The image of {@code t}, or a ShapeException naming {@code op} when t is not a C x H x W float tensor. */
    static Image of(String op, Tensor t) {
        if (t == null) throw new IllegalArgumentException(op + ": expected an image tensor C x H x W, got null");
        if (t.dim() != 3 || !t.isFloat()) {
            throw new ShapeException(op + ": expected a float image C x H x W, got " + t.dtype() + " shape "
                    + t.shape() + "; hint: add a channel dimension with unsqueeze(0)", t.shape());
        }
        if (t.numel() == 0) {
            throw new ShapeException(op + ": expected a non-empty image C x H x W, got shape " + t.shape(), t.shape());
        }
        return new Image(t.contiguousData(), t.size(0), t.size(1), t.size(2));
    }

    int plane() {
        return height * width;
    }

    /** A new tensor over {@code data} (not copied), shaped c x h x w. */
    static Tensor tensor(float[] data, int c, int h, int w) {
        return Tensor.wrap(data, Shape.of(c, h, w));
    }

    /** The {@code h x w} window at (top, left), which must lie inside the image. */
    Tensor crop(int top, int left, int h, int w) {
        float[] out = new float[channels * h * w];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(data, (c * height + top + y) * width + left, out, (c * h + y) * w, w);
            }
        }
        return tensor(out, channels, h, w);
    }
}
