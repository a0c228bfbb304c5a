package io.neurite.nn;

import io.neurite.nn.functional.ConvOptions;
import io.neurite.tensor.Tensor;

/**
 * A 2-D transposed convolution layer (the up-sampling of autoencoders and U-Net), PyTorch's
 * {@code nn.ConvTranspose2d}: the gradient of a convolution with respect to its input, plus a bias (see
 * {@link F#convTranspose2d(Tensor, Tensor, Tensor, ConvOptions)}).
 *
 * <p>Shapes: input {@code [N, C_in, H_in, W_in]} (or without N), weight {@code [C_in, C_out / groups, kH, kW]},
 * output {@code [N, C_out, H_out, W_out]} with, per dimension,
 * {@code out = (in - 1) * stride - 2 * padding + dilation * (k - 1) + outputPadding + 1}.
 *
 * <pre>{@code
 * ConvTranspose2d up = ConvTranspose2d.builder(64, 32, 2).stride(2).build(); // [N, 64, 28, 28] -> [N, 32, 56, 56]
 * }</pre>
 */
public final class ConvTranspose2d extends ConvNd {

    /** A transposed convolution with stride 1, no padding and a bias; see {@link #builder} for the options. */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
        this(builder(inChannels, outChannels, kernelSize));
    }

    private ConvTranspose2d(ConvBuilder<ConvTranspose2d> builder) {
        super(builder, 2);
    }

    /** Options: {@code ConvTranspose2d.builder(in, out, k).stride(2).outputPadding(1).build()}. */
    public static ConvBuilder<ConvTranspose2d> builder(int inChannels, int outChannels, int... kernelSize) {
        return new ConvBuilder<>(inChannels, outChannels, kernelSize, true, ConvTranspose2d::new);
    }

    @Override
    Tensor convolve(Tensor input, ConvOptions options) {
        return F.convTranspose2d(input, weight(), bias(), options);
    }
}
