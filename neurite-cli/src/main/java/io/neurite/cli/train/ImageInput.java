package io.neurite.cli.train;

import io.neurite.data.datasets.ImageFolder;
import io.neurite.data.transforms.Resize;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An image file (PNG, JPEG, BMP, GIF through {@code javax.imageio}) as a model input: grayscale (ITU-R 601 luma),
 * resized bilinearly to the model's size, and inverted when asked or, by default, when its border is mostly light.
 * Fashion-MNIST and MNIST images are light objects on a black background; a photo of a dark object on white paper
 * must be inverted to look like them. The result is in [0, 1], to be normalized as in training.
 */
public final class ImageInput {

    /** When to invert (x becomes 1 - x): {@code AUTO} when the mean of the border pixels is above one half. */
    public enum Invert { AUTO, YES, NO }

    private ImageInput() {}

    /** The image at {@code file} as float32 {@code [1, height, width]} in [0, 1]. */
    public static Tensor read(Path file, int height, int width, Invert invert) throws IOException {
        Tensor image = ImageFolder.read(file, 1);
        if (image.size(1) != height || image.size(2) != width) {
            image = new Resize(height, width).apply(image, new Generator(0));
        }
        boolean flip = invert == Invert.YES || (invert == Invert.AUTO && borderMean(image) > 0.5);
        return flip ? image.rsub(1f) : image;
    }

    /** The mean of the pixels on the outermost rows and columns of a {@code [1, H, W]} image. */
    static double borderMean(Tensor image) {
        int h = image.size(1), w = image.size(2);
        float[] px = image.contiguous().toFloatArray();
        double sum = 0;
        int count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y == 0 || x == 0 || y == h - 1 || x == w - 1) {
                    sum += px[y * w + x];
                    count++;
                }
            }
        }
        return sum / count;
    }
}
