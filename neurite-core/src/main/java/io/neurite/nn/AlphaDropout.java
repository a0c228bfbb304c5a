package io.neurite.nn;

import io.neurite.nn.functional.Dropouts;
import io.neurite.tensor.Tensor;

/**
 * Alpha dropout for self-normalizing networks (Klambauer et al., 2017), PyTorch's
 * {@code nn.AlphaDropout}: in training dropped elements are set to SELU's negative saturation and an
 * affine correction keeps zero mean and unit variance; in eval mode the input passes unchanged. Masks
 * come from the default generator; see {@link F#alphaDropout}.
 *
 * <p>Shapes: any; output as input.
 */
public final class AlphaDropout extends Layer {

    private final double p;

    /** Alpha dropout with PyTorch's default {@code p = 0.5}. */
    public AlphaDropout() {
        this(0.5);
    }

    public AlphaDropout(double p) {
        Dropouts.checkProbability("AlphaDropout", p);
        this.p = p;
    }

    public double p() {
        return p;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.alphaDropout(input, p, isTraining());
    }

    @Override
    public String extraRepr() {
        return "p=" + PythonRepr.number(p) + ", inplace=False";
    }
}
