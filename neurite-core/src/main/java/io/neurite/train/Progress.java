package io.neurite.train;

import java.util.Map;

/**
 * Where training stands after a batch, for a {@link ProgressListener}.
 *
 * @param epoch             the epoch (0-based)
 * @param batch             the batch just finished (0-based)
 * @param totalBatches      batches in the epoch
 * @param runningLoss       mean loss over the epoch so far (per sample)
 * @param metrics           the training metrics over the epoch so far
 * @param samplesPerSecond  samples trained per second of wall time in this epoch so far
 */
public record Progress(int epoch, int batch, int totalBatches, double runningLoss, Map<String, Double> metrics,
        double samplesPerSecond) {}
