package io.neurite.data;

/**
 * One round of k-fold cross-validation: the fold {@code index} is the evaluation set ({@code validation}
 * indices), the other folds together the development set ({@code training} indices).
 */
public record Fold(int index, int[] training, int[] validation) {

    /** The training samples of {@code dataset}. */
    public <T> Subset<T> trainingSet(Dataset<T> dataset) {
        return new Subset<>(dataset, training);
    }

    /** The evaluation samples of {@code dataset}. */
    public <T> Subset<T> validationSet(Dataset<T> dataset) {
        return new Subset<>(dataset, validation);
    }
}
