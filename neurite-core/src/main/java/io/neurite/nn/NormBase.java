package io.neurite.nn;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * What batch and instance normalization layers share (PyTorch's {@code _NormBase}): a per-channel
 * {@code weight} (ones) and {@code bias} (zeros) when affine, and the buffers {@code running_mean}
 * (zeros), {@code running_var} (ones) and {@code num_batches_tracked} (an int32 scalar) when
 * tracking running statistics, under PyTorch's state-dict names.
 */
abstract class NormBase extends Layer {

    final int numFeatures;
    final double eps;
    final Double momentum;
    final boolean affine;
    final boolean trackRunningStats;

    NormBase(NormBuilder.Settings s) {
        String name = getClass().getSimpleName();
        if (s.numFeatures() <= 0) {
            throw new IllegalArgumentException(name + ": expected num_features > 0, got num_features="
                    + s.numFeatures());
        }
        if (!(s.eps() >= 0)) throw new IllegalArgumentException(name + ": expected eps >= 0, got eps=" + s.eps());
        if (s.momentum() != null && !(s.momentum() >= 0 && s.momentum() <= 1)) {
            throw new IllegalArgumentException(name + ": expected momentum in [0, 1] (or null for a cumulative"
                    + " average), got momentum=" + s.momentum());
        }
        this.numFeatures = s.numFeatures();
        this.eps = s.eps();
        this.momentum = s.momentum();
        this.affine = s.affine();
        this.trackRunningStats = s.trackRunningStats();
        if (affine) {
            registerParameter("weight", Tensor.ones(numFeatures));
            registerParameter("bias", Tensor.zeros(numFeatures));
        }
        if (trackRunningStats) {
            registerBuffer("running_mean", Tensor.zeros(numFeatures));
            registerBuffer("running_var", Tensor.ones(numFeatures));
            registerBuffer("num_batches_tracked", Tensor.ofInts(new int[] {0}));
        }
        resetParameters();
    }

    /** The learned scale {@code [C]}, or null when not affine. */
    public final Tensor weight() {
        return parameter("weight");
    }

    /** The learned shift {@code [C]}, or null when not affine. */
    public final Tensor bias() {
        return parameter("bias");
    }

    /** The running mean {@code [C]}, or null when not tracking running statistics. */
    public final Tensor runningMean() {
        return buffer("running_mean");
    }

    /** The running (unbiased) variance {@code [C]}, or null when not tracking running statistics. */
    public final Tensor runningVar() {
        return buffer("running_var");
    }

    /** The number of training batches seen, an int32 scalar, or null when not tracking running statistics. */
    public final Tensor numBatchesTracked() {
        return buffer("num_batches_tracked");
    }

    /** Zero mean, unit variance and no batches seen. */
    public final void resetRunningStats() {
        if (!trackRunningStats) return;
        try (var scope = Autograd.noGrad()) {
            runningMean().fillInPlace(0f);
            runningVar().fillInPlace(1f);
            numBatchesTracked().copyInPlace(Tensor.ofInts(new int[] {0}));
        }
    }

    /** PyTorch's initialization: running statistics reset, weight ones, bias zeros. */
    public final void resetParameters() {
        resetRunningStats();
        if (!affine) return;
        try (var scope = Autograd.noGrad()) {
            weight().fillInPlace(1f);
            bias().fillInPlace(0f);
        }
    }

    /** Fails unless dimension {@code dim} of {@code input} holds {@code numFeatures} channels. */
    final void requireChannels(Tensor input, int dim) {
        if (input.size(dim) != numFeatures) {
            throw new ShapeException(this + ": expected input with " + numFeatures + " channels, got shape "
                    + input.shape() + "; hint: num_features must equal the input's dimension " + dim, input.shape());
        }
    }

    @Override
    public String extraRepr() {
        return numFeatures + ", eps=" + PythonRepr.number(eps) + ", momentum="
                + (momentum == null ? "None" : PythonRepr.number(momentum)) + ", affine=" + PythonRepr.bool(affine)
                + ", track_running_stats=" + PythonRepr.bool(trackRunningStats);
    }
}
