package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * Instance normalization (Ulyanov, Vedaldi and Lempitsky, 2016), PyTorch's {@code nn.InstanceNorm2d}:
 * each channel of each sample standardized over its own {@code H x W} plane; by default (as PyTorch)
 * without affine parameters and without running statistics. When tracking, eval mode normalizes with
 * the running estimates; see {@link F#instanceNorm}.
 *
 * <p>Shapes: input {@code [N, C, H, W]} or unbatched {@code [C, H, W]}; output as input.
 */
public final class InstanceNorm2d extends NormBase {

    public InstanceNorm2d(int numFeatures) {
        this(builder(numFeatures).settings());
    }

    InstanceNorm2d(NormBuilder.Settings s) {
        super(checked(s));
    }

    /** eps 1e-5, momentum 0.1, not affine, not tracking running statistics, as PyTorch. */
    public static NormBuilder<InstanceNorm2d> builder(int numFeatures) {
        return new NormBuilder<>(numFeatures, false, false, InstanceNorm2d::new);
    }

    private static NormBuilder.Settings checked(NormBuilder.Settings s) {
        if (s.momentum() == null) {
            throw new IllegalArgumentException("InstanceNorm2d: momentum must be a number, got null; hint: the"
                    + " cumulative average (null) exists only for batch normalization");
        }
        return s;
    }

    /**
     * The number of channels is checked when it matters (affine or tracking); otherwise any channel
     * count is normalized, as PyTorch (which only warns).
     */
    @Override
    public Tensor forward(Tensor input) {
        requireRank(input, 3, 4);
        boolean unbatched = input.dim() == 3;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        if (affine || trackRunningStats) requireChannels(input, unbatched ? 0 : 1);
        boolean useInputStats = isTraining() || !trackRunningStats;
        Tensor out = F.instanceNorm(x, runningMean(), runningVar(), weight(), bias(), useInputStats, momentum, eps);
        return unbatched ? out.squeeze(0) : out;
    }
}
