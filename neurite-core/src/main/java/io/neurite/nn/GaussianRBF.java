package io.neurite.nn;

import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * The Gaussian radial-basis layer of RBF networks: one output per learned center,
 * {@code y_j = exp(-||x - c_j||^2 / (2 sigma^2)) = exp(-gamma ||x - c_j||^2)}. Its response is even
 * around each center rather than monotonic; a {@link Linear} on top makes a classic RBF network.
 *
 * <p>Shapes: input {@code [*, in_features]}, output {@code [*, num_centers]}; centers
 * {@code [num_centers, in_features]}.
 *
 * <p>Initialization: centers from N(0, 1) (copy data points into {@link #centers()} to start from
 * them); sigma 1 unless set.
 *
 * <pre>{@code
 * Sequential rbfNet = new Sequential(GaussianRBF.builder(2, 16).sigma(0.5).build(), new Linear(16, 1));
 * }</pre>
 */
public final class GaussianRBF extends Layer {

    private final int inFeatures;
    private final int numCenters;
    private final double gamma;

    private GaussianRBF(int inFeatures, int numCenters, double gamma) {
        if (inFeatures < 0 || numCenters < 0 || !(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("GaussianRBF: expected non-negative sizes and a finite gamma > 0, got"
                    + " in_features=" + inFeatures + ", num_centers=" + numCenters + ", gamma=" + gamma);
        }
        this.inFeatures = inFeatures;
        this.numCenters = numCenters;
        this.gamma = gamma;
        registerParameter("centers", Tensor.zeros(numCenters, inFeatures));
        resetParameters();
    }

    /** {@code numCenters} Gaussians of width sigma = 1 over {@code inFeatures} inputs. */
    public GaussianRBF(int inFeatures, int numCenters) {
        this(inFeatures, numCenters, 0.5);
    }

    public static Builder builder(int inFeatures, int numCenters) {
        return new Builder(inFeatures, numCenters);
    }

    /** Optional settings of a {@link GaussianRBF}: the width, as sigma or as gamma = 1 / (2 sigma^2). */
    public static final class Builder {
        private final int inFeatures;
        private final int numCenters;
        private double gamma = 0.5;

        private Builder(int inFeatures, int numCenters) {
            this.inFeatures = inFeatures;
            this.numCenters = numCenters;
        }

        /** The width sigma > 0 (default 1). */
        public Builder sigma(double sigma) {
            if (!(sigma > 0)) throw new IllegalArgumentException("GaussianRBF: expected sigma > 0, got sigma=" + sigma);
            this.gamma = 1 / (2 * sigma * sigma);
            return this;
        }

        /** The inverse width gamma = 1 / (2 sigma^2) > 0 (default 0.5). */
        public Builder gamma(double gamma) {
            this.gamma = gamma;
            return this;
        }

        public GaussianRBF build() {
            return new GaussianRBF(inFeatures, numCenters, gamma);
        }
    }

    /** Centers from N(0, 1). */
    public void resetParameters() {
        Init.normal(centers(), 0, 1);
    }

    public Tensor centers() {
        return parameter("centers");
    }

    public double gamma() {
        return gamma;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() == 0 || input.size(-1) != inFeatures) {
            throw new ShapeException(this + ": expected last dimension " + inFeatures + ", got input shape "
                    + input.shape() + "; hint: in_features must equal the input's last dimension", input.shape());
        }
        return F.gaussianRbf(input, centers(), gamma);
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", num_centers=" + numCenters + ", gamma=" + PythonRepr.number(gamma);
    }
}
