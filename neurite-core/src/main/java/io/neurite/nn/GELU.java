package io.neurite.nn;

import io.neurite.tensor.Tensor;
import java.util.Locale;
import java.util.Objects;

/**
 * The Gaussian error linear unit, {@code x Phi(x)} with Phi the standard normal CDF ({@code torch.nn.GELU};
 * Hendrycks and Gimpel, "Gaussian Error Linear Units", 2016), exact or with the tanh approximation
 * {@code x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) / 2}.
 *
 * <p>Shapes: any; the output has the input's shape.
 */
public final class GELU extends Layer {

    /** PyTorch's {@code approximate} argument: "none" (exact, via erf) or "tanh". */
    public enum Approximate { NONE, TANH }

    private final Approximate approximate;

    public GELU() {
        this(Approximate.NONE);
    }

    public GELU(Approximate approximate) {
        this.approximate = Objects.requireNonNull(approximate, "approximate");
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.gelu(input, approximate);
    }

    @Override
    public String extraRepr() {
        return "approximate='" + approximate.name().toLowerCase(Locale.ROOT) + "'";
    }
}
