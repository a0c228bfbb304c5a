package io.neurite.nn;

import io.neurite.nn.functional.ConvOptions;
import io.neurite.tensor.Tensor;

/**
 * A 3-D convolution layer, PyTorch's {@code nn.Conv3d}: {@code y = conv3d(x, weight) + bias} (see
 * {@link F#conv3d(Tensor, Tensor, Tensor, ConvOptions)}).
 *
 * <p>Shapes: input {@code [N, C_in, D_in, H_in, W_in]} (or without N), weight
 * {@code [C_out, C_in / groups, kD, kH, kW]},
 * output {@code [N, C_out, D_out, H_out, W_out]} with, per dimension,
 * {@code out = floor((in + padBefore + padAfter - dilation * (k - 1) - 1) / stride) + 1}.
 *
 * <pre>{@code
 * Conv3d conv = Conv3d.builder(3, 8, 3).stride(2).padding(1).build(); // [2, 3, 16, 32, 32] -> [2, 8, 8, 16, 16]
 * }</pre>
 */
public final class Conv3d extends ConvNd {

    /** A convolution with stride 1, no padding and a bias; see {@link #builder} for the options. */
    public Conv3d(int inChannels, int outChannels, int kernelSize) {
        this(builder(inChannels, outChannels, kernelSize));
    }

    private Conv3d(ConvBuilder<Conv3d> builder) {
        super(builder, 3);
    }

    /** Options: {@code Conv3d.builder(in, out, k).stride(2).padding(1).build()}; k may be one per dimension. */
    public static ConvBuilder<Conv3d> builder(int inChannels, int outChannels, int... kernelSize) {
        return new ConvBuilder<>(inChannels, outChannels, kernelSize, false, Conv3d::new);
    }

    @Override
    Tensor convolve(Tensor input, ConvOptions options) {
        return F.conv3d(input, weight(), bias(), options);
    }
}
