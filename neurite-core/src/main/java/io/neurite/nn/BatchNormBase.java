package io.neurite.nn;

import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * The forward of batch normalization layers (PyTorch's {@code _BatchNorm}): in training, batch
 * statistics normalize and, when tracking, {@code num_batches_tracked} counts the batch and the
 * running estimates move by {@code momentum} (or by {@code 1 / num_batches_tracked} when momentum is
 * null: the cumulative average); in eval mode the running estimates normalize (the batch statistics
 * when not tracking).
 */
abstract class BatchNormBase extends NormBase {

    BatchNormBase(NormBuilder.Settings s) {
        super(s);
    }

    /** Dimensions the input may have. */
    abstract int[] ranks();

    @Override
    public final Tensor forward(Tensor input) {
        requireRank(input, ranks());
        requireChannels(input, 1);
        boolean training = isTraining();
        if (training && input.numel() / numFeatures == 1) {
            throw new ShapeException(this + ": expected more than 1 value per channel when training, got input shape "
                    + input.shape() + "; hint: use a batch of more than one sample, or eval() mode", input.shape());
        }
        double factor = momentum == null ? 0.0 : momentum;
        if (training && trackRunningStats) {
            Tensor counter = numBatchesTracked();
            int batches = counter.toIntArray()[0] + 1;
            counter.copyInPlace(Tensor.ofInts(new int[] {batches}));
            if (momentum == null) factor = 1.0 / batches;
        }
        boolean useRunning = !training || trackRunningStats;
        return F.batchNorm(input, useRunning ? runningMean() : null, useRunning ? runningVar() : null, weight(), bias(),
                training || runningMean() == null, factor, eps);
    }
}
