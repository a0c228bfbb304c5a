package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * Average pooling to a fixed output height and width, whatever the input's ({@code torch.nn.AdaptiveAvgPool2d});
 * {@code new AdaptiveAvgPool2d(1)} is global average pooling.
 *
 * <p>Shapes: {@code (N, C, H, W) -> (N, C, outH, outW)} or {@code (C, H, W) -> (C, outH, outW)}; output
 * row {@code i} averages input rows {@code [floor(i H / outH), ceil((i + 1) H / outH))}, likewise columns.
 */
public final class AdaptiveAvgPool2d extends Layer {

    private final int[] outputSize;

    /** One size for height and width, or two. */
    public AdaptiveAvgPool2d(int... outputSize) {
        this.outputSize = outputSize.clone();
        PoolingSupport.checkOutputSize(this, this.outputSize, 2);
    }

    @Override
    public Tensor forward(Tensor input) {
        requireRank(input, 3, 4);
        return F.adaptiveAvgPool2d(input, outputSize);
    }

    @Override
    public String extraRepr() {
        return "output_size=" + PoolingSupport.size(outputSize);
    }
}
