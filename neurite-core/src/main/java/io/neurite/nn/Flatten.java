package io.neurite.nn;

import io.neurite.tensor.Tensor;

/**
 * Merges dimensions {@code startDim..endDim} into one ({@code torch.nn.Flatten}); by default all but
 * the batch dimension.
 *
 * <p>Shapes: {@code [N, C, H, W]} becomes {@code [N, C * H * W]} with the defaults (startDim 1, endDim -1).
 */
public final class Flatten extends Layer {

    private final int startDim;
    private final int endDim;

    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    @Override
    public String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
