package io.neurite.nn;

import io.neurite.tensor.Tensor;
import io.neurite.tensor.ValuesIndices;

/**
 * Max pooling to a fixed output height and width, whatever the input's ({@code torch.nn.AdaptiveMaxPool2d}).
 *
 * <p>Shapes: {@code (N, C, H, W) -> (N, C, outH, outW)} or {@code (C, H, W) -> (C, outH, outW)}; output
 * row {@code i} pools input rows {@code [floor(i H / outH), ceil((i + 1) H / outH))}, likewise columns.
 */
public final class AdaptiveMaxPool2d extends Layer {

    private final int[] outputSize;

    /** One size for height and width, or two. */
    public AdaptiveMaxPool2d(int... outputSize) {
        this.outputSize = outputSize.clone();
        PoolingSupport.checkOutputSize(this, this.outputSize, 2);
    }

    @Override
    public Tensor forward(Tensor input) {
        requireRank(input, 3, 4);
        return F.adaptiveMaxPool2d(input, outputSize);
    }

    /** The pooled values and the int32 flat index {@code h W + w} of each maximum in its plane. */
    public ValuesIndices forwardWithIndices(Tensor input) {
        requireRank(input, 3, 4);
        return F.adaptiveMaxPool2dWithIndices(input, outputSize);
    }

    @Override
    public String extraRepr() {
        return "output_size=" + PoolingSupport.size(outputSize);
    }
}
