package io.neurite.nn;

import io.neurite.nn.functional.ConvOptions;
import io.neurite.tensor.Tensor;

/**
 * A 2-D convolution layer, PyTorch's {@code nn.Conv2d}: {@code y = conv2d(x, weight) + bias} (see
 * {@link F#conv2d(Tensor, Tensor, Tensor, ConvOptions)}).
 *
 * <p>Shapes: input {@code [N, C_in, H_in, W_in]} (or without N), weight {@code [C_out, C_in / groups, kH, kW]},
 * output {@code [N, C_out, H_out, W_out]} with, per dimension,
 * {@code out = floor((in + padBefore + padAfter - dilation * (k - 1) - 1) / stride) + 1}.
 *
 * <pre>{@code
 * Conv2d c1 = new Conv2d(1, 6, 5);                             // LeNet-5: [64, 1, 32, 32] -> [64, 6, 28, 28]
 * Conv2d same = Conv2d.builder(6, 16, 3).padding("same").build(); // keeps H and W
 * }</pre>
 */
public final class Conv2d extends ConvNd {

    /** A convolution with stride 1, no padding and a bias; see {@link #builder} for the options. */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(builder(inChannels, outChannels, kernelSize));
    }

    private Conv2d(ConvBuilder<Conv2d> builder) {
        super(builder, 2);
    }

    /** Options: {@code Conv2d.builder(in, out, k).stride(2).padding(1).build()}; k may be one per dimension. */
    public static ConvBuilder<Conv2d> builder(int inChannels, int outChannels, int... kernelSize) {
        return new ConvBuilder<>(inChannels, outChannels, kernelSize, false, Conv2d::new);
    }

    @Override
    Tensor convolve(Tensor input, ConvOptions options) {
        return F.conv2d(input, weight(), bias(), options);
    }
}
