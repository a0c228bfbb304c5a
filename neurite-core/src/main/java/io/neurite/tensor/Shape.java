package io.neurite.tensor;

import java.util.Arrays;

/**
 * The sizes of a tensor's dimensions, immutable. {@code Shape.of()} is the shape of a scalar.
 */
public record Shape(int[] dims) {

    public Shape {
        dims = dims.clone();
        long numel = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException(
                        "Shape: sizes must be non-negative, got " + Arrays.toString(dims));
            }
            numel *= d;
            if (numel > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Shape: " + Arrays.toString(dims)
                        + " has more than " + Integer.MAX_VALUE + " elements");
            }
        }
    }

    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    /** A copy of the sizes. */
    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** The sizes without a copy, for this package's hot paths; never modify. */
    int[] raw() {
        return dims;
    }

    /** The number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** The size of dimension {@code dim}; negative values count from the end. */
    public int size(int dim) {
        return dims[normalizeDim(dim, "size")];
    }

    /** The number of elements (1 for a scalar). */
    public int numel() {
        int n = 1;
        for (int d : dims) n *= d;
        return n;
    }

    /** Row-major strides of a contiguous tensor of this shape. */
    public int[] contiguousStrides() {
        int[] strides = new int[dims.length];
        int stride = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= Math.max(dims[i], 1);
        }
        return strides;
    }

    /**
     * Maps a possibly negative dimension index into {@code [0, rank)}, or fails naming {@code op}.
     */
    public int normalizeDim(int dim, String op) {
        return normalizeDim(dim, dims.length, op, this);
    }

    static int normalizeDim(int dim, int rank, String op, Shape shape) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new IllegalArgumentException(op + ": dimension " + dim + " is out of range for shape "
                    + shape + " (expected a dimension in [" + (-r) + ", " + (r - 1) + "])");
        }
        return dim < 0 ? dim + r : dim;
    }

    /**
     * The NumPy broadcast of two shapes: aligned from the right, each pair of sizes equal or one
     * of them 1.
     */
    public static Shape broadcast(String op, Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.rank() ? 1 : a.dims[i - (rank - a.rank())];
            int db = i < rank - b.rank() ? 1 : b.dims[i - (rank - b.rank())];
            if (da != db && da != 1 && db != 1) {
                throw new ShapeException(op + ": shapes " + a + " and " + b
                        + " cannot be broadcast (size " + da + " vs " + db + " at dimension " + i
                        + " of the result); sizes must match or one of them be 1", a, b);
            }
            out[i] = da == 1 ? db : da;
        }
        return new Shape(out);
    }

    /** A shape with dimension {@code dim} replaced by {@code size}. */
    public Shape withSize(int dim, int size) {
        int[] d = dims.clone();
        d[normalizeDim(dim, "withSize")] = size;
        return new Shape(d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** {@code [2, 3]}, as PyTorch prints {@code torch.Size}. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
