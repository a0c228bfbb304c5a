package io.neurite.tensor;

import io.neurite.kernels.BinaryOp;
import io.neurite.kernels.Elementwise;
import io.neurite.kernels.Parallel;

/** Broadcasting binary arithmetic and comparisons, each with its backward rule. */
final class Arithmetic {

    private static final int GRAIN = 1 << 14;

    private Arithmetic() {}

    static Tensor add(Tensor a, Tensor b) {
        Tensor out = compute(BinaryOp.ADD, "add", a, b);
        Shape sa = a.shape, sb = b.shape;
        return Autograd.record("add", out, new Tensor[] {a, b},
                g -> new Tensor[] {a.requiresGrad() ? Broadcast.sumTo(g, sa) : null,
                                   b.requiresGrad() ? Broadcast.sumTo(g, sb) : null});
    }

    static Tensor sub(Tensor a, Tensor b) {
        Tensor out = compute(BinaryOp.SUB, "sub", a, b);
        Shape sa = a.shape, sb = b.shape;
        return Autograd.record("sub", out, new Tensor[] {a, b},
                g -> new Tensor[] {a.requiresGrad() ? Broadcast.sumTo(g, sa) : null,
                                   b.requiresGrad() ? Broadcast.sumTo(g.neg(), sb) : null});
    }

    static Tensor mul(Tensor a, Tensor b) {
        Tensor out = compute(BinaryOp.MUL, "mul", a, b);
        return Autograd.record("mul", out, new Tensor[] {a, b}, new Tensor[] {a, b},
                g -> new Tensor[] {a.requiresGrad() ? Broadcast.sumTo(g.mul(b), a.shape) : null,
                                   b.requiresGrad() ? Broadcast.sumTo(g.mul(a), b.shape) : null});
    }

    /** d(a/b)/da = 1/b, d(a/b)/db = -a/b^2. */
    static Tensor div(Tensor a, Tensor b) {
        Tensor out = compute(BinaryOp.DIV, "div", a, b);
        return Autograd.record("div", out, new Tensor[] {a, b}, new Tensor[] {a, b},
                g -> new Tensor[] {a.requiresGrad() ? Broadcast.sumTo(g.div(b), a.shape) : null,
                                   b.requiresGrad() ? Broadcast.sumTo(g.mul(a).div(b.mul(b)).neg(), b.shape) : null});
    }

    /**
     * d(a^b)/da = b a^(b-1) (0 where b = 0); d(a^b)/db = a^b ln a (0 where a = 0 and b >= 0), as
     * PyTorch's pow_backward.
     */
    static Tensor pow(Tensor a, Tensor b) {
        Tensor out = compute(BinaryOp.POW, "pow", a, b);
        return Autograd.record("pow", out, new Tensor[] {a, b}, new Tensor[] {a, b, out}, g -> {
            Tensor ga = null, gb = null;
            if (a.requiresGrad()) {
                Tensor d = b.mul(a.pow(b.sub(1f))).mul(b.ne(Tensor.scalar(0f)));
                ga = Broadcast.sumTo(g.mul(d), a.shape);
            }
            if (b.requiresGrad()) {
                Tensor zeroBase = a.eq(0f).mul(b.ge(0f));
                Tensor safeLog = a.add(zeroBase).log();
                gb = Broadcast.sumTo(g.mul(out).mul(safeLog).mul(zeroBase.rsub(1f)), b.shape);
            }
            return new Tensor[] {ga, gb};
        });
    }

    /** Ties send half the gradient to each side, as PyTorch. */
    static Tensor maximum(Tensor a, Tensor b) {
        return extremum(BinaryOp.MAXIMUM, "maximum", a, b);
    }

    static Tensor minimum(Tensor a, Tensor b) {
        return extremum(BinaryOp.MINIMUM, "minimum", a, b);
    }

    private static Tensor extremum(BinaryOp op, String name, Tensor a, Tensor b) {
        Tensor out = compute(op, name, a, b);
        return Autograd.record(name, out, new Tensor[] {a, b}, new Tensor[] {a, b}, g -> {
            Tensor aWins = op == BinaryOp.MAXIMUM ? a.gt(b) : a.lt(b);
            Tensor share = aWins.add(a.eq(b).mul(0.5f));
            return new Tensor[] {a.requiresGrad() ? Broadcast.sumTo(g.mul(share), a.shape) : null,
                                 b.requiresGrad() ? Broadcast.sumTo(g.mul(share.rsub(1f)), b.shape) : null};
        });
    }

    /** A float 0/1 mask; not differentiable. */
    static Tensor compare(BinaryOp op, String name, Tensor a, Tensor b) {
        return compute(op, name, a.toFloat(), b.toFloat());
    }

    /** {@code self = op(self, other)} with {@code other} broadcast to self's shape. */
    static Tensor inPlace(String name, BinaryOp op, Tensor self, Tensor other) {
        self.requireFloat(name);
        other.requireFloat(name);
        self.checkInPlace(name);
        Shape target = Shape.broadcast(name, self.shape, other.shape);
        if (!target.equals(self.shape)) {
            throw new ShapeException(name + ": the result shape " + target + " differs from the shape " + self.shape
                    + " of the tensor changed in place; hint: use the out-of-place variant", self.shape, other.shape);
        }
        if (other.storage == self.storage) other = Copy.contiguousCopy(other);
        run(op, self.shape, self, Broadcast.strides(self, self.shape), other, Broadcast.strides(other, self.shape),
                self.storage.floats, self.strides, self.offset);
        self.storage.bumpVersion();
        return self;
    }

    /** The forward of a broadcasting binary operation into a new contiguous tensor. */
    static Tensor compute(BinaryOp op, String name, Tensor a, Tensor b) {
        a.requireFloat(name);
        b.requireFloat(name);
        Shape shape = Shape.broadcast(name, a.shape, b.shape);
        float[] out = new float[shape.numel()];
        run(op, shape, a, Broadcast.strides(a, shape), b, Broadcast.strides(b, shape), out,
                shape.contiguousStrides(), 0);
        return Tensor.contiguous(out, shape);
    }

    private static void run(BinaryOp op, Shape shape, Tensor a, int[] aStrides, Tensor b, int[] bStrides,
                            float[] out, int[] outStrides, int outOffset) {
        ElementIterator it = new ElementIterator(shape, new int[][] {outStrides, aStrides, bStrides},
                new int[] {outOffset, a.offset, b.offset});
        int rows = it.rows(), len = it.rowLength();
        int os = it.rowStride(0), as = it.rowStride(1), bs = it.rowStride(2);
        float[] ad = a.storage.floats, bd = b.storage.floats;
        if (rows == 1) {
            int[] off = new int[3];
            it.rowOffsets(0, off);
            Parallel.forRange(len, GRAIN, (from, to) -> Elementwise.binary(op, to - from,
                    ad, off[1] + from * as, as, bd, off[2] + from * bs, bs, out, off[0] + from * os, os));
            return;
        }
        Parallel.forRange(rows, Math.max(1, GRAIN / Math.max(1, len)), (from, to) -> {
            int[] off = new int[3];
            for (int r = from; r < to; r++) {
                it.rowOffsets(r, off);
                Elementwise.binary(op, len, ad, off[1], as, bd, off[2], bs, out, off[0], os);
            }
        });
    }
}
