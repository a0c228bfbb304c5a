package io.neurite.nn.functional;

import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * Pixel shuffle (sub-pixel convolution's rearrangement, Shi et al. 2016) and its inverse; use them
 * through {@code F.pixelShuffle} and {@code F.pixelUnshuffle}. Both are a reshape, a permutation and a
 * copy, so their gradient is the inverse rearrangement.
 */
public final class PixelShuffling {

    private PixelShuffling() {}

    /**
     * Moves channel blocks into space: {@code out[..., c, h r + i, w r + j] = in[..., c r² + i r + j, h, w]}.
     *
     * <p>Shapes: {@code (*, C r², H, W) -> (*, C, H r, W r)}.
     */
    public static Tensor pixelShuffle(Tensor x, int r) {
        Shape s = x.shape();
        checkShuffle("pixelShuffle", s, r);
        int rank = s.rank(), c = s.size(-3), h = s.size(-2), w = s.size(-1);
        int[] lead = java.util.Arrays.copyOf(s.dims(), rank - 3);
        Tensor split = x.reshape(concat(lead, c / (r * r), r, r, h, w));
        return split.permute(order(lead.length, 0, 3, 1, 4, 2)).reshape(concat(lead, c / (r * r), h * r, w * r));
    }

    /**
     * Moves space into channel blocks, the inverse of {@link #pixelShuffle}.
     *
     * <p>Shapes: {@code (*, C, H r, W r) -> (*, C r², H, W)}.
     */
    public static Tensor pixelUnshuffle(Tensor x, int r) {
        Shape s = x.shape();
        checkUnshuffle("pixelUnshuffle", s, r);
        int rank = s.rank(), c = s.size(-3), h = s.size(-2), w = s.size(-1);
        int[] lead = java.util.Arrays.copyOf(s.dims(), rank - 3);
        Tensor split = x.reshape(concat(lead, c, h / r, r, w / r, r));
        return split.permute(order(lead.length, 0, 2, 4, 1, 3)).reshape(concat(lead, c * r * r, h / r, w / r));
    }

    /** Fails unless {@code (*, C, H, W)} has C divisible by {@code r²}, naming {@code op}. */
    public static void checkShuffle(String op, Shape s, int r) {
        check(op, s, r, "upscaleFactor");
        if (s.size(-3) % (r * r) != 0) {
            throw new ShapeException(op + ": the channel dimension (-3) must be divisible by upscaleFactor² = "
                    + r * r + ", got shape " + s + "; hint: the input needs C * " + r * r + " channels for C outputs",
                    s);
        }
    }

    /** Fails unless {@code (*, C, H, W)} has H and W divisible by {@code r}, naming {@code op}. */
    public static void checkUnshuffle(String op, Shape s, int r) {
        check(op, s, r, "downscaleFactor");
        if (s.size(-2) % r != 0 || s.size(-1) % r != 0) {
            throw new ShapeException(op + ": height and width must be divisible by downscaleFactor = " + r
                    + ", got shape " + s + "; hint: crop or pad the input to a multiple of " + r, s);
        }
    }

    private static void check(String op, Shape s, int r, String name) {
        if (r < 1) throw new IllegalArgumentException(op + ": " + name + " must be positive, got " + r);
        if (s.rank() < 3) {
            throw new ShapeException(op + ": expected an input of at least 3 dimensions (*, C, H, W), got shape " + s
                    + "; hint: add a channel dimension with unsqueeze(0)", s);
        }
    }

    private static int[] concat(int[] lead, int... rest) {
        int[] out = java.util.Arrays.copyOf(lead, lead.length + rest.length);
        System.arraycopy(rest, 0, out, lead.length, rest.length);
        return out;
    }

    /** The leading dimensions in place, then the last five permuted by {@code tail}. */
    private static int[] order(int leading, int... tail) {
        int[] out = new int[leading + tail.length];
        for (int i = 0; i < leading; i++) out[i] = i;
        for (int i = 0; i < tail.length; i++) out[leading + i] = leading + tail[i];
        return out;
    }
}
