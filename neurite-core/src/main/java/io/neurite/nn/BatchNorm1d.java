package io.neurite.nn;

/**
 * Batch normalization over a 2-D or 3-D input (Ioffe and Szegedy, 2015), PyTorch's
 * {@code nn.BatchNorm1d}: each channel standardized with the mini-batch mean and biased variance in
 * training (the running estimates in eval mode), then scaled by {@code weight} and shifted by
 * {@code bias}; see {@link F#batchNorm}.
 *
 * <p>Shapes: input {@code [N, C]} or {@code [N, C, L]}; output as input.
 *
 * <pre>{@code
 * BatchNorm1d bn = new BatchNorm1d(64);
 * BatchNorm1d cumulative = BatchNorm1d.builder(64).momentum(null).build();
 * }</pre>
 */
public final class BatchNorm1d extends BatchNormBase {

    public BatchNorm1d(int numFeatures) {
        this(builder(numFeatures).settings());
    }

    BatchNorm1d(NormBuilder.Settings s) {
        super(s);
    }

    /** eps 1e-5, momentum 0.1, affine, tracking running statistics, as PyTorch. */
    public static NormBuilder<BatchNorm1d> builder(int numFeatures) {
        return new NormBuilder<>(numFeatures, true, true, BatchNorm1d::new);
    }

    @Override
    int[] ranks() {
        return new int[] {2, 3};
    }
}
