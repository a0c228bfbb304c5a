package io.neurite.nn;

import io.neurite.nn.functional.ConvOptions;
import io.neurite.tensor.Tensor;

/**
 * A 1-D transposed convolution layer (the up-sampling of autoencoders and U-Net), PyTorch's
 * {@code nn.ConvTranspose1d}: the gradient of a convolution with respect to its input, plus a bias (see
 * {@link F#convTranspose1d(Tensor, Tensor, Tensor, ConvOptions)}).
 *
 * <p>Shapes: input {@code [N, C_in, L_in]} (or without N), weight {@code [C_in, C_out / groups, K]},
 * output {@code [N, C_out, L_out]} with, per dimension,
 * {@code out = (in - 1) * stride - 2 * padding + dilation * (k - 1) + outputPadding + 1}.
 *
 * <pre>{@code
 * ConvTranspose1d up = ConvTranspose1d.builder(8, 4, 4).stride(2).padding(1).build(); // L -> 2L
 * }</pre>
 */
public final class ConvTranspose1d extends ConvNd {

    /** A transposed convolution with stride 1, no padding and a bias; see {@link #builder} for the options. */
    public ConvTranspose1d(int inChannels, int outChannels, int kernelSize) {
        this(builder(inChannels, outChannels, kernelSize));
    }

    private ConvTranspose1d(ConvBuilder<ConvTranspose1d> builder) {
        super(builder, 1);
    }

    /** Options: {@code ConvTranspose1d.builder(in, out, k).stride(2).outputPadding(1).build()}. */
    public static ConvBuilder<ConvTranspose1d> builder(int inChannels, int outChannels, int... kernelSize) {
        return new ConvBuilder<>(inChannels, outChannels, kernelSize, true, ConvTranspose1d::new);
    }

    @Override
    Tensor convolve(Tensor input, ConvOptions options) {
        return F.convTranspose1d(input, weight(), bias(), options);
    }
}
