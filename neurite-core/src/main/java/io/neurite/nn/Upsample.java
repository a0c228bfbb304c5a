package io.neurite.nn;

import io.neurite.nn.functional.Interpolation;
import io.neurite.tensor.Tensor;

/**
 * Resizes images (or sequences, volumes) by nearest-neighbour or (bi)linear interpolation
 * ({@code torch.nn.Upsample}); the layer form of {@link F#interpolate}.
 *
 * <p>Shapes: {@code (N, C, L)}, {@code (N, C, H, W)} or {@code (N, C, D, H, W)} to the same with each
 * spatial size {@code size}, or {@code floor(in * scaleFactor)}. The index formulas are PyTorch's; see
 * {@link io.neurite.nn.functional.Resampling}.
 *
 * <pre>{@code
 * new Upsample(2);                                                   // nearest, twice the size
 * new Upsample(Interpolation.size(64, 64).withMode(Interpolation.Mode.BILINEAR).withAlignCorners(true));
 * }</pre>
 */
public final class Upsample extends Layer {

    private final Interpolation how;

    /** Nearest-neighbour upsampling by {@code scaleFactor} in every spatial dimension. */
    public Upsample(double scaleFactor) {
        this(Interpolation.scaleFactor(scaleFactor));
    }

    public Upsample(Interpolation how) {
        this.how = java.util.Objects.requireNonNull(how, "how");
    }

    @Override
    public Tensor forward(Tensor input) {
        how.outputShape(toString(), input.shape());
        return F.interpolate(input, how);
    }

    /** The resizing rule, as given. */
    public Interpolation interpolation() {
        return how;
    }

    @Override
    public String extraRepr() {
        String target = how.size() != null ? "size=" + PoolingSupport.size(how.size())
                : "scale_factor=" + PoolingSupport.floats(how.scaleFactor());
        return target + ", mode=" + how.mode();
    }
}
