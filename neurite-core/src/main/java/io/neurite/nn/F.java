package io.neurite.nn;

import io.neurite.nn.functional.BinaryCrossEntropy;
import io.neurite.nn.functional.ConvOptions;
import io.neurite.nn.functional.Convolution;
import io.neurite.nn.functional.CrossEntropy;
import io.neurite.nn.functional.EmbeddingLosses;
import io.neurite.nn.functional.KlDivergence;
import io.neurite.nn.functional.NllLoss;
import io.neurite.nn.functional.Padding;
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
    // io.neurite.nn.functional names are fully qualified so that this section needs no import.

    /** {@code x W^T}: input {@code [*, in]}, weight {@code [out, in]}, output {@code [*, out]}. */
    public static Tensor linear(Tensor input, Tensor weight) {
        return io.neurite.nn.functional.Affine.linear(input, weight, null);
    }

    /** {@code x W^T + b}: input {@code [*, in]}, weight {@code [out, in]}, bias {@code [out]} or null. */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        return io.neurite.nn.functional.Affine.linear(input, weight, bias);
    }

    /** {@code y_k = x1^T W_k x2 + b_k}: inputs {@code [*, in1]}, {@code [*, in2]}; weight {@code [out, in1, in2]}. */
    public static Tensor bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor bias) {
        return io.neurite.nn.functional.Affine.bilinear(input1, input2, weight, bias);
    }

    /** Rows of {@code weight [num, dim]} picked by int32 {@code indices [*]}: output {@code [*, dim]}. */
    public static Tensor embedding(Tensor indices, Tensor weight) {
        return io.neurite.nn.functional.Lookup.embedding(indices, weight, io.neurite.nn.functional.Lookup.NO_PADDING);
    }

    /** As {@link #embedding(Tensor, Tensor)}; row {@code paddingIdx} (negative: from the end) gets no gradient. */
    public static Tensor embedding(Tensor indices, Tensor weight, int paddingIdx) {
        int row = Embedding.normalizePaddingIdx("embedding", paddingIdx, weight.size(0));
        return io.neurite.nn.functional.Lookup.embedding(indices, weight, row);
    }

    // ---------------------------------------------------------------- activations
    // io.neurite.nn.functional names are fully qualified; softmax and logSoftmax are in "losses".

    /** {@code max(x, 0)}; gradient 0 at 0. */
    public static Tensor relu(Tensor x) {
        return io.neurite.nn.functional.Activations.relu(x);
    }

    /** {@code min(max(x, 0), 6)}; gradient 0 at 0 and 6. */
    public static Tensor relu6(Tensor x) {
        return io.neurite.nn.functional.Activations.relu6(x);
    }

    /** {@code x > 0 ? x : 0.01 x}. */
    public static Tensor leakyRelu(Tensor x) {
        return io.neurite.nn.functional.Activations.leakyRelu(x, 0.01);
    }

    /** {@code x > 0 ? x : negativeSlope x}. */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return io.neurite.nn.functional.Activations.leakyRelu(x, negativeSlope);
    }

    /** {@code x > 0 ? x : w_c x}, with learnable slopes {@code weight} per channel (dimension 1) or one shared. */
    public static Tensor prelu(Tensor x, Tensor weight) {
        return io.neurite.nn.functional.Parametric.prelu(x, weight);
    }

    /** {@code x > 0 ? x : e^x - 1}. */
    public static Tensor elu(Tensor x) {
        return io.neurite.nn.functional.Activations.elu(x, 1.0);
    }

    /** {@code x > 0 ? x : alpha (e^x - 1)}. */
    public static Tensor elu(Tensor x, double alpha) {
        return io.neurite.nn.functional.Activations.elu(x, alpha);
    }

    /** {@code scale (x > 0 ? x : alpha (e^x - 1))} with the self-normalizing constants of Klambauer et al. */
    public static Tensor selu(Tensor x) {
        return io.neurite.nn.functional.Activations.selu(x);
    }

    /** {@code max(0, x) + min(0, e^x - 1)}. */
    public static Tensor celu(Tensor x) {
        return io.neurite.nn.functional.Activations.celu(x, 1.0);
    }

    /** {@code max(0, x) + min(0, alpha (e^(x / alpha) - 1))}. */
    public static Tensor celu(Tensor x, double alpha) {
        return io.neurite.nn.functional.Activations.celu(x, alpha);
    }

    /** Exact GELU, {@code x Phi(x)} with Phi the standard normal CDF. */
    public static Tensor gelu(Tensor x) {
        return io.neurite.nn.functional.Activations.gelu(x);
    }

    /** GELU, exact or with the tanh approximation {@code x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) / 2}. */
    public static Tensor gelu(Tensor x, GELU.Approximate approximate) {
        return approximate == GELU.Approximate.TANH ? io.neurite.nn.functional.Activations.geluTanh(x)
                : io.neurite.nn.functional.Activations.gelu(x);
    }

    /** {@code x sigmoid(x)} (swish). */
    public static Tensor silu(Tensor x) {
        return io.neurite.nn.functional.Activations.silu(x);
    }

    /** {@code x tanh(softplus(x))}. */
    public static Tensor mish(Tensor x) {
        return io.neurite.nn.functional.Activations.mish(x);
    }

    /** {@code 1 / (1 + e^-x)}. */
    public static Tensor sigmoid(Tensor x) {
        return io.neurite.nn.functional.Activations.sigmoid(x);
    }

    /** {@code tanh x}. */
    public static Tensor tanh(Tensor x) {
        return io.neurite.nn.functional.Activations.tanh(x);
    }

    /** {@code clamp(x, -1, 1)}; gradient 0 at the bounds. */
    public static Tensor hardtanh(Tensor x) {
        return io.neurite.nn.functional.Activations.hardtanh(x, -1, 1);
    }

    /** {@code clamp(x, minVal, maxVal)}; gradient 0 at and beyond the bounds. */
    public static Tensor hardtanh(Tensor x, double minVal, double maxVal) {
        return io.neurite.nn.functional.Activations.hardtanh(x, minVal, maxVal);
    }

    /** {@code relu6(x + 3) / 6}. */
    public static Tensor hardsigmoid(Tensor x) {
        return io.neurite.nn.functional.Activations.hardsigmoid(x);
    }

    /** {@code x relu6(x + 3) / 6}. */
    public static Tensor hardswish(Tensor x) {
        return io.neurite.nn.functional.Activations.hardswish(x);
    }

    /** {@code log(1 + e^x)}, and x itself above 20. */
    public static Tensor softplus(Tensor x) {
        return io.neurite.nn.functional.Activations.softplus(x, 1, 20);
    }

    /** {@code log(1 + e^(beta x)) / beta}, and x itself where {@code beta x > threshold}. */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        return io.neurite.nn.functional.Activations.softplus(x, beta, threshold);
    }

    /** {@code x / (1 + |x|)}. */
    public static Tensor softsign(Tensor x) {
        return io.neurite.nn.functional.Activations.softsign(x);
    }

    /** {@code x > threshold ? x : value}. */
    public static Tensor threshold(Tensor x, double threshold, double value) {
        return io.neurite.nn.functional.Activations.threshold(x, threshold, value);
    }

    /** {@code softmax(-x)} along {@code dim}: small inputs get large probabilities. */
    public static Tensor softmin(Tensor x, int dim) {
        return io.neurite.nn.functional.Softmax.softmax(x.neg(), dim);
    }

    /** Maxout: the largest of {@code pieces} affine maps per output unit; weight {@code [out * pieces, in]}. */
    public static Tensor maxout(Tensor x, Tensor weight, Tensor bias, int pieces) {
        return io.neurite.nn.functional.Parametric.maxout(x, weight, bias, pieces);
    }

    /** {@code exp(-gamma ||x - c_j||^2)} for each center row of {@code centers [C, in]}: output {@code [*, C]}. */
    public static Tensor gaussianRbf(Tensor x, Tensor centers, double gamma) {
        return io.neurite.nn.functional.Parametric.gaussianRbf(x, centers, gamma);
    }

    // ---------------------------------------------------------------- convolution

    /** 1-D convolution with stride 1, no padding and one group; {@code bias} may be null. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias) {
        return conv1d(input, weight, bias, new ConvOptions());
    }

    /** 1-D convolution with stride, padding, dilation and groups, as {@code F.conv1d}. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, ConvOptions options) {
        return Convolution.conv(input, weight, bias, options, 1);
    }

    /** 2-D convolution with stride 1, no padding and one group; {@code bias} may be null. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return conv2d(input, weight, bias, new ConvOptions());
    }

    /** 2-D convolution with stride, padding, dilation and groups, as {@code F.conv2d}. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, ConvOptions options) {
        return Convolution.conv(input, weight, bias, options, 2);
    }

    /** 3-D convolution with stride 1, no padding and one group; {@code bias} may be null. */
    public static Tensor conv3d(Tensor input, Tensor weight, Tensor bias) {
        return conv3d(input, weight, bias, new ConvOptions());
    }

    /** 3-D convolution with stride, padding, dilation and groups, as {@code F.conv3d}. */
    public static Tensor conv3d(Tensor input, Tensor weight, Tensor bias, ConvOptions options) {
        return Convolution.conv(input, weight, bias, options, 3);
    }

    /** 1-D transposed convolution with stride 1, no padding and one group; {@code bias} may be null. */
    public static Tensor convTranspose1d(Tensor input, Tensor weight, Tensor bias) {
        return convTranspose1d(input, weight, bias, new ConvOptions());
    }

    /** 1-D transposed convolution as {@code F.conv_transpose1d}: weight {@code [C, O / groups, K...]}. */
    public static Tensor convTranspose1d(Tensor input, Tensor weight, Tensor bias, ConvOptions options) {
        return Convolution.convTranspose(input, weight, bias, options, 1);
    }

    /** 2-D transposed convolution with stride 1, no padding and one group; {@code bias} may be null. */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias) {
        return convTranspose2d(input, weight, bias, new ConvOptions());
    }

    /** 2-D transposed convolution as {@code F.conv_transpose2d}: weight {@code [C, O / groups, K...]}. */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, ConvOptions options) {
        return Convolution.convTranspose(input, weight, bias, options, 2);
    }

    /** Zero padding; {@code pads} lists (before, after) pairs, LAST dimension first, as {@code F.pad}. */
    public static Tensor pad(Tensor input, int[] pads) {
        return pad(input, pads, "constant", 0f);
    }

    /** {@code F.pad} with mode constant (filled with {@code value}), reflect, replicate or circular. */
    public static Tensor pad(Tensor input, int[] pads, String mode, float value) {
        return Padding.pad(input, pads, mode, value);
    }

    // ---------------------------------------------------------------- pooling and resampling
    // Names are fully qualified so that this section needs no import. Sizes in io.neurite.nn.functional.PoolOptions
    // take one value (every pooled dimension) or one per dimension; the functions' classes document the formulas.

    /** Max pooling over the last dimension of {@code (N, C, L)} or {@code (C, L)}, stride = kernel. */
    public static io.neurite.tensor.Tensor maxPool1d(io.neurite.tensor.Tensor input, int kernelSize) {
        return io.neurite.nn.functional.MaxPooling.maxPool(input, io.neurite.nn.functional.PoolOptions.of(kernelSize),
                1);
    }

    /** Max pooling over the last dimension: {@code L_out = floor((L + 2p - d (k - 1) - 1) / s) + 1}, or ceil. */
    public static io.neurite.tensor.Tensor maxPool1d(io.neurite.tensor.Tensor input,
            io.neurite.nn.functional.PoolOptions options) {
        return io.neurite.nn.functional.MaxPooling.maxPool(input, options, 1);
    }

    /** {@code maxPool1d} with the int32 index of each maximum within its row (PyTorch's return_indices). */
    public static io.neurite.tensor.ValuesIndices maxPool1dWithIndices(io.neurite.tensor.Tensor input,
            io.neurite.nn.functional.PoolOptions options) {
        return io.neurite.nn.functional.MaxPooling.maxPoolWithIndices(input, options, 1);
    }

    /** Max pooling over height and width of {@code (N, C, H, W)} or {@code (C, H, W)}, stride = kernel. */
    public static io.neurite.tensor.Tensor maxPool2d(io.neurite.tensor.Tensor input, int kernelSize) {
        return io.neurite.nn.functional.MaxPooling.maxPool(input, io.neurite.nn.functional.PoolOptions.of(kernelSize),
                2);
    }

    /** Max pooling over height and width with a square window moved by {@code stride}. */
    public static io.neurite.tensor.Tensor maxPool2d(io.neurite.tensor.Tensor input, int kernelSize, int stride) {
        return io.neurite.nn.functional.MaxPooling.maxPool(input,
                io.neurite.nn.functional.PoolOptions.of(kernelSize).withStride(stride), 2);
    }

    /** Max pooling over height and width; each output size is {@code floor((in + 2p - d (k - 1) - 1) / s) + 1}. */
    public static io.neurite.tensor.Tensor maxPool2d(io.neurite.tensor.Tensor input,
            io.neurite.nn.functional.PoolOptions options) {
        return io.neurite.nn.functional.MaxPooling.maxPool(input, options, 2);
    }

    /** {@code maxPool2d} with the int32 flat index {@code h W + w} of each maximum in its plane. */
    public static io.neurite.tensor.ValuesIndices maxPool2dWithIndices(io.neurite.tensor.Tensor input,
            io.neurite.nn.functional.PoolOptions options) {
        return io.neurite.nn.functional.MaxPooling.maxPoolWithIndices(input, options, 2);
    }

    /** Max pooling over depth, height and width of {@code (N, C, D, H, W)} or {@code (C, D, H, W)}, stride = kernel. */
    public static io.neurite.tensor.Tensor maxPool3d(io.neurite.tensor.Tensor input, int kernelSize) {
        return io.neurite.nn.functional.MaxPooling.maxPool(input, io.neurite.nn.functional.PoolOptions.of(kernelSize),
                3);
    }

    /** Max pooling over depth, height and width. */
    public static io.neurite.tensor.Tensor maxPool3d(io.neurite.tensor.Tensor input,
            io.neurite.nn.functional.PoolOptions options) {
        return io.neurite.nn.functional.MaxPooling.maxPool(input, options, 3);
    }

    /** {@code maxPool3d} with the int32 flat index {@code (d H + h) W + w} of each maximum in its plane. */
    public static io.neurite.tensor.ValuesIndices maxPool3dWithIndices(io.neurite.tensor.Tensor input,
            io.neurite.nn.functional.PoolOptions options) {
        return io.neurite.nn.functional.MaxPooling.maxPoolWithIndices(input, options, 3);
    }

    /**
     * The partial inverse of {@code maxPool2dWithIndices}: zeros except each input value at its index;
     * output size {@code (in - 1) s - 2p + k}, or {@code outputSize} (2 values, or 4 of which the last 2 count).
     */
    public static io.neurite.tensor.Tensor maxUnpool2d(io.neurite.tensor.Tensor input, io.neurite.tensor.Tensor indices,
            io.neurite.nn.functional.PoolOptions options, int... outputSize) {
        return io.neurite.nn.functional.MaxPooling.maxUnpool2d(input, indices, options, outputSize);
    }

    /** Average pooling over the last dimension of {@code (N, C, L)} or {@code (C, L)}, stride = kernel. */
    public static io.neurite.tensor.Tensor avgPool1d(io.neurite.tensor.Tensor input, int kernelSize) {
        return io.neurite.nn.functional.AvgPooling.avgPool(input, io.neurite.nn.functional.PoolOptions.of(kernelSize),
                1);
    }

    /** Average pooling over the last dimension (padding, ceil mode, countIncludePad). */
    public static io.neurite.tensor.Tensor avgPool1d(io.neurite.tensor.Tensor input,
            io.neurite.nn.functional.PoolOptions options) {
        return io.neurite.nn.functional.AvgPooling.avgPool(input, options, 1);
    }

    /** Average pooling over height and width of {@code (N, C, H, W)} or {@code (C, H, W)}, stride = kernel. */
    public static io.neurite.tensor.Tensor avgPool2d(io.neurite.tensor.Tensor input, int kernelSize) {
        return io.neurite.nn.functional.AvgPooling.avgPool(input, io.neurite.nn.functional.PoolOptions.of(kernelSize),
                2);
    }

    /** Average pooling over height and width with a square window moved by {@code stride}. */
    public static io.neurite.tensor.Tensor avgPool2d(io.neurite.tensor.Tensor input, int kernelSize, int stride) {
        return io.neurite.nn.functional.AvgPooling.avgPool(input,
                io.neurite.nn.functional.PoolOptions.of(kernelSize).withStride(stride), 2);
    }

    /** Average pooling over height and width (padding, ceil mode, countIncludePad, divisorOverride). */
    public static io.neurite.tensor.Tensor avgPool2d(io.neurite.tensor.Tensor input,
            io.neurite.nn.functional.PoolOptions options) {
        return io.neurite.nn.functional.AvgPooling.avgPool(input, options, 2);
    }

    /** Average pooling of the last dimension to {@code outputSize} windows (see {@code AdaptivePooling}). */
    public static io.neurite.tensor.Tensor adaptiveAvgPool1d(io.neurite.tensor.Tensor input, int outputSize) {
        return io.neurite.nn.functional.AdaptivePooling.adaptiveAvgPool(input, new int[] {outputSize}, 1);
    }

    /** Average pooling of height and width to {@code outputSize} (one value for both, or two). */
    public static io.neurite.tensor.Tensor adaptiveAvgPool2d(io.neurite.tensor.Tensor input, int... outputSize) {
        return io.neurite.nn.functional.AdaptivePooling.adaptiveAvgPool(input, outputSize, 2);
    }

    /** Max pooling of height and width to {@code outputSize} (one value for both, or two). */
    public static io.neurite.tensor.Tensor adaptiveMaxPool2d(io.neurite.tensor.Tensor input, int... outputSize) {
        return io.neurite.nn.functional.AdaptivePooling.adaptiveMaxPool(input, outputSize, 2).values();
    }

    /** {@code adaptiveMaxPool2d} with the int32 flat index {@code h W + w} of each maximum in its plane. */
    public static io.neurite.tensor.ValuesIndices adaptiveMaxPool2dWithIndices(io.neurite.tensor.Tensor input,
            int... outputSize) {
        return io.neurite.nn.functional.AdaptivePooling.adaptiveMaxPool(input, outputSize, 2);
    }

    /** Resizes the spatial dimensions of {@code (N, C, ...)} by nearest or (bi)linear interpolation. */
    public static io.neurite.tensor.Tensor interpolate(io.neurite.tensor.Tensor input,
            io.neurite.nn.functional.Interpolation how) {
        return io.neurite.nn.functional.Resampling.interpolate(input, how);
    }

    /** {@code (*, C r², H, W) -> (*, C, H r, W r)}: channel blocks moved into space. */
    public static io.neurite.tensor.Tensor pixelShuffle(io.neurite.tensor.Tensor input, int upscaleFactor) {
        return io.neurite.nn.functional.PixelShuffling.pixelShuffle(input, upscaleFactor);
    }

    /** {@code (*, C, H r, W r) -> (*, C r², H, W)}: the inverse of {@code pixelShuffle}. */
    public static io.neurite.tensor.Tensor pixelUnshuffle(io.neurite.tensor.Tensor input, int downscaleFactor) {
        return io.neurite.nn.functional.PixelShuffling.pixelUnshuffle(input, downscaleFactor);
    }

    // ---------------------------------------------------------------- normalization and dropout
    // Names are fully qualified so that this section needs no import.

    /**
     * Batch normalization ({@code torch.nn.functional.batch_norm}): per channel (dimension 1), with
     * the batch statistics in training (updating the running estimates in place, when given) and
     * the running estimates otherwise. Input {@code [N, C]} or {@code [N, C, *]}; any of the
     * {@code [C]} tensors may be null.
     */
    public static io.neurite.tensor.Tensor batchNorm(io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor runningMean, io.neurite.tensor.Tensor runningVar, io.neurite.tensor.Tensor weight,
            io.neurite.tensor.Tensor bias, boolean training, double momentum, double eps) {
        return io.neurite.nn.functional.BatchNorm.batchNorm(input, runningMean, runningVar, weight, bias, training,
                momentum, eps);
    }

    /** Instance normalization ({@code torch.nn.functional.instance_norm}): each sample's channel on its own. */
    public static io.neurite.tensor.Tensor instanceNorm(io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor runningMean, io.neurite.tensor.Tensor runningVar, io.neurite.tensor.Tensor weight,
            io.neurite.tensor.Tensor bias, boolean useInputStats, double momentum, double eps) {
        return io.neurite.nn.functional.BatchNorm.instanceNorm(input, runningMean, runningVar, weight, bias,
                useInputStats, momentum, eps);
    }

    /** Layer normalization over the last {@code normalizedShape.length} dimensions ({@code layer_norm}). */
    public static io.neurite.tensor.Tensor layerNorm(io.neurite.tensor.Tensor input, int[] normalizedShape,
            io.neurite.tensor.Tensor weight, io.neurite.tensor.Tensor bias, double eps) {
        return io.neurite.nn.functional.RowNorm.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    /** Group normalization: channels in {@code numGroups} groups, each normalized per sample ({@code group_norm}). */
    public static io.neurite.tensor.Tensor groupNorm(io.neurite.tensor.Tensor input, int numGroups,
            io.neurite.tensor.Tensor weight, io.neurite.tensor.Tensor bias, double eps) {
        return io.neurite.nn.functional.RowNorm.groupNorm(input, numGroups, weight, bias, eps);
    }

    /** Local response normalization across channels, AlexNet's ({@code local_response_norm}). */
    public static io.neurite.tensor.Tensor localResponseNorm(io.neurite.tensor.Tensor input, int size, double alpha,
            double beta, double k) {
        return io.neurite.nn.functional.LocalResponse.localResponseNorm(input, size, alpha, beta, k);
    }

    /** Zeroes elements with probability {@code p} and scales the rest by {@code 1 / (1 - p)} in training. */
    public static io.neurite.tensor.Tensor dropout(io.neurite.tensor.Tensor input, double p, boolean training) {
        return io.neurite.nn.functional.Dropouts.dropout(input, p, training);
    }

    /** Zeroes whole channels of {@code [N, C, H, W]} with probability {@code p} in training. */
    public static io.neurite.tensor.Tensor dropout2d(io.neurite.tensor.Tensor input, double p, boolean training) {
        return io.neurite.nn.functional.Dropouts.dropout2d(input, p, training);
    }

    /** Dropout that keeps SELU's zero mean and unit variance ({@code alpha_dropout}). */
    public static io.neurite.tensor.Tensor alphaDropout(io.neurite.tensor.Tensor input, double p, boolean training) {
        return io.neurite.nn.functional.Dropouts.alphaDropout(input, p, training);
    }

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
    // Names are fully qualified so that this section needs no import.

    /** One RNN cell step, {@code h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh)}: x [N, H_in], hx [N, H] or null. */
    public static io.neurite.tensor.Tensor rnnTanhCell(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor hx,
            io.neurite.tensor.Tensor weightIh,
            io.neurite.tensor.Tensor weightHh,
            io.neurite.tensor.Tensor biasIh,
            io.neurite.tensor.Tensor biasHh) {
        return io.neurite.nn.functional.Recurrent.cell(io.neurite.nn.functional.Recurrent.Mode.RNN_TANH,
                input, hx, weightIh, weightHh, biasIh, biasHh);
    }

    /** One RNN cell step with relu, {@code h' = relu(x W_ih^T + b_ih + h W_hh^T + b_hh)}. */
    public static io.neurite.tensor.Tensor rnnReluCell(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor hx,
            io.neurite.tensor.Tensor weightIh,
            io.neurite.tensor.Tensor weightHh,
            io.neurite.tensor.Tensor biasIh,
            io.neurite.tensor.Tensor biasHh) {
        return io.neurite.nn.functional.Recurrent.cell(io.neurite.nn.functional.Recurrent.Mode.RNN_RELU,
                input, hx, weightIh, weightHh, biasIh, biasHh);
    }

    /** One LSTM cell step (gates i, f, g, o); hx, cx [N, H] or null; returns (h', c'). */
    public static io.neurite.nn.functional.Recurrent.State lstmCell(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor hx,
            io.neurite.tensor.Tensor cx,
            io.neurite.tensor.Tensor weightIh,
            io.neurite.tensor.Tensor weightHh,
            io.neurite.tensor.Tensor biasIh,
            io.neurite.tensor.Tensor biasHh) {
        return io.neurite.nn.functional.Recurrent.lstmCell(input, hx, cx, weightIh, weightHh, biasIh, biasHh);
    }

    /** One GRU cell step (gates r, z, n; {@code n = tanh(W_in x + b_in + r (W_hn h + b_hn))}). */
    public static io.neurite.tensor.Tensor gruCell(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor hx,
            io.neurite.tensor.Tensor weightIh,
            io.neurite.tensor.Tensor weightHh,
            io.neurite.tensor.Tensor biasIh,
            io.neurite.tensor.Tensor biasHh) {
        return io.neurite.nn.functional.Recurrent.cell(io.neurite.nn.functional.Recurrent.Mode.GRU,
                input, hx, weightIh, weightHh, biasIh, biasHh);
    }

    /** A multi-layer tanh RNN over input [L, N, H_in]; h0 [D * layers, N, H] or null; weights in PyTorch's order. */
    public static io.neurite.nn.functional.Recurrent.Output rnnTanh(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor h0,
            java.util.List<io.neurite.tensor.Tensor> weights,
            io.neurite.nn.functional.Recurrent.Options options) {
        return io.neurite.nn.functional.Recurrent.run(io.neurite.nn.functional.Recurrent.Mode.RNN_TANH,
                input, h0, null, weights, options);
    }

    /** A multi-layer relu RNN, as {@link #rnnTanh}. */
    public static io.neurite.nn.functional.Recurrent.Output rnnRelu(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor h0,
            java.util.List<io.neurite.tensor.Tensor> weights,
            io.neurite.nn.functional.Recurrent.Options options) {
        return io.neurite.nn.functional.Recurrent.run(io.neurite.nn.functional.Recurrent.Mode.RNN_RELU,
                input, h0, null, weights, options);
    }

    /** A multi-layer LSTM, as {@link #rnnTanh}; c0 [D * layers, N, H] or null; returns output, h_n and c_n. */
    public static io.neurite.nn.functional.Recurrent.Output lstm(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor h0,
            io.neurite.tensor.Tensor c0,
            java.util.List<io.neurite.tensor.Tensor> weights,
            io.neurite.nn.functional.Recurrent.Options options) {
        return io.neurite.nn.functional.Recurrent.run(io.neurite.nn.functional.Recurrent.Mode.LSTM,
                input, h0, c0, weights, options);
    }

    /** A multi-layer GRU, as {@link #rnnTanh}. */
    public static io.neurite.nn.functional.Recurrent.Output gru(
            io.neurite.tensor.Tensor input,
            io.neurite.tensor.Tensor h0,
            java.util.List<io.neurite.tensor.Tensor> weights,
            io.neurite.nn.functional.Recurrent.Options options) {
        return io.neurite.nn.functional.Recurrent.run(io.neurite.nn.functional.Recurrent.Mode.GRU,
                input, h0, null, weights, options);
    }
}
