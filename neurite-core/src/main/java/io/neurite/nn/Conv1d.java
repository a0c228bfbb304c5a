package io.neurite.nn;

import io.neurite.nn.functional.ConvOptions;
import io.neurite.tensor.Tensor;

/**
 * A 1-D convolution layer, PyTorch's {@code nn.Conv1d}: {@code y = conv1d(x, weight) + bias} (see
 * {@link F#conv1d(Tensor, Tensor, Tensor, ConvOptions)}).
 *
 * <p>Shapes: input {@code [N, C_in, L_in]} (or without N), weight {@code [C_out, C_in / groups, K]},
 * output {@code [N, C_out, L_out]} with, per dimension,
 * {@code out = floor((in + padBefore + padAfter - dilation * (k - 1) - 1) / stride) + 1}.
 *
 * <pre>{@code
 * Conv1d conv = Conv1d.builder(16, 32, 3).padding(1).build();   // [8, 16, 100] -> [8, 32, 100]
 * }</pre>
 */
public final class Conv1d extends ConvNd {

    /** A convolution with stride 1, no padding and a bias; see {@link #builder} for the options. */
    public Conv1d(int inChannels, int outChannels, int kernelSize) {
        this(builder(inChannels, outChannels, kernelSize));
    }

    private Conv1d(ConvBuilder<Conv1d> builder) {
        super(builder, 1);
    }

    /** Options: {@code Conv1d.builder(in, out, k).stride(2).padding(1).build()}; k may be one per dimension. */
    public static ConvBuilder<Conv1d> builder(int inChannels, int outChannels, int... kernelSize) {
        return new ConvBuilder<>(inChannels, outChannels, kernelSize, false, Conv1d::new);
    }

    @Override
    Tensor convolve(Tensor input, ConvOptions options) {
        return F.conv1d(input, weight(), bias(), options);
    }
}
