package io.neurite.data;

/**
 * A sample that could not be loaded (or a batch that could not be collated); thrown in the thread
 * iterating the {@link DataLoader}, whichever worker thread failed, with the failure as its cause.
 */
public final class DataLoadingException extends RuntimeException {

    private final int sampleIndex;
    private final int batchIndex;

    DataLoadingException(String message, int sampleIndex, int batchIndex, Throwable cause) {
        super(message, cause);
        this.sampleIndex = sampleIndex;
        this.batchIndex = batchIndex;
    }

    static DataLoadingException sample(int sampleIndex, int batchIndex, int epoch, Throwable cause) {
        return new DataLoadingException("DataLoader: loading sample " + sampleIndex + " (batch " + batchIndex
                + " of epoch " + epoch + ") failed on thread " + Thread.currentThread().getName() + ": " + cause,
                sampleIndex, batchIndex, cause);
    }

    static DataLoadingException collate(int batchIndex, int epoch, Throwable cause) {
        return new DataLoadingException("DataLoader: collating batch " + batchIndex + " of epoch " + epoch
                + " failed: " + cause + "; hint: the default collate needs tensors of one shape and dtype per batch",
                -1, batchIndex, cause);
    }

    /** The dataset index of the failed sample, or -1 when collating the batch failed. */
    public int sampleIndex() {
        return sampleIndex;
    }

    /** The index of the batch within its epoch. */
    public int batchIndex() {
        return batchIndex;
    }
}
