package io.neurite.nn;

import io.neurite.nn.functional.BinaryCrossEntropy;
import io.neurite.nn.functional.CrossEntropy;
import io.neurite.nn.functional.EmbeddingLosses;
import io.neurite.nn.functional.KlDivergence;
import io.neurite.nn.functional.NllLoss;
import io.neurite.nn.functional.RegressionLosses;
import io.neurite.nn.functional.Softmax;
import io.neurite.nn.loss.Reduction;
import io.neurite.tensor.Tensor;

/**
 * The stateless functions of {@code torch.nn.functional}, in one place: {@code F.conv2d(...)},
 * {@code F.crossEntropy(...)}. Layers are thin shells that own parameters and call these.
 *
 * <p>Each method delegates to the class in {@code io.neurite.nn.functional} that holds the
 * function's forward and backward together.
 */
public final class F {

    private F() {}

    // ---------------------------------------------------------------- linear and embedding

    // ---------------------------------------------------------------- activations

    // ---------------------------------------------------------------- convolution

    // ---------------------------------------------------------------- pooling and resampling

    // ---------------------------------------------------------------- normalization and dropout

    // ---------------------------------------------------------------- losses

    /** The {@code ignoreIndex} PyTorch's class losses use by default: targets equal to it are skipped. */
    public static final int DEFAULT_IGNORE_INDEX = -100;

    /** Softmax along {@code dim}: {@code exp(x_i - m) / sum_j exp(x_j - m)}, {@code m} the row max; fused and stable. */
    public static Tensor softmax(Tensor input, int dim) {
        return Softmax.softmax(input, dim);
    }

    /** Log-softmax along {@code dim}: {@code x_i - logsumexp(x)}; fused and stable. */
    public static Tensor logSoftmax(Tensor input, int dim) {
        return Softmax.logSoftmax(input, dim);
    }

    /** Mean squared error; the target has the input's shape. */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return RegressionLosses.mseLoss(input, target, Reduction.MEAN);
    }

    /** Squared error with the given reduction. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return RegressionLosses.mseLoss(input, target, reduction);
    }

    /** Mean absolute error; the target has the input's shape. */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return RegressionLosses.l1Loss(input, target, Reduction.MEAN);
    }

    /** Absolute error with the given reduction. */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return RegressionLosses.l1Loss(input, target, reduction);
    }

    /** Smooth L1 loss with {@code beta = 1}, averaged. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target) {
        return RegressionLosses.smoothL1Loss(input, target, Reduction.MEAN, 1f);
    }

    /** Smooth L1 loss: quadratic for {@code |x - y| < beta}, linear beyond. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, float beta) {
        return RegressionLosses.smoothL1Loss(input, target, reduction, beta);
    }

    /** Huber loss with {@code delta = 1}, averaged. */
    public static Tensor huberLoss(Tensor input, Tensor target) {
        return RegressionLosses.huberLoss(input, target, Reduction.MEAN, 1f);
    }

    /** Huber loss: quadratic for {@code |x - y| < delta}, then linear with slope {@code delta}. */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, float delta) {
        return RegressionLosses.huberLoss(input, target, reduction, delta);
    }

    /** Cross-entropy of logits {@code [N, C, ...]} against int32 class indices or float32 probabilities, averaged. */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return CrossEntropy.crossEntropy(input, target, null, DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0f);
    }

    /** Cross-entropy with the given reduction. */
    public static Tensor crossEntropy(Tensor input, Tensor target, Reduction reduction) {
        return CrossEntropy.crossEntropy(input, target, null, DEFAULT_IGNORE_INDEX, reduction, 0f);
    }

    /** Cross-entropy with class weights ({@code [C]} or null), an ignored index, a reduction and label smoothing. */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction,
                                      float labelSmoothing) {
        return CrossEntropy.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
    }

    /** Negative log-likelihood of log-probabilities {@code [N, C, ...]} against int32 class indices, averaged. */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return NllLoss.nllLoss(input, target, null, DEFAULT_IGNORE_INDEX, Reduction.MEAN);
    }

    /** Negative log-likelihood with the given reduction. */
    public static Tensor nllLoss(Tensor input, Tensor target, Reduction reduction) {
        return NllLoss.nllLoss(input, target, null, DEFAULT_IGNORE_INDEX, reduction);
    }

    /** Negative log-likelihood with class weights ({@code [C]} or null), an ignored index and a reduction. */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction) {
        return NllLoss.nllLoss(input, target, weight, ignoreIndex, reduction);
    }

    /** Binary cross-entropy of probabilities in [0, 1], averaged. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return BinaryCrossEntropy.binaryCrossEntropy(input, target, null, Reduction.MEAN);
    }

    /** Binary cross-entropy of probabilities with the given reduction. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Reduction reduction) {
        return BinaryCrossEntropy.binaryCrossEntropy(input, target, null, reduction);
    }

    /** Binary cross-entropy of probabilities with a weight broadcast to the input (or null). */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return BinaryCrossEntropy.binaryCrossEntropy(input, target, weight, reduction);
    }

    /** Binary cross-entropy of logits (sigmoid fused in, stable), averaged. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return BinaryCrossEntropy.binaryCrossEntropyWithLogits(input, target, null, null, Reduction.MEAN);
    }

    /** Binary cross-entropy of logits with the given reduction. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Reduction reduction) {
        return BinaryCrossEntropy.binaryCrossEntropyWithLogits(input, target, null, null, reduction);
    }

    /** Binary cross-entropy of logits with a weight and a positive-class weight (each broadcast, or null). */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                                      Reduction reduction) {
        return BinaryCrossEntropy.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }

    /** KL divergence of a probability target from log-probabilities {@code input}, averaged over elements. */
    public static Tensor klDiv(Tensor input, Tensor target) {
        return KlDivergence.klDiv(input, target, Reduction.MEAN, false);
    }

    /** KL divergence; {@link Reduction#BATCHMEAN} gives the true divergence; {@code logTarget}: log-probabilities. */
    public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
        return KlDivergence.klDiv(input, target, reduction, logTarget);
    }

    /** Cosine embedding loss with margin 0, averaged. */
    public static Tensor cosineEmbeddingLoss(Tensor input1, Tensor input2, Tensor target) {
        return EmbeddingLosses.cosineEmbeddingLoss(input1, input2, target, 0f, Reduction.MEAN);
    }

    /** Cosine embedding loss: {@code 1 - cos} for pairs with target 1, {@code max(0, cos - margin)} for -1. */
    public static Tensor cosineEmbeddingLoss(Tensor input1, Tensor input2, Tensor target, float margin,
                                             Reduction reduction) {
        return EmbeddingLosses.cosineEmbeddingLoss(input1, input2, target, margin, reduction);
    }

    /** Margin ranking loss with margin 0, averaged. */
    public static Tensor marginRankingLoss(Tensor input1, Tensor input2, Tensor target) {
        return EmbeddingLosses.marginRankingLoss(input1, input2, target, 0f, Reduction.MEAN);
    }

    /** Margin ranking loss: {@code max(0, -y (x1 - x2) + margin)}. */
    public static Tensor marginRankingLoss(Tensor input1, Tensor input2, Tensor target, float margin,
                                           Reduction reduction) {
        return EmbeddingLosses.marginRankingLoss(input1, input2, target, margin, reduction);
    }

    /** Hinge embedding loss with margin 1, averaged. */
    public static Tensor hingeEmbeddingLoss(Tensor input, Tensor target) {
        return EmbeddingLosses.hingeEmbeddingLoss(input, target, 1f, Reduction.MEAN);
    }

    /** Hinge embedding loss: {@code x} where the target is 1, {@code max(0, margin - x)} where it is -1. */
    public static Tensor hingeEmbeddingLoss(Tensor input, Tensor target, float margin, Reduction reduction) {
        return EmbeddingLosses.hingeEmbeddingLoss(input, target, margin, reduction);
    }

    // ---------------------------------------------------------------- recurrent
}
