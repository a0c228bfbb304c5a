package io.neurite.nn;

import io.neurite.nn.functional.PixelShuffling;
import io.neurite.tensor.Tensor;

/**
 * Rearranges space into channel blocks, the inverse of {@link PixelShuffle} ({@code torch.nn.PixelUnshuffle}).
 *
 * <p>Shapes: {@code (*, C, H r, W r) -> (*, C r², H, W)} with {@code r} the downscale factor.
 */
public final class PixelUnshuffle extends Layer {

    private final int downscaleFactor;

    public PixelUnshuffle(int downscaleFactor) {
        if (downscaleFactor < 1) {
            throw new IllegalArgumentException("PixelUnshuffle: downscaleFactor must be positive, got "
                    + downscaleFactor);
        }
        this.downscaleFactor = downscaleFactor;
    }

    @Override
    public Tensor forward(Tensor input) {
        PixelShuffling.checkUnshuffle(toString(), input.shape(), downscaleFactor);
        return F.pixelUnshuffle(input, downscaleFactor);
    }

    @Override
    public String extraRepr() {
        return "downscale_factor=" + downscaleFactor;
    }
}
