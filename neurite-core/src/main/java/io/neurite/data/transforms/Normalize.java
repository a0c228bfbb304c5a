package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import java.util.Arrays;

/** {@code (x - mean[c]) / std[c]} per channel (torchvision's Normalize); one value applies to all channels. */
public final class Normalize implements Transform {

    private final float[] mean, std;

    public Normalize(float mean, float std) {
        this(new float[] {mean}, new float[] {std});
    }

    public Normalize(float[] mean, float[] std) {
        if (mean == null || mean.length == 0) throw Check.bad("Normalize", "mean", Arrays.toString(mean), "non-empty");
        if (std == null || std.length == 0) throw Check.bad("Normalize", "std", Arrays.toString(std), "non-empty");
        for (float s : std) {
            if (s == 0f || !Float.isFinite(s)) {
                throw Check.bad("Normalize", "std", Arrays.toString(std), "finite and non-zero in every channel");
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Image im = Image.of("Normalize", image);
        float[] src = im.data(), out = new float[src.length];
        int plane = im.plane();
        for (int c = 0; c < im.channels(); c++) {
            float m = Check.channelValue("Normalize", "mean", mean, im.channels(), c);
            float s = Check.channelValue("Normalize", "std", std, im.channels(), c);
            for (int i = c * plane; i < (c + 1) * plane; i++) out[i] = (src[i] - m) / s;
        }
        return Image.tensor(out, im.channels(), im.height(), im.width());
    }

    @Override
    public String toString() {
        return "Normalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
    }
}
