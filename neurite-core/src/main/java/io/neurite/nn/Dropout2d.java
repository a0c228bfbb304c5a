package io.neurite.nn;

import io.neurite.nn.functional.Dropouts;
import io.neurite.tensor.Tensor;

/**
 * Channel dropout (Tompson et al., "Efficient object localization using convolutional networks",
 * 2015), PyTorch's {@code nn.Dropout2d}: in training each channel of each sample (a whole
 * {@code H x W} plane) is zeroed with probability {@code p} and the others scaled by
 * {@code 1 / (1 - p)}; in eval mode the input passes unchanged. Masks come from the default
 * generator; see {@link F#dropout2d}.
 *
 * <p>Shapes: input {@code [N, C, H, W]} (or {@code [N, C, L]}, as PyTorch 1.13); output as input.
 */
public final class Dropout2d extends Layer {

    private final double p;

    /** Channel dropout with PyTorch's default {@code p = 0.5}. */
    public Dropout2d() {
        this(0.5);
    }

    public Dropout2d(double p) {
        Dropouts.checkProbability("Dropout2d", p);
        this.p = p;
    }

    public double p() {
        return p;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.dropout2d(input, p, isTraining());
    }

    @Override
    public String extraRepr() {
        return "p=" + PythonRepr.number(p) + ", inplace=False";
    }
}
