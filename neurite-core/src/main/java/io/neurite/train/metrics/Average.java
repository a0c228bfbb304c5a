package io.neurite.train.metrics;

/**
 * How per-class precision, recall or F1 become one number, as scikit-learn's {@code average} argument.
 * MACRO and WEIGHTED average over the classes present in the targets or the predictions (scikit-learn's
 * default {@code labels=None}); a class seen in neither does not pull the average toward 0.
 */
public enum Average {
    /** The unweighted mean over the classes present. */
    MACRO,
    /** The mean weighted by each class's support (its number of true samples). */
    WEIGHTED,
    /** Pooled counts: sum(TP) / sum(TP + FP) etc.; for single-label multiclass all three equal the accuracy. */
    MICRO,
    /** The score of class 1 only ({@code pos_label=1}); needs exactly two classes. */
    BINARY
}
