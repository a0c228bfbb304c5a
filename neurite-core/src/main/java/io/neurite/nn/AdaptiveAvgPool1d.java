package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * Average pooling to a fixed output length, whatever the input length ({@code torch.nn.AdaptiveAvgPool1d}).
 *
 * <p>Shapes: {@code (N, C, L) -> (N, C, out)} or {@code (C, L) -> (C, out)}; output {@code i} averages
 * inputs {@code [floor(i L / out), ceil((i + 1) L / out))}.
 */
public final class AdaptiveAvgPool1d extends Layer {

    private final int outputSize;

    public AdaptiveAvgPool1d(int outputSize) {
        this.outputSize = outputSize;
        PoolingSupport.checkOutputSize(this, new int[] {outputSize}, 1);
    }

    @Override
    public Tensor forward(Tensor input) {
        requireRank(input, 2, 3);
        return F.adaptiveAvgPool1d(input, outputSize);
    }

    @Override
    public String extraRepr() {
        return "output_size=" + outputSize;
    }
}
