package io.neurite.nn;

import java.util.function.Function;

/**
 * The optional settings of {@link BatchNorm1d}, {@link BatchNorm2d} and {@link InstanceNorm2d}, with
 * PyTorch's defaults: {@code BatchNorm2d.builder(64).momentum(null).affine(false).build()}.
 *
 * @param <L> the layer built
 */
public final class NormBuilder<L extends Layer> {

    /** The settings a layer is built from. */
    record Settings(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {}

    private final int numFeatures;
    private final Function<Settings, L> factory;
    private double eps = 1e-5;
    private Double momentum = 0.1;
    private boolean affine;
    private boolean trackRunningStats;

    NormBuilder(int numFeatures, boolean affine, boolean trackRunningStats, Function<Settings, L> factory) {
        this.numFeatures = numFeatures;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        this.factory = factory;
    }

    /** Added to the variance for stability; default 1e-5. */
    public NormBuilder<L> eps(double value) {
        this.eps = value;
        return this;
    }

    /**
     * Weight of the newest batch in the running estimates, in [0, 1]; default 0.1; {@code null} for
     * the cumulative average over all batches seen (batch norm only).
     */
    public NormBuilder<L> momentum(Double value) {
        this.momentum = value;
        return this;
    }

    /** Whether the layer learns a per-channel scale (weight) and shift (bias). */
    public NormBuilder<L> affine(boolean value) {
        this.affine = value;
        return this;
    }

    /** Whether the layer keeps running estimates of mean and variance, used in eval mode. */
    public NormBuilder<L> trackRunningStats(boolean value) {
        this.trackRunningStats = value;
        return this;
    }

    public L build() {
        return factory.apply(settings());
    }

    Settings settings() {
        return new Settings(numFeatures, eps, momentum, affine, trackRunningStats);
    }
}
