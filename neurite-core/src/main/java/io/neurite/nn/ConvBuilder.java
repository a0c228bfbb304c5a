package io.neurite.nn;

import io.neurite.nn.functional.ConvOptions;
import java.util.function.Function;

/**
 * The optional arguments of a convolution layer, with PyTorch's defaults: stride 1, padding 0,
 * dilation 1, one group, a bias, padding mode {@code zeros} (and output padding 0 for transposed
 * layers).
 *
 * <pre>{@code
 * Conv2d conv = Conv2d.builder(3, 64, 7).stride(2).padding(3).bias(false).build();
 * Conv2d depthwise = Conv2d.builder(32, 32, 3).padding("same").groups(32).build();
 * ConvTranspose2d up = ConvTranspose2d.builder(64, 32, 2).stride(2).build();
 * }</pre>
 *
 * @param <L> the layer built
 */
public final class ConvBuilder<L extends ConvNd> {

    final int inChannels;
    final int outChannels;
    final int[] kernelSize;
    final boolean transposed;
    ConvOptions options = new ConvOptions();
    boolean bias = true;
    String paddingMode = "zeros";
    private final Function<ConvBuilder<L>, L> factory;

    ConvBuilder(int inChannels, int outChannels, int[] kernelSize, boolean transposed,
                Function<ConvBuilder<L>, L> factory) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = kernelSize.clone();
        this.transposed = transposed;
        this.factory = factory;
    }

    /** Step between kernel applications: one value, or one per spatial dimension. */
    public ConvBuilder<L> stride(int... stride) {
        options = options.stride(stride);
        return this;
    }

    /** Padding on both sides of each spatial dimension: one value, or one per dimension. */
    public ConvBuilder<L> padding(int... padding) {
        options = options.padding(padding);
        return this;
    }

    /** {@code "same"} (output size equals input size; stride 1 only) or {@code "valid"} (no padding). */
    public ConvBuilder<L> padding(String padding) {
        options = options.padding(padding);
        return this;
    }

    /** {@code (before, after)} pairs per spatial dimension, in dimension order: (top, bottom, left, right). */
    public ConvBuilder<L> paddingPerSide(int... beforeAfter) {
        options = options.paddingPerSide(beforeAfter);
        return this;
    }

    /** Spacing between kernel elements: one value, or one per spatial dimension. */
    public ConvBuilder<L> dilation(int... dilation) {
        options = options.dilation(dilation);
        return this;
    }

    /** Channel groups; {@code groups == inChannels} is a depthwise convolution. */
    public ConvBuilder<L> groups(int groups) {
        options = options.groups(groups);
        return this;
    }

    /** Whether the layer adds a learned bias per output channel (default true). */
    public ConvBuilder<L> bias(boolean bias) {
        this.bias = bias;
        return this;
    }

    /** How the padding is filled: {@code zeros} (default), {@code reflect}, {@code replicate} or {@code circular}. */
    public ConvBuilder<L> paddingMode(String paddingMode) {
        this.paddingMode = paddingMode;
        return this;
    }

    /** Transposed layers only: extra size added to one side of each output dimension. */
    public ConvBuilder<L> outputPadding(int... outputPadding) {
        options = options.outputPadding(outputPadding);
        return this;
    }

    public L build() {
        return factory.apply(this);
    }
}
