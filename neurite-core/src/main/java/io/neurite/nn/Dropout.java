package io.neurite.nn;

import io.neurite.nn.functional.Dropouts;
import io.neurite.tensor.Tensor;

/**
 * Dropout (Srivastava et al., 2014), PyTorch's {@code nn.Dropout}: in training each element is zeroed
 * with probability {@code p} and the others scaled by {@code 1 / (1 - p)}; in eval mode the input
 * passes unchanged. The masks come from the default generator ({@link Tensor#manualSeed} repeats
 * them); see {@link F#dropout}.
 *
 * <p>Shapes: any; output as input.
 */
public final class Dropout extends Layer {

    private final double p;

    /** Dropout with PyTorch's default {@code p = 0.5}. */
    public Dropout() {
        this(0.5);
    }

    public Dropout(double p) {
        Dropouts.checkProbability("Dropout", p);
        this.p = p;
    }

    public double p() {
        return p;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.dropout(input, p, isTraining());
    }

    @Override
    public String extraRepr() {
        return "p=" + PythonRepr.number(p) + ", inplace=False";
    }
}
