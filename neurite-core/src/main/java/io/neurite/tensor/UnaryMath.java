package io.neurite.tensor;

import io.neurite.kernels.BinaryOp;
import io.neurite.kernels.Elementwise;
import io.neurite.kernels.Parallel;
import io.neurite.kernels.UnaryOp;

/** Elementwise functions of one tensor, each with its derivative. */
final class UnaryMath {

    private static final int GRAIN = 1 << 13;

    private UnaryMath() {}

    static Tensor neg(Tensor x) {
        return record("neg", x, compute(UnaryOp.NEG, "neg", x), null, g -> g.neg());
    }

    /** d e^x = e^x. */
    static Tensor exp(Tensor x) {
        Tensor y = compute(UnaryOp.EXP, "exp", x);
        return record("exp", x, y, y, g -> g.mul(y));
    }

    static Tensor log(Tensor x) {
        return record("log", x, compute(UnaryOp.LOG, "log", x), x, g -> g.div(x));
    }

    static Tensor log1p(Tensor x) {
        return record("log1p", x, compute(UnaryOp.LOG1P, "log1p", x), x, g -> g.div(x.add(1f)));
    }

    /** d sqrt(x) = 1 / (2 sqrt(x)). */
    static Tensor sqrt(Tensor x) {
        Tensor y = compute(UnaryOp.SQRT, "sqrt", x);
        return record("sqrt", x, y, y, g -> g.div(y.mul(2f)));
    }

    /** d x^(-1/2) = -x^(-3/2) / 2. */
    static Tensor rsqrt(Tensor x) {
        Tensor y = compute(UnaryOp.RSQRT, "rsqrt", x);
        return record("rsqrt", x, y, y, g -> g.mul(y.mul(y).mul(y)).mul(-0.5f));
    }

    static Tensor abs(Tensor x) {
        return record("abs", x, compute(UnaryOp.ABS, "abs", x), x, g -> g.mul(x.sign()));
    }

    static Tensor sign(Tensor x) {
        return record("sign", x, compute(UnaryOp.SIGN, "sign", x), null, g -> Tensor.zerosLike(g));
    }

    static Tensor sin(Tensor x) {
        return record("sin", x, compute(UnaryOp.SIN, "sin", x), x, g -> g.mul(x.cos()));
    }

    static Tensor cos(Tensor x) {
        return record("cos", x, compute(UnaryOp.COS, "cos", x), x, g -> g.mul(x.sin()).neg());
    }

    /** d tanh = 1 - tanh^2. */
    static Tensor tanh(Tensor x) {
        Tensor y = compute(UnaryOp.TANH, "tanh", x);
        return record("tanh", x, y, y, g -> g.mul(y.mul(y).rsub(1f)));
    }

    /** d sigma = sigma (1 - sigma). */
    static Tensor sigmoid(Tensor x) {
        Tensor y = compute(UnaryOp.SIGMOID, "sigmoid", x);
        return record("sigmoid", x, y, y, g -> g.mul(y.mul(y.rsub(1f))));
    }

    static Tensor relu(Tensor x) {
        Tensor y = compute(UnaryOp.RELU, "relu", x);
        return record("relu", x, y, y, g -> g.mul(y.gt(0f)));
    }

    /** Gradient passes where min <= x <= max, as PyTorch's clamp_backward. NaN means no bound. */
    static Tensor clamp(Tensor x, float min, float max) {
        x.requireFloat("clamp");
        if (Float.isNaN(min) && Float.isNaN(max)) {
            throw new IllegalArgumentException("clamp: at least one of min and max must be given, got neither");
        }
        Tensor y = x;
        if (!Float.isNaN(min)) y = Arithmetic.compute(BinaryOp.MAXIMUM, "clamp", y, Tensor.scalar(min));
        if (!Float.isNaN(max)) y = Arithmetic.compute(BinaryOp.MINIMUM, "clamp", y, Tensor.scalar(max));
        if (y == x) y = Copy.contiguousCopy(x);
        return record("clamp", x, y, x, g -> {
            Tensor pass = Tensor.onesLike(x);
            if (!Float.isNaN(min)) pass = pass.mul(x.ge(min));
            if (!Float.isNaN(max)) pass = pass.mul(x.le(max));
            return g.mul(pass);
        });
    }

    private static Tensor record(String op, Tensor x, Tensor y, Tensor saved,
                                 java.util.function.UnaryOperator<Tensor> rule) {
        Tensor[] keep = saved == null ? new Tensor[0] : new Tensor[] {saved};
        return Autograd.record(op, y, new Tensor[] {x}, keep, g -> new Tensor[] {rule.apply(g)});
    }

    static Tensor compute(UnaryOp op, String name, Tensor x) {
        x.requireFloat(name);
        float[] out = new float[x.numel()];
        ElementIterator it = new ElementIterator(x.shape, new int[][] {x.shape.contiguousStrides(), x.strides},
                new int[] {0, x.offset});
        int rows = it.rows(), len = it.rowLength(), xs = it.rowStride(1);
        float[] src = x.storage.floats;
        if (rows == 1) {
            int[] off = new int[2];
            it.rowOffsets(0, off);
            Parallel.forRange(len, GRAIN, (from, to) ->
                    Elementwise.unary(op, to - from, src, off[1] + from * xs, xs, out, from, 1));
        } else {
            Parallel.forRange(rows, Math.max(1, GRAIN / Math.max(1, len)), (from, to) -> {
                int[] off = new int[2];
                for (int r = from; r < to; r++) {
                    it.rowOffsets(r, off);
                    Elementwise.unary(op, len, src, off[1], xs, out, off[0], 1);
                }
            });
        }
        return Tensor.contiguous(out, x.shape);
    }
}
