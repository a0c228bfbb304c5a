package io.neurite.tensor;

import java.util.Arrays;
import java.util.Objects;

/** Ranges, identity matrices and random tensors: PyTorch's creation functions. */
final class Factories {

    private Factories() {}

    /**
     * {@code start, start + step, ...} below {@code end} (above it when step is negative):
     * ceil((end - start) / step) values, each computed as start + i * step in double, as PyTorch.
     */
    static Tensor arange(double start, double end, double step) {
        int n = rangeLength("arange", start, end, step);
        float[] data = new float[n];
        for (int i = 0; i < n; i++) data[i] = (float) (start + step * i);
        return Tensor.contiguous(data, Shape.of(n));
    }

    static Tensor arangeInt(int start, int end, int step) {
        int n = rangeLength("arangeInt", start, end, step);
        int[] data = new int[n];
        for (int i = 0; i < n; i++) data[i] = start + step * i;
        return Tensor.contiguousInts(data, Shape.of(n));
    }

    private static int rangeLength(String op, double start, double end, double step) {
        if (!Double.isFinite(start) || !Double.isFinite(end) || !Double.isFinite(step)) {
            throw new IllegalArgumentException(op + ": expected finite bounds and step, got start=" + start
                    + ", end=" + end + ", step=" + step);
        }
        if (step == 0) {
            throw new IllegalArgumentException(op + ": step must be nonzero, got start=" + start + ", end=" + end
                    + ", step=0");
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw new IllegalArgumentException(op + ": the step " + step + " goes away from end=" + end
                    + " (start=" + start + "); hint: use a " + (step > 0 ? "negative" : "positive") + " step");
        }
        double n = Math.ceil((end - start) / step);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": the range from " + start + " to " + end + " by " + step
                    + " has " + (long) n + " elements, more than a tensor can hold (" + Integer.MAX_VALUE + ")");
        }
        return (int) n;
    }

    /**
     * {@code steps} values from start to end inclusive, PyTorch's symmetric formula with
     * step = (end - start) / (steps - 1): value i is start + i*step in the first half and
     * end - (steps-1-i)*step in the second, each a fused multiply-add in float as PyTorch's kernel.
     */
    static Tensor linspace(double start, double end, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("linspace: number of steps must be non-negative, got " + steps);
        }
        float s = (float) start, e = (float) end;
        float[] data = new float[steps];
        if (steps == 1) data[0] = s;
        if (steps > 1) {
            float step = (e - s) / (steps - 1);
            int half = steps / 2;
            for (int i = 0; i < steps; i++) {
                data[i] = i < half ? Math.fma(step, (float) i, s) : Math.fma(-step, (float) (steps - 1 - i), e);
            }
        }
        return Tensor.contiguous(data, Shape.of(steps));
    }

    /** An n x m matrix with ones on the main diagonal. */
    static Tensor eye(int n, int m) {
        if (n < 0 || m < 0) {
            throw new IllegalArgumentException("eye: sizes must be non-negative, got n=" + n + ", m=" + m);
        }
        float[] data = new float[n * m];
        for (int i = 0, k = Math.min(n, m); i < k; i++) data[i * m + i] = 1f;
        return Tensor.contiguous(data, Shape.of(n, m));
    }

    /** Uniform in [0, 1). */
    static Tensor rand(Generator g, int[] shape) {
        Shape s = shape("rand", shape);
        float[] data = new float[s.numel()];
        generator("rand", g).fillUniform(data, 0, data.length, 0f, 1f);
        return Tensor.contiguous(data, s);
    }

    /** Standard normal. */
    static Tensor randn(Generator g, int[] shape) {
        Shape s = shape("randn", shape);
        float[] data = new float[s.numel()];
        generator("randn", g).fillNormal(data, 0, data.length, 0.0, 1.0);
        return Tensor.contiguous(data, s);
    }

    /** Int32 uniform in [low, high). */
    static Tensor randint(Generator g, int low, int high, int[] shape) {
        Shape s = shape("randint", shape);
        checkIntRange("randint", low, high);
        int[] data = new int[s.numel()];
        generator("randint", g).fillInts(data, 0, data.length, low, high);
        return Tensor.contiguousInts(data, s);
    }

    /** As {@link #randint} with t's shape and dtype (a float tensor gets whole-number floats, as PyTorch). */
    static Tensor randintLike(Tensor t, int low, int high) {
        Tensor ints = randint(Generator.defaultGenerator(), low, high, t.shape.raw());
        return t.isFloat() ? ints.toFloat() : ints;
    }

    /** Fills t in place with values from N(mean, std^2), in row-major order. */
    static Tensor normalInPlace(Tensor t, float mean, float std, Generator g) {
        t.requireFloat("normalInPlace");
        if (!(std >= 0) || !Float.isFinite(std) || !Float.isFinite(mean)) {
            throw new IllegalArgumentException("normalInPlace: expected a finite mean and a finite std >= 0, got mean="
                    + mean + ", std=" + std);
        }
        Generator gen = generator("normalInPlace", g);
        return fillInPlace("normalInPlace", t, (data, off) -> gen.fillNormal(data, off, t.numel(), mean, std));
    }

    /** Fills t in place with values uniform in [from, to), in row-major order. */
    static Tensor uniformInPlace(Tensor t, float from, float to, Generator g) {
        t.requireFloat("uniformInPlace");
        if (!(from <= to) || !Float.isFinite(from) || !Float.isFinite(to)) {
            throw new IllegalArgumentException("uniformInPlace: expected finite bounds with from <= to, got from="
                    + from + ", to=" + to);
        }
        Generator gen = generator("uniformInPlace", g);
        return fillInPlace("uniformInPlace", t, (data, off) -> gen.fillUniform(data, off, t.numel(), from, to));
    }

    private interface Fill {
        void into(float[] data, int offset);
    }

    /** Writes the filled values straight into a contiguous tensor's storage, else through a buffer. */
    private static Tensor fillInPlace(String op, Tensor t, Fill fill) {
        t.checkInPlace(op);
        if (t.isContiguous()) {
            fill.into(t.storage.floats, t.offset);
        } else {
            float[] buffer = new float[t.numel()];
            fill.into(buffer, 0);
            Copy.copyInto(Tensor.contiguous(buffer, t.shape), t);
        }
        t.storage.bumpVersion();
        return t;
    }

    private static void checkIntRange(String op, int low, int high) {
        if (low >= high) {
            throw new IllegalArgumentException(op + ": expected low < high, got low=" + low + ", high=" + high
                    + "; the values drawn lie in [low, high)");
        }
    }

    private static Generator generator(String op, Generator g) {
        return Objects.requireNonNull(g, op + ": the generator is null; hint: use Generator.defaultGenerator()");
    }

    private static Shape shape(String op, int[] dims) {
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": sizes must be non-negative, got " + Arrays.toString(dims));
            }
        }
        return Shape.of(dims);
    }
}
