/**
 * Streaming evaluation metrics: {@link io.neurite.train.metrics.Metric} accumulates batch by batch over an epoch
 * (update, compute, reset), and several are computed together by
 * {@link io.neurite.train.metrics.MetricCollection}.
 *
 * <p>Classification: {@link io.neurite.train.metrics.Accuracy}, {@link io.neurite.train.metrics.TopKAccuracy},
 * {@link io.neurite.train.metrics.ConfusionMatrix} and, from it, {@link io.neurite.train.metrics.Precision},
 * {@link io.neurite.train.metrics.Recall}, {@link io.neurite.train.metrics.F1Score} (per class, macro, weighted,
 * micro, binary). Predictions become classes by a {@link io.neurite.train.metrics.Decision}: argmax of scores,
 * or a threshold for binary probabilities or logits. Regression: {@link io.neurite.train.metrics.MeanSquaredError},
 * {@link io.neurite.train.metrics.MeanAbsoluteError}, {@link io.neurite.train.metrics.R2Score}. The epoch's mean
 * loss: {@link io.neurite.train.metrics.RunningAverage}.
 *
 * <p>Definitions and conventions follow scikit-learn's {@code sklearn.metrics}: confusion matrix rows are true
 * classes and columns predicted ones; precision, recall and F1 use {@code zero_division=0}; R² of a constant
 * target is 1 if predicted exactly, else 0. Where a convention differs (top-k ties) the class says so.
 */
package io.neurite.train.metrics;
