/**
 * Datasets, samplers, the {@link io.neurite.data.DataLoader} and splits, as {@code torch.utils.data}.
 *
 * <p>Vocabulary, the course notes': an <b>epoch</b> is one pass of the whole training set through
 * forward and backward propagation; an <b>iteration</b> is one back-propagation, one optimizer step; a
 * <b>batch</b> or <b>mini-batch</b> is the {@code batchSize} samples whose errors are accumulated before
 * one iteration. <b>Batch gradient descent</b> uses the whole training set as one batch
 * ({@code DataLoader.Builder.fullBatch()}); <b>mini-batch gradient descent</b> smaller batches, shuffled
 * each epoch ({@code shuffle(true)}) to prevent batch overfitting.
 *
 * <p>Keep training, validation and test sets disjoint ({@link io.neurite.data.Splits}, including by
 * group, e.g. one patient's images on one side only), evaluate with k-fold cross-validation
 * ({@link io.neurite.data.KFold}, {@link io.neurite.data.StratifiedKFold}), and size the validation set
 * with {@link io.neurite.data.SplitAdvisor}.
 */
package io.neurite.data;
