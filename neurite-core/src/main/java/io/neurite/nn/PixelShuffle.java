package io.neurite.nn;

import io.neurite.nn.functional.PixelShuffling;
import io.neurite.tensor.Tensor;

/**
 * Rearranges channel blocks into space, the up-sampling step of sub-pixel convolution (Shi et al. 2016,
 * {@code torch.nn.PixelShuffle}).
 *
 * <p>Shapes: {@code (*, C r², H, W) -> (*, C, H r, W r)} with {@code r} the upscale factor.
 */
public final class PixelShuffle extends Layer {

    private final int upscaleFactor;

    public PixelShuffle(int upscaleFactor) {
        if (upscaleFactor < 1) {
            throw new IllegalArgumentException("PixelShuffle: upscaleFactor must be positive, got " + upscaleFactor);
        }
        this.upscaleFactor = upscaleFactor;
    }

    @Override
    public Tensor forward(Tensor input) {
        PixelShuffling.checkShuffle(toString(), input.shape(), upscaleFactor);
        return F.pixelShuffle(input, upscaleFactor);
    }

    @Override
    public String extraRepr() {
        return "upscale_factor=" + upscaleFactor;
    }
}
