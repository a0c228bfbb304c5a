package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/** Gamma correction {@code clamp(gain * x^gamma, 0, 1)} (torchvision's adjust_gamma); gamma below 1 brightens. */
public final class AdjustGamma implements Transform {

    private final float gamma, gain;

    public AdjustGamma(double gamma) {
        this(gamma, 1);
    }

    public AdjustGamma(double gamma, double gain) {
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw Check.bad("AdjustGamma", "gamma", gamma, "finite and >= 0");
        }
        if (!Double.isFinite(gain)) throw Check.bad("AdjustGamma", "gain", gain, "finite");
        this.gamma = (float) gamma;
        this.gain = (float) gain;
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Image im = Image.of("AdjustGamma", image);
        return adjust(im, gamma, gain);
    }

    static Tensor adjust(Image im, float gamma, float gain) {
        float[] x = im.data().clone();
        Color.gamma(x, gamma, gain);
        return Image.tensor(x, im.channels(), im.height(), im.width());
    }

    @Override
    public String toString() {
        return "AdjustGamma(gamma=" + gamma + ", gain=" + gain + ")";
    }
}
