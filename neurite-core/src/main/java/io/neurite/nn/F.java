package io.neurite.nn;

import io.neurite.nn.functional.ConvOptions;
import io.neurite.nn.functional.Convolution;
import io.neurite.nn.functional.Padding;
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

    // ---------------------------------------------------------------- normalization and dropout

    // ---------------------------------------------------------------- losses

    // ---------------------------------------------------------------- recurrent
}
