package io.neurite.nn;

import io.neurite.nn.functional.Affine;
import io.neurite.nn.functional.Lookup;
import io.neurite.nn.functional.Parametric;
import io.neurite.nn.functional.Pointwise;
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

    /** {@code x W^T}: input {@code [*, in]}, weight {@code [out, in]}, output {@code [*, out]}. */
    public static Tensor linear(Tensor input, Tensor weight) {
        return Affine.linear(input, weight, null);
    }

    /** {@code x W^T + b}: input {@code [*, in]}, weight {@code [out, in]}, bias {@code [out]} or null. */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        return Affine.linear(input, weight, bias);
    }

    /** {@code y_k = x1^T W_k x2 + b_k}: inputs {@code [*, in1]}, {@code [*, in2]}, weight {@code [out, in1, in2]}. */
    public static Tensor bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor bias) {
        return Affine.bilinear(input1, input2, weight, bias);
    }

    /** Rows of {@code weight [num, dim]} picked by int32 {@code indices [*]}: output {@code [*, dim]}. */
    public static Tensor embedding(Tensor indices, Tensor weight) {
        return Lookup.embedding(indices, weight, Lookup.NO_PADDING);
    }

    /** As {@link #embedding(Tensor, Tensor)}; row {@code paddingIdx} (negative counts from the end) gets no gradient. */
    public static Tensor embedding(Tensor indices, Tensor weight, int paddingIdx) {
        return Lookup.embedding(indices, weight, Embedding.normalizePaddingIdx("embedding", paddingIdx, weight.size(0)));
    }

    // ---------------------------------------------------------------- activations

    /** {@code max(x, 0)}; gradient 0 at 0. */
    public static Tensor relu(Tensor x) {
        return Pointwise.relu(x);
    }

    /** {@code min(max(x, 0), 6)}; gradient 0 at 0 and 6. */
    public static Tensor relu6(Tensor x) {
        return Pointwise.relu6(x);
    }

    /** {@code x > 0 ? x : 0.01 x}. */
    public static Tensor leakyRelu(Tensor x) {
        return Pointwise.leakyRelu(x, 0.01);
    }

    /** {@code x > 0 ? x : negativeSlope x}. */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return Pointwise.leakyRelu(x, negativeSlope);
    }

    /** {@code x > 0 ? x : w_c x}, with learnable slopes {@code weight} per channel (dimension 1) or one shared. */
    public static Tensor prelu(Tensor x, Tensor weight) {
        return Parametric.prelu(x, weight);
    }

    /** {@code x > 0 ? x : e^x - 1}. */
    public static Tensor elu(Tensor x) {
        return Pointwise.elu(x, 1.0);
    }

    /** {@code x > 0 ? x : alpha (e^x - 1)}. */
    public static Tensor elu(Tensor x, double alpha) {
        return Pointwise.elu(x, alpha);
    }

    /** {@code scale (x > 0 ? x : alpha (e^x - 1))} with the self-normalizing constants of Klambauer et al. */
    public static Tensor selu(Tensor x) {
        return Pointwise.selu(x);
    }

    /** {@code max(0, x) + min(0, e^x - 1)}. */
    public static Tensor celu(Tensor x) {
        return Pointwise.celu(x, 1.0);
    }

    /** {@code max(0, x) + min(0, alpha (e^(x / alpha) - 1))}. */
    public static Tensor celu(Tensor x, double alpha) {
        return Pointwise.celu(x, alpha);
    }

    /** Exact GELU, {@code x Phi(x)} with Phi the standard normal CDF. */
    public static Tensor gelu(Tensor x) {
        return Pointwise.gelu(x);
    }

    /** GELU, exact or with the tanh approximation {@code x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) / 2}. */
    public static Tensor gelu(Tensor x, GELU.Approximate approximate) {
        return approximate == GELU.Approximate.TANH ? Pointwise.geluTanh(x) : Pointwise.gelu(x);
    }

    /** {@code x sigmoid(x)} (swish). */
    public static Tensor silu(Tensor x) {
        return Pointwise.silu(x);
    }

    /** {@code x tanh(softplus(x))}. */
    public static Tensor mish(Tensor x) {
        return Pointwise.mish(x);
    }

    /** {@code 1 / (1 + e^-x)}. */
    public static Tensor sigmoid(Tensor x) {
        return Pointwise.sigmoid(x);
    }

    /** {@code tanh x}. */
    public static Tensor tanh(Tensor x) {
        return Pointwise.tanh(x);
    }

    /** {@code clamp(x, -1, 1)}; gradient 0 at the bounds. */
    public static Tensor hardtanh(Tensor x) {
        return Pointwise.hardtanh(x, -1, 1);
    }

    /** {@code clamp(x, minVal, maxVal)}; gradient 0 at and beyond the bounds. */
    public static Tensor hardtanh(Tensor x, double minVal, double maxVal) {
        return Pointwise.hardtanh(x, minVal, maxVal);
    }

    /** {@code relu6(x + 3) / 6}. */
    public static Tensor hardsigmoid(Tensor x) {
        return Pointwise.hardsigmoid(x);
    }

    /** {@code x relu6(x + 3) / 6}. */
    public static Tensor hardswish(Tensor x) {
        return Pointwise.hardswish(x);
    }

    /** {@code log(1 + e^x)}, and x itself above 20. */
    public static Tensor softplus(Tensor x) {
        return Pointwise.softplus(x, 1, 20);
    }

    /** {@code log(1 + e^(beta x)) / beta}, and x itself where {@code beta x > threshold}. */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        return Pointwise.softplus(x, beta, threshold);
    }

    /** {@code x / (1 + |x|)}. */
    public static Tensor softsign(Tensor x) {
        return Pointwise.softsign(x);
    }

    /** {@code x > threshold ? x : value}. */
    public static Tensor threshold(Tensor x, double threshold, double value) {
        return Pointwise.threshold(x, threshold, value);
    }

    /** Maxout: the largest of {@code pieces} affine maps per output unit; weight {@code [out * pieces, in]}. */
    public static Tensor maxout(Tensor x, Tensor weight, Tensor bias, int pieces) {
        return Parametric.maxout(x, weight, bias, pieces);
    }

    /** {@code exp(-gamma ||x - c_j||^2)} for each center row of {@code centers [C, in]}: output {@code [*, C]}. */
    public static Tensor gaussianRbf(Tensor x, Tensor centers, double gamma) {
        return Parametric.gaussianRbf(x, centers, gamma);
    }

    // ---------------------------------------------------------------- convolution

    // ---------------------------------------------------------------- pooling and resampling

    // ---------------------------------------------------------------- normalization and dropout

    // ---------------------------------------------------------------- losses

    // ---------------------------------------------------------------- recurrent
}
