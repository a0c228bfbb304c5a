package io.neurite.nn.functional;

import java.util.Arrays;

/**
 * The optional arguments of a convolution: stride, padding, dilation, groups and (for transposed
 * convolutions) output padding, as PyTorch's {@code F.conv2d} and {@code F.conv_transpose2d} take them.
 * Immutable: each method returns a changed copy.
 *
 * <pre>{@code
 * F.conv2d(x, w, b, new ConvOptions().stride(2).padding(1));
 * F.conv2d(x, w, b, new ConvOptions().padding("same").dilation(2));
 * F.conv2d(x, w, b, new ConvOptions().paddingPerSide(0, 1, 2, 2));   // top 0, bottom 1, left 2, right 2
 * }</pre>
 *
 * <p>Every per-dimension value takes one number (all spatial dimensions) or one per spatial
 * dimension, in dimension order (height, then width). Padding is one of: numbers (the same on both
 * sides of a dimension), {@code (before, after)} pairs per dimension, {@code "valid"} (none) or
 * {@code "same"} (output size equals input size, stride 1 only; the total {@code dilation * (k - 1)}
 * is split with the extra element after, as PyTorch does for even kernels).
 */
public final class ConvOptions {

    private enum PaddingKind { SYMMETRIC, PER_SIDE, SAME, VALID }

    private final int[] stride;
    private final int[] padding;
    private final PaddingKind paddingKind;
    private final int[] dilation;
    private final int groups;
    private final int[] outputPadding;

    /** Stride 1, no padding, dilation 1, one group, no output padding. */
    public ConvOptions() {
        this(new int[] {1}, new int[] {0}, PaddingKind.SYMMETRIC, new int[] {1}, 1, new int[] {0});
    }

    private ConvOptions(int[] stride, int[] padding, PaddingKind paddingKind, int[] dilation, int groups,
                        int[] outputPadding) {
        this.stride = stride;
        this.padding = padding;
        this.paddingKind = paddingKind;
        this.dilation = dilation;
        this.groups = groups;
        this.outputPadding = outputPadding;
    }

    // ---------------------------------------------------------------- changed copies

    /** Step between kernel applications, one value or one per spatial dimension (each >= 1). */
    public ConvOptions stride(int... stride) {
        return new ConvOptions(checked("stride", stride, 1), padding, paddingKind, dilation, groups, outputPadding);
    }

    /** Zeros added on both sides of each spatial dimension, one value or one per dimension (each >= 0). */
    public ConvOptions padding(int... padding) {
        return new ConvOptions(stride, checked("padding", padding, 0), PaddingKind.SYMMETRIC, dilation, groups,
                outputPadding);
    }

    /** {@code "valid"} (no padding) or {@code "same"} (output size equals input size; stride 1 only). */
    public ConvOptions padding(String padding) {
        PaddingKind kind = switch (String.valueOf(padding)) {
            case "same" -> PaddingKind.SAME;
            case "valid" -> PaddingKind.VALID;
            default -> throw new IllegalArgumentException("ConvOptions.padding: expected \"same\" or \"valid\", got '"
                    + padding + "'; hint: pass numbers for explicit padding");
        };
        return new ConvOptions(stride, new int[] {0}, kind, dilation, groups, outputPadding);
    }

    /**
     * Zeros added before and after each spatial dimension, as {@code (before, after)} pairs in
     * dimension order: {@code (top, bottom, left, right)} in 2-D. (Note that {@code F.pad} lists the
     * last dimension first.)
     */
    public ConvOptions paddingPerSide(int... beforeAfter) {
        if (beforeAfter.length == 0 || beforeAfter.length % 2 != 0) {
            throw new IllegalArgumentException("ConvOptions.paddingPerSide: expected (before, after) pairs, one per "
                    + "spatial dimension, got " + Arrays.toString(beforeAfter));
        }
        return new ConvOptions(stride, checked("paddingPerSide", beforeAfter, 0), PaddingKind.PER_SIDE, dilation,
                groups, outputPadding);
    }

    /** Spacing between kernel elements, one value or one per spatial dimension (each >= 1). */
    public ConvOptions dilation(int... dilation) {
        return new ConvOptions(stride, padding, paddingKind, checked("dilation", dilation, 1), groups, outputPadding);
    }

    /** Channel groups: each output channel sees {@code inChannels / groups} input channels (>= 1). */
    public ConvOptions groups(int groups) {
        if (groups < 1) {
            throw new IllegalArgumentException("ConvOptions.groups: expected groups >= 1, got groups=" + groups);
        }
        return new ConvOptions(stride, padding, paddingKind, dilation, groups, outputPadding);
    }

    /** Transposed convolutions only: size added to one side of the output, one value or one per dimension. */
    public ConvOptions outputPadding(int... outputPadding) {
        return new ConvOptions(stride, padding, paddingKind, dilation, groups,
                checked("outputPadding", outputPadding, 0));
    }

    private static int[] checked(String name, int[] values, int min) {
        if (values.length == 0) {
            throw new IllegalArgumentException("ConvOptions." + name + ": expected at least one value, got none");
        }
        for (int v : values) {
            if (v < min) {
                throw new IllegalArgumentException("ConvOptions." + name + ": expected values >= " + min + ", got "
                        + Arrays.toString(values));
            }
        }
        return values.clone();
    }

    // ---------------------------------------------------------------- resolved for a number of spatial dims

    public int groups() {
        return groups;
    }

    /** The stride per spatial dimension, for {@code dims} spatial dimensions. */
    public int[] strideFor(int dims) {
        return perDim("stride", stride, dims);
    }

    public int[] dilationFor(int dims) {
        return perDim("dilation", dilation, dims);
    }

    public int[] outputPaddingFor(int dims) {
        return perDim("outputPadding", outputPadding, dims);
    }

    /** True for {@code padding("same")}. */
    public boolean isSame() {
        return paddingKind == PaddingKind.SAME;
    }

    /** True when padding was given as numbers on both sides (not per side, not a string). */
    public boolean isSymmetric() {
        return paddingKind == PaddingKind.SYMMETRIC;
    }

    /** Padding before each spatial dimension (top, left...) for the given kernel sizes. */
    public int[] padBeforeFor(int[] kernel) {
        return sides(kernel, 0);
    }

    /** Padding after each spatial dimension (bottom, right...) for the given kernel sizes. */
    public int[] padAfterFor(int[] kernel) {
        return sides(kernel, 1);
    }

    private int[] sides(int[] kernel, int side) {
        int dims = kernel.length;
        int[] out = new int[dims];
        switch (paddingKind) {
            case SYMMETRIC -> out = perDim("padding", padding, dims);
            case VALID -> { }
            case PER_SIDE -> {
                if (padding.length != 2 * dims) {
                    throw new IllegalArgumentException("ConvOptions.paddingPerSide: expected " + 2 * dims
                            + " values ((before, after) for each of " + dims + " spatial dimensions), got "
                            + Arrays.toString(padding));
                }
                for (int d = 0; d < dims; d++) out[d] = padding[2 * d + side];
            }
            case SAME -> {
                int[] dil = dilationFor(dims);
                for (int d = 0; d < dims; d++) {
                    int total = dil[d] * (kernel[d] - 1);
                    out[d] = side == 0 ? total / 2 : total - total / 2;
                }
            }
        }
        return out;
    }

    private static int[] perDim(String name, int[] values, int dims) {
        if (values.length == dims) return values.clone();
        if (values.length == 1) {
            int[] out = new int[dims];
            Arrays.fill(out, values[0]);
            return out;
        }
        throw new IllegalArgumentException("ConvOptions." + name + ": expected 1 or " + dims + " values for "
                + dims + " spatial dimensions, got " + Arrays.toString(values));
    }

    /**
     * The padding as PyTorch's layers print it for {@code dims} spatial dimensions: {@code (1, 1)},
     * {@code same}, {@code valid}; per-side padding prints as {@code ((top, bottom), (left, right))}.
     */
    public String paddingRepr(int dims) {
        return switch (paddingKind) {
            case SAME -> "same";
            case VALID -> "valid";
            case SYMMETRIC -> tuple(perDim("padding", padding, dims));
            case PER_SIDE -> {
                StringBuilder sb = new StringBuilder("(");
                for (int d = 0; d < padding.length / 2; d++) {
                    if (d > 0) sb.append(", ");
                    sb.append('(').append(padding[2 * d]).append(", ").append(padding[2 * d + 1]).append(')');
                }
                yield sb.append(padding.length == 2 ? ",)" : ")").toString();
            }
        };
    }

    /** A Python tuple: {@code (5, 5)}, and {@code (5,)} for one element. */
    public static String tuple(int[] values) {
        if (values.length == 1) return "(" + values[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) sb.append(i > 0 ? ", " : "").append(values[i]);
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return "ConvOptions(stride=" + Arrays.toString(stride) + ", padding=" + switch (paddingKind) {
            case SAME -> "same";
            case VALID -> "valid";
            case SYMMETRIC -> Arrays.toString(padding);
            case PER_SIDE -> "perSide" + Arrays.toString(padding);
        } + ", dilation=" + Arrays.toString(dilation) + ", groups=" + groups + ", outputPadding="
                + Arrays.toString(outputPadding) + ")";
    }
}
