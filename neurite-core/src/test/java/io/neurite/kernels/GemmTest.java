package io.neurite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GemmTest {

    /** One sgemm call: shapes, transpositions, scalars and the padding of each operand. */
    record Case(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
            int offset, int pad) {

        int lda() {
            return (transA ? m : k) + pad;
        }

        int ldb() {
            return (transB ? k : n) + pad;
        }

        int ldc() {
            return n + pad;
        }

        float[] a(long seed) {
            return random(offset + (transA ? k : m) * lda(), seed);
        }

        float[] b(long seed) {
            return random(offset + (transB ? n : k) * ldb(), seed);
        }

        float[] c(long seed) {
            return random(offset + m * ldc(), seed);
        }

        void run(GemmKernel kernel, float[] a, float[] b, float[] c) {
            Gemm.sgemm(kernel, transA, transB, m, n, k, alpha, a, offset, lda(), b, offset, ldb(),
                    beta, c, offset, ldc());
        }

        @Override
        public String toString() {
            return (transA ? "T" : "N") + (transB ? "T" : "N") + " " + m + "x" + n + "x" + k
                    + " alpha=" + alpha + " beta=" + beta + " off=" + offset + " pad=" + pad;
        }
    }

    static List<Case> cases() {
        int[][] shapes = {
            {1, 1, 1}, {7, 13, 5}, {1, 37, 19}, {37, 1, 19}, {5, 3, 0}, {4, 16, 8}, {17, 33, 64},
            {129, 257, 65}, {64, 600, 40}, {9, 1000, 2100}, {129, 40, 2100}, {3, 700, 3},
        };
        float[][] scalars = {{1f, 0f}, {-0.5f, 2f}, {1.5f, 1f}};
        List<Case> cases = new ArrayList<>();
        int variant = 0;
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                float[] ab = scalars[variant % scalars.length];
                int offset = variant % 2 == 0 ? 0 : 3, pad = variant % 3 == 0 ? 0 : 5;
                cases.add(new Case(t / 2 == 1, t % 2 == 1, s[0], s[1], s[2], ab[0], ab[1], offset,
                        pad));
                variant++;
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesDoublePrecisionReference(Case x) {
        float[] a = x.a(1), b = x.b(2), c = x.c(3), c0 = c.clone();
        Gemm.sgemm(x.transA(), x.transB(), x.m(), x.n(), x.k(), x.alpha(), a, x.offset(), x.lda(),
                b, x.offset(), x.ldb(), x.beta(), c, x.offset(), x.ldc());
        for (int i = 0; i < x.m(); i++) {
            for (int j = 0; j < x.n(); j++) {
                double dot = 0, magnitude = 0;
                for (int p = 0; p < x.k(); p++) {
                    double ap = a[x.offset() + (x.transA() ? p * x.lda() + i : i * x.lda() + p)];
                    double bp = b[x.offset() + (x.transB() ? j * x.ldb() + p : p * x.ldb() + j)];
                    dot += ap * bp;
                    magnitude += Math.abs(ap * bp);
                }
                int at = x.offset() + i * x.ldc() + j;
                double old = x.beta() == 0f ? 0 : (double) x.beta() * c0[at];
                double expected = x.alpha() * dot + old;
                double tolerance =
                        (x.k() + 2) * 1.2e-7 * (Math.abs(x.alpha()) * magnitude + Math.abs(old));
                assertEquals(expected, c[at], tolerance + 1e-30, x + " at (" + i + ", " + j + ")");
            }
        }
        assertPaddingUntouched(x, c, c0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scalarAndVectorKernelsAreBitIdentical(Case x) {
        assumeTrue(VectorSupport.enabled(), "the Vector API is not enabled in this JVM");
        float[] a = x.a(4), b = x.b(5), scalar = x.c(6), vector = scalar.clone();
        x.run(new GemmScalarKernel(), a, b, scalar);
        x.run(new GemmVectorKernel(), a, b, vector);
        assertArrayEquals(bits(scalar), bits(vector), x.toString());
    }

    /** Products big enough to be split over threads: by columns, and (A transposed) by rows. */
    static List<Case> threadedCases() {
        return List.of(new Case(false, true, 256, 272, 300, 1f, 0.5f, 0, 3),
                new Case(true, false, 300, 40, 500, -1f, 0f, 1, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threadedCases")
    void sameResultRunAfterRunAndForEveryThreadCount(Case x) {
        float[] a = x.a(7), b = x.b(8), c0 = x.c(9);
        float[] first = c0.clone();
        x.run(defaultKernel(), a, b, first);
        for (int run = 0; run < 3; run++) {
            float[] again = c0.clone();
            x.run(defaultKernel(), a, b, again);
            assertArrayEquals(bits(first), bits(again), "run " + run);
        }
        float[] oneThread = c0.clone();
        Parallel.withThreads(1, () -> x.run(defaultKernel(), a, b, oneThread));
        assertArrayEquals(bits(first), bits(oneThread), "1 thread vs " + Parallel.threads());
    }

    @Test
    void withThreadsLimitsTheCallingThreadAndRestores() {
        int all = Parallel.threads();
        int[] inside = new int[2];
        Parallel.withThreads(1, () -> {
            inside[0] = Parallel.threads();
            Parallel.withThreads(all + 5, () -> inside[1] = Parallel.threads());
        });
        assertArrayEquals(new int[] {1, all}, inside);
        assertEquals(all, Parallel.threads());
        assertMessage("Parallel.withThreads: expected threads >= 1, got threads=0",
                () -> Parallel.withThreads(0, () -> { }));
    }

    @Test
    void betaZeroOverwritesNaN() {
        float[] a = {1, 2, 3, 4}, b = {5, 6, 7, 8};
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        Gemm.sgemm(false, false, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
        assertArrayEquals(new float[] {19, 22, 43, 50}, c);
    }

    @Test
    void alphaZeroOrEmptyKScalesC() {
        float[] a = {Float.NaN, 1}, b = {Float.NaN, 1}, c = {1, 2, 3, 4};
        Gemm.sgemm(false, false, 2, 2, 1, 0f, a, 0, 1, b, 0, 2, 3f, c, 0, 2);
        assertArrayEquals(new float[] {3, 6, 9, 12}, c);
        Gemm.sgemm(false, false, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 0f, c, 0, 2);
        assertArrayEquals(new float[4], c);
    }

    @Test
    void emptyOutputTouchesNothing() {
        float[] c = {1, 2};
        Gemm.sgemm(false, false, 0, 2, 3, 1f, new float[0], 0, 3, new float[6], 0, 2, 0f, c, 0, 2);
        assertArrayEquals(new float[] {1, 2}, c);
    }

    @Test
    void rejectsBadArgumentsWithMessagesNamingThem() {
        float[] x = new float[100];
        assertMessage("sgemm: expected m >= 0, got m=-1",
                () -> call(-1, x, 0, 5, x, 0, 2, new float[6], 0, 2));
        assertMessage("sgemm: expected lda >= 5 for A stored 3x5 (transA=false), got lda=4",
                () -> call(3, x, 0, 4, x, 0, 2, new float[6], 0, 2));
        assertMessage("sgemm: expected ldb >= 5 for B stored 2x5 (transB=true), got ldb=3",
                () -> Gemm.sgemm(false, true, 3, 2, 5, 1f, x, 0, 5, x, 0, 3, 0f, x, 50, 2));
        assertMessage("sgemm: A stored 3x5 (transA=false) with lda=5 from offset 90 needs "
                        + "a.length >= 105, got a.length=100",
                () -> call(3, x, 90, 5, x, 0, 2, new float[6], 0, 2));
        assertMessage("sgemm: C stored 3x2 with ldc=4 from offset 0 needs c.length >= 10, got "
                        + "c.length=6",
                () -> call(3, x, 0, 5, x, 0, 2, new float[6], 0, 4));
        assertMessage("sgemm: b is null (B stored 5x2 (transB=false))",
                () -> call(3, x, 0, 5, null, 0, 2, new float[6], 0, 2));
        assertMessage("sgemm: expected cOff >= 0, got cOff=-2",
                () -> call(3, x, 0, 5, x, 0, 2, new float[6], -2, 2));
        assertMessage("sgemm: C (elements 10..16) overlaps A (elements 0..15) in the same array; "
                        + "write the result to a separate array",
                () -> call(3, x, 0, 5, x, 50, 2, x, 10, 2));
    }

    /** An untransposed {@code m x 2 x 5} product with the given arrays, offsets and strides. */
    private static void call(int m, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float[] c, int cOff, int ldc) {
        Gemm.sgemm(false, false, m, 2, 5, 1f, a, aOff, lda, b, bOff, ldb, 0f, c, cOff, ldc);
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }

    /** Elements of C outside the m x n window (offset, padding) keep their values. */
    private static void assertPaddingUntouched(Case x, float[] c, float[] c0) {
        for (int at = 0; at < c.length; at++) {
            int row = (at - x.offset()) / x.ldc(), col = (at - x.offset()) % x.ldc();
            boolean inside = at >= x.offset() && row < x.m() && col < x.n();
            if (!inside) assertEquals(c0[at], c[at], x + ": element " + at + " outside C changed");
        }
    }

    private static GemmKernel defaultKernel() {
        return VectorSupport.enabled() ? new GemmVectorKernel() : new GemmScalarKernel();
    }

    private static float[] random(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (random.nextDouble() * 2 - 1);
        return x;
    }

    private static int[] bits(float[] x) {
        int[] bits = new int[x.length];
        for (int i = 0; i < x.length; i++) bits[i] = Float.floatToRawIntBits(x[i]);
        return bits;
    }
}
