package io.neurite.nn.functional;

import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How {@code F.interpolate} and {@code Upsample} resize: a target {@code size} or a {@code scaleFactor}
 * (one value for every spatial dimension, or one per dimension), a {@link Mode}, and for the linear
 * modes {@code alignCorners} (null means PyTorch's default, false). Immutable: the {@code with} methods
 * return a changed copy.
 *
 * <pre>{@code
 * F.interpolate(x, Interpolation.scaleFactor(2).withMode(Interpolation.Mode.BILINEAR).withAlignCorners(true));
 * }</pre>
 *
 * <p>Shapes: input {@code (N, C, L)}, {@code (N, C, H, W)} or {@code (N, C, D, H, W)}; each output
 * spatial size is {@code size}, or {@code floor(in * scaleFactor)}. With a scale factor (and no
 * {@code recomputeScaleFactor}) the source coordinates use {@code 1 / scaleFactor} as PyTorch does,
 * not {@code in / out}.
 */
public record Interpolation(int[] size, double[] scaleFactor, Mode mode, Boolean alignCorners,
                            boolean recomputeScaleFactor) {

    /** The resampling rule. */
    public enum Mode {
        /** The input element at {@code min(floor(i * scale), in - 1)} (PyTorch's legacy 'nearest'). */
        NEAREST,
        /** Linear interpolation along the one spatial dimension of an {@code (N, C, L)} input. */
        LINEAR,
        /** Linear interpolation along height and width of an {@code (N, C, H, W)} input. */
        BILINEAR;

        /** PyTorch's name, e.g. {@code bilinear}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Interpolation {
        if ((size == null) == (scaleFactor == null)) {
            throw new IllegalArgumentException("Interpolation: give exactly one of size and scaleFactor, got size="
                    + Arrays.toString(size) + ", scaleFactor=" + Arrays.toString(scaleFactor));
        }
        if (size != null && (size.length < 1 || size.length > 3 || Arrays.stream(size).anyMatch(s -> s < 1))) {
            throw new IllegalArgumentException("Interpolation: size must be 1 to 3 positive sizes, got "
                    + Arrays.toString(size));
        }
        if (scaleFactor != null && (scaleFactor.length < 1 || scaleFactor.length > 3
                || Arrays.stream(scaleFactor).anyMatch(s -> !(s > 0) || Double.isInfinite(s)))) {
            throw new IllegalArgumentException("Interpolation: scaleFactor must be 1 to 3 positive finite factors, got "
                    + Arrays.toString(scaleFactor));
        }
        if (mode == null) throw new IllegalArgumentException("Interpolation: mode must not be null");
        if (recomputeScaleFactor && size != null) {
            throw new IllegalArgumentException("Interpolation: recomputeScaleFactor is not meaningful with an explicit"
                    + " size " + Arrays.toString(size));
        }
        size = size == null ? null : size.clone();
        scaleFactor = scaleFactor == null ? null : scaleFactor.clone();
    }

    /** Resize to {@code size} (one value for all spatial dimensions, or one each), nearest by default. */
    public static Interpolation size(int... size) {
        return new Interpolation(size, null, Mode.NEAREST, null, false);
    }

    /** Resize by {@code factor} (one value for all spatial dimensions, or one each), nearest by default. */
    public static Interpolation scaleFactor(double... factor) {
        return new Interpolation(null, factor, Mode.NEAREST, null, false);
    }

    public Interpolation withMode(Mode value) {
        return new Interpolation(size, scaleFactor, value, alignCorners, recomputeScaleFactor);
    }

    /**
     * Linear modes: with true the corner elements of input and output are aligned, source coordinate
     * {@code i (in - 1) / (out - 1)}; with false (default) pixel areas are, {@code (i + 0.5) scale - 0.5}.
     */
    public Interpolation withAlignCorners(boolean value) {
        return new Interpolation(size, scaleFactor, mode, value, recomputeScaleFactor);
    }

    /** With true the output size is computed from the scale factor, then coordinates use {@code in / out}. */
    public Interpolation withRecomputeScaleFactor(boolean value) {
        return new Interpolation(size, scaleFactor, mode, alignCorners, value);
    }

    @Override
    public int[] size() {
        return size == null ? null : size.clone();
    }

    @Override
    public double[] scaleFactor() {
        return scaleFactor == null ? null : scaleFactor.clone();
    }

    /** The output shape for {@code input}; fails naming {@code op} and the shape on a misfit. */
    public Shape outputShape(String op, Shape input) {
        int[] out = outputSizes(op, input);
        int[] shape = input.dims();
        System.arraycopy(out, 0, shape, 2, out.length);
        return Shape.of(shape);
    }

    /** The output spatial sizes for {@code input}, after checking rank, mode and sizes. */
    int[] outputSizes(String op, Shape input) {
        int rank = input.rank(), dims = rank - 2;
        if (rank < 3 || rank > 5) {
            throw new ShapeException(op + ": expected a 3-D (N, C, L), 4-D (N, C, H, W) or 5-D (N, C, D, H, W) input,"
                    + " got shape " + input + "; hint: add a batch dimension with unsqueeze(0)", input);
        }
        if ((mode == Mode.LINEAR && rank != 3) || (mode == Mode.BILINEAR && rank != 4)) {
            throw new ShapeException(op + ": mode " + mode + " needs a " + (mode == Mode.LINEAR ? "3-D (N, C, L)"
                    : "4-D (N, C, H, W)") + " input, got shape " + input + "; hint: use mode "
                    + (rank == 3 ? "linear" : rank == 4 ? "bilinear" : "nearest") + " for this input", input);
        }
        if (alignCorners != null && mode == Mode.NEAREST) {
            throw new IllegalArgumentException(op + ": alignCorners can only be set with the linear modes"
                    + " (linear, bilinear), got mode nearest; hint: leave alignCorners unset");
        }
        int given = size != null ? size.length : scaleFactor.length;
        if (given != 1 && given != dims) {
            throw new ShapeException(op + ": " + (size != null ? "size " + Arrays.toString(size) : "scaleFactor "
                    + Arrays.toString(scaleFactor)) + " has " + given + " values but the input shape " + input
                    + " has " + dims + " spatial dimension" + (dims > 1 ? "s" : "") + "; hint: give 1 or " + dims
                    + " values", input);
        }
        int[] out = new int[dims];
        boolean positive = true;
        for (int i = 0; i < dims; i++) {
            int in = input.size(2 + i);
            out[i] = size != null ? PoolOptions.at(size, i) : (int) Math.floor(in * scale(i));
            positive &= in > 0 && out[i] > 0;
        }
        if (!positive) {
            throw new ShapeException(op + ": input and output sizes must be positive, got input shape " + input
                    + " and output size " + Arrays.toString(out) + (size == null ? " from scaleFactor "
                    + Arrays.toString(scaleFactor) : ""), input);
        }
        return out;
    }

    /** The scale factor of spatial dimension {@code i}. */
    double scale(int i) {
        return scaleFactor.length == 1 ? scaleFactor[0] : scaleFactor[i];
    }

    /** The scale that source coordinates use for dimension {@code i}, or 0 for {@code in / out}. */
    double coordinateScale(int i) {
        return scaleFactor != null && !recomputeScaleFactor ? scale(i) : 0;
    }

    boolean aligned() {
        return Boolean.TRUE.equals(alignCorners);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interpolation p && Arrays.equals(size, p.size) && Arrays.equals(scaleFactor, p.scaleFactor)
                && mode == p.mode && java.util.Objects.equals(alignCorners, p.alignCorners)
                && recomputeScaleFactor == p.recomputeScaleFactor;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(Arrays.hashCode(size), Arrays.hashCode(scaleFactor), mode, alignCorners,
                recomputeScaleFactor);
    }

    @Override
    public String toString() {
        return "Interpolation[" + (size != null ? "size=" + Arrays.toString(size) : "scaleFactor="
                + Arrays.toString(scaleFactor)) + ", mode=" + mode + ", alignCorners=" + alignCorners
                + (recomputeScaleFactor ? ", recomputeScaleFactor=true" : "") + "]";
    }
}
