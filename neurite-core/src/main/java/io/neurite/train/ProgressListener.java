package io.neurite.train;

/**
 * A callback that also receives the running {@link Progress} after each training batch: the hook for a
 * terminal progress bar (the CLI's) or any other live display.
 */
public interface ProgressListener extends Callback {

    /** Called after every training batch, after {@link #onBatchEnd}. */
    void onProgress(Progress progress);
}
