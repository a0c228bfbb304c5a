package io.neurite.nn;

/**
 * Batch normalization over a 4-D input (Ioffe and Szegedy, 2015), PyTorch's
 * {@code nn.BatchNorm2d}: each channel standardized with the mini-batch mean and biased variance in
 * training (the running estimates in eval mode), then scaled by {@code weight} and shifted by
 * {@code bias}; see {@link F#batchNorm}.
 *
 * <p>Shapes: input {@code [N, C, H, W]}; output as input.
 *
 * <pre>{@code
 * BatchNorm2d bn = new BatchNorm2d(64);
 * BatchNorm2d cumulative = BatchNorm2d.builder(64).momentum(null).build();
 * }</pre>
 */
public final class BatchNorm2d extends BatchNormBase {

    public BatchNorm2d(int numFeatures) {
        this(builder(numFeatures).settings());
    }

    BatchNorm2d(NormBuilder.Settings s) {
        super(s);
    }

    /** eps 1e-5, momentum 0.1, affine, tracking running statistics, as PyTorch. */
    public static NormBuilder<BatchNorm2d> builder(int numFeatures) {
        return new NormBuilder<>(numFeatures, true, true, BatchNorm2d::new);
    }

    @Override
    int[] ranks() {
        return new int[] {4};
    }
}
