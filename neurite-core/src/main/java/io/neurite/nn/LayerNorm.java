package io.neurite.nn;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.Arrays;

/**
 * Layer normalization (Ba, Kiros and Hinton, 2016), PyTorch's {@code nn.LayerNorm}: each sample
 * standardized over its last dimensions (those of {@code normalizedShape}), then scaled and shifted
 * elementwise by {@code weight} (ones) and {@code bias} (zeros) of shape {@code normalizedShape};
 * see {@link F#layerNorm}.
 *
 * <p>Shapes: input {@code [*, normalizedShape]}; output as input.
 *
 * <pre>{@code
 * LayerNorm norm = new LayerNorm(512);
 * LayerNorm plain = LayerNorm.builder(8, 8).eps(1e-6).elementwiseAffine(false).build();
 * }</pre>
 */
public final class LayerNorm extends Layer {

    private final int[] normalizedShape;
    private final double eps;
    private final boolean elementwiseAffine;

    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    private LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        if (normalizedShape.length == 0 || Arrays.stream(normalizedShape).anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("LayerNorm: expected a non-empty normalized_shape of positive sizes,"
                    + " got " + Arrays.toString(normalizedShape));
        }
        if (!(eps >= 0)) throw new IllegalArgumentException("LayerNorm: expected eps >= 0, got eps=" + eps);
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        if (elementwiseAffine) {
            registerParameter("weight", Tensor.ones(normalizedShape));
            registerParameter("bias", Tensor.zeros(normalizedShape));
        }
        resetParameters();
    }

    /** Options: {@code eps} (1e-5) and {@code elementwiseAffine} (true), as PyTorch. */
    public static Builder builder(int... normalizedShape) {
        return new Builder(normalizedShape);
    }

    /** The optional settings of a {@link LayerNorm}. */
    public static final class Builder {
        private final int[] normalizedShape;
        private double eps = 1e-5;
        private boolean elementwiseAffine = true;

        private Builder(int[] normalizedShape) {
            this.normalizedShape = normalizedShape.clone();
        }

        public Builder eps(double value) {
            this.eps = value;
            return this;
        }

        public Builder elementwiseAffine(boolean value) {
            this.elementwiseAffine = value;
            return this;
        }

        public LayerNorm build() {
            return new LayerNorm(normalizedShape, eps, elementwiseAffine);
        }
    }

    /** Weight ones, bias zeros. */
    public void resetParameters() {
        if (!elementwiseAffine) return;
        try (var scope = Autograd.noGrad()) {
            parameter("weight").fillInPlace(1f);
            parameter("bias").fillInPlace(0f);
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] d = input.shape().dims();
        int r = normalizedShape.length;
        if (d.length < r || !Arrays.equals(Arrays.copyOfRange(d, d.length - r, d.length), normalizedShape)) {
            throw new ShapeException(this + ": expected input with shape [*, "
                    + Arrays.toString(normalizedShape).substring(1) + ", got shape " + input.shape()
                    + "; hint: normalized_shape must equal the input's last " + r + " dimension(s)", input.shape());
        }
        return F.layerNorm(input, normalizedShape, parameter("weight"), parameter("bias"), eps);
    }

    @Override
    public String extraRepr() {
        return PythonRepr.tuple(normalizedShape) + ", eps=" + PythonRepr.number(eps) + ", elementwise_affine="
                + PythonRepr.bool(elementwiseAffine);
    }
}
