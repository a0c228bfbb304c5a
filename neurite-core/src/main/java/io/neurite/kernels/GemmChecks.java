package io.neurite.kernels;

/** Argument checks of {@link Gemm#sgemm}: each message names sgemm, what was expected and given. */
final class GemmChecks {

    private GemmChecks() {}

    static void check(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff,
            int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        nonNegative("m", m);
        nonNegative("n", n);
        nonNegative("k", k);
        long aEnd = operand("A", "a", transA ? k : m, transA ? m : k, transA, a, aOff, lda);
        long bEnd = operand("B", "b", transB ? n : k, transB ? k : n, transB, b, bOff, ldb);
        long cEnd = operand("C", "c", m, n, false, c, cOff, ldc);
        disjoint("A", a, aOff, aEnd, c, cOff, cEnd);
        disjoint("B", b, bOff, bEnd, c, cOff, cEnd);
    }

    private static void nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    "sgemm: expected " + name + " >= 0, got " + name + "=" + value);
        }
    }

    /**
     * Checks one operand stored {@code rows x cols} (row-major) and returns the end (exclusive) of
     * the range it occupies, {@code off} when it is empty.
     */
    private static long operand(String matrix, String array, int rows, int cols, boolean trans,
            float[] x, int off, int ld) {
        String shape = matrix + " stored " + rows + "x" + cols
                + (matrix.equals("C") ? "" : " (trans" + matrix + "=" + trans + ")");
        if (x == null) {
            throw new IllegalArgumentException("sgemm: " + array + " is null (" + shape + ")");
        }
        if (off < 0) {
            throw new IllegalArgumentException(
                    "sgemm: expected " + array + "Off >= 0, got " + array + "Off=" + off);
        }
        int minLd = Math.max(1, cols);
        if (ld < minLd) {
            throw new IllegalArgumentException("sgemm: expected ld" + array + " >= " + minLd
                    + " for " + shape + ", got ld" + array + "=" + ld);
        }
        long end = rows == 0 || cols == 0 ? off : off + (long) (rows - 1) * ld + cols;
        if (end > x.length) {
            throw new IllegalArgumentException("sgemm: " + shape + " with ld" + array + "=" + ld
                    + " from offset " + off + " needs " + array + ".length >= " + end + ", got "
                    + array + ".length=" + x.length);
        }
        return end;
    }

    private static void disjoint(String matrix, float[] x, int xOff, long xEnd,
            float[] c, int cOff, long cEnd) {
        if (x == c && xOff < cEnd && cOff < xEnd) {
            throw new IllegalArgumentException("sgemm: C (elements " + cOff + ".." + cEnd
                    + ") overlaps " + matrix + " (elements " + xOff + ".." + xEnd
                    + ") in the same array; write the result to a separate array");
        }
    }
}
