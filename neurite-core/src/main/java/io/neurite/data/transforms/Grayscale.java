package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/**
 * Converts to grayscale with the ITU-R 601-2 luma {@code L = 0.299 R + 0.587 G + 0.114 B} (PIL's
 * convert("L"), torchvision's Grayscale), giving 1 channel or 3 equal ones; a 1-channel input is
 * taken as already gray, so {@code new Grayscale(3)} also converts grayscale to RGB.
 */
public final class Grayscale implements Transform {

    private final int outputChannels;

    public Grayscale() {
        this(1);
    }

    public Grayscale(int numOutputChannels) {
        if (numOutputChannels != 1 && numOutputChannels != 3) {
            throw Check.bad("Grayscale", "numOutputChannels", numOutputChannels, "1 or 3");
        }
        this.outputChannels = numOutputChannels;
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Image im = Image.of("Grayscale", image);
        if (im.channels() != 1 && im.channels() != 3) {
            throw new IllegalArgumentException("Grayscale: expected a 1- or 3-channel image, got " + im.channels()
                    + " channels (shape " + image.shape() + ")");
        }
        float[] gray = Color.gray(im.data(), im.channels(), im.plane());
        if (outputChannels == 1) return Image.tensor(gray, 1, im.height(), im.width());
        float[] out = new float[3 * im.plane()];
        for (int c = 0; c < 3; c++) System.arraycopy(gray, 0, out, c * im.plane(), im.plane());
        return Image.tensor(out, 3, im.height(), im.width());
    }

    @Override
    public String toString() {
        return "Grayscale(numOutputChannels=" + outputChannels + ")";
    }
}
