package io.neurite.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API bodies of {@link Elementwise}; loaded only when {@link VectorSupport#enabled()}. */
final class ElementwiseVector {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector ZERO = FloatVector.zero(S);

    private ElementwiseVector() {}

    /** Returns false when {@code op} has no exact vector form (the caller then runs the scalar loop). */
    static boolean binary(BinaryOp op, int n, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                          float[] out, int outOff) {
        if (op == BinaryOp.POW) return false;
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            FloatVector va = aStride == 0 ? FloatVector.broadcast(S, a[aOff]) : FloatVector.fromArray(S, a, aOff + i);
            FloatVector vb = bStride == 0 ? FloatVector.broadcast(S, b[bOff]) : FloatVector.fromArray(S, b, bOff + i);
            apply(op, va, vb).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = op.apply(a[aOff + i * aStride], b[bOff + i * bStride]);
        return true;
    }

    private static FloatVector apply(BinaryOp op, FloatVector a, FloatVector b) {
        return switch (op) {
            case ADD -> a.add(b);
            case SUB -> a.sub(b);
            case MUL -> a.mul(b);
            case DIV -> a.div(b);
            case MAXIMUM -> a.max(b);
            case MINIMUM -> a.min(b);
            case EQ -> mask(a.compare(VectorOperators.EQ, b));
            case NE -> mask(a.compare(VectorOperators.NE, b));
            case LT -> mask(a.compare(VectorOperators.LT, b));
            case LE -> mask(a.compare(VectorOperators.LE, b));
            case GT -> mask(a.compare(VectorOperators.GT, b));
            case GE -> mask(a.compare(VectorOperators.GE, b));
            case POW -> throw new AssertionError("pow has no exact vector form");
        };
    }

    private static FloatVector mask(VectorMask<Float> m) {
        return ZERO.blend(ONE, m);
    }

    static void unary(UnaryOp op, int n, float[] x, int xOff, float[] out, int outOff) {
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            FloatVector r = switch (op) {
                case NEG -> v.neg();
                case ABS -> v.abs();
                case SQRT -> v.sqrt();
                case SQUARE -> v.mul(v);
                case RECIPROCAL -> ONE.div(v);
                case EXP -> exp(v);
                case SIGMOID -> ONE.div(ONE.add(exp(v.neg())));
                case TANH -> tanh(v);
                default -> throw new AssertionError(op + " has no exact vector form");
            };
            r.intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = op.apply(x[xOff + i]);
    }

    /** {@link FastMath#exp} lane by lane: the same operations in the same order. */
    static FloatVector exp(FloatVector x) {
        FloatVector c = x.max(FastMath.EXP_MIN).min(FastMath.EXP_MAX);
        FloatVector t = c.mul(FastMath.LOG2E).add(FastMath.ROUNDER);
        FloatVector n = t.sub(FastMath.ROUNDER);
        FloatVector negN = n.neg();
        FloatVector r = negN.fma(FloatVector.broadcast(S, FastMath.LN2_HI), c);
        r = negN.fma(FloatVector.broadcast(S, FastMath.LN2_LO), r);
        FloatVector p = FloatVector.broadcast(S, FastMath.EXP_POLY[0]);
        for (int i = 1; i < FastMath.EXP_POLY.length; i++) p = p.fma(r, FloatVector.broadcast(S, FastMath.EXP_POLY[i]));
        FloatVector y = p.fma(r.mul(r), r).add(ONE);
        IntVector k = t.viewAsIntegralLanes().reinterpretAsInts().sub(FastMath.ROUNDER_BITS);
        IntVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        IntVector k2 = k.sub(k1);
        FloatVector s1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).viewAsFloatingLanes().reinterpretAsFloats();
        FloatVector s2 = k2.add(127).lanewise(VectorOperators.LSHL, 23).viewAsFloatingLanes().reinterpretAsFloats();
        return y.mul(s1).mul(s2);
    }

    /** {@link FastMath#tanh} lane by lane: both branches computed, blended, then x's sign applied. */
    static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector z = a.mul(a);
        FloatVector p = FloatVector.broadcast(S, FastMath.TANH_POLY[0]);
        for (int i = 1; i < FastMath.TANH_POLY.length; i++) p = p.fma(z, FloatVector.broadcast(S, FastMath.TANH_POLY[i]));
        FloatVector small = p.mul(z).fma(a, a);
        FloatVector big = ONE.sub(FloatVector.broadcast(S, 2f).div(exp(a.add(a)).add(ONE)));
        FloatVector magnitude = big.blend(small, a.compare(VectorOperators.LT, FastMath.TANH_SMALL));
        IntVector sign = x.viewAsIntegralLanes().reinterpretAsInts().and(0x80000000);
        return magnitude.viewAsIntegralLanes().reinterpretAsInts().or(sign).viewAsFloatingLanes().reinterpretAsFloats();
    }

    static float sum(float[] x, int off, int n) {
        // Local zero vectors: accumulators started from a static constant get boxed by C2 every iteration.
        FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S), a2 = FloatVector.zero(S), a3 = FloatVector.zero(S);
        int blocks = n - n % Reduce.LANES;
        for (int i = off; i < off + blocks; i += Reduce.LANES) {
            a0 = a0.add(FloatVector.fromArray(S, x, i));
            a1 = a1.add(FloatVector.fromArray(S, x, i + 8));
            a2 = a2.add(FloatVector.fromArray(S, x, i + 16));
            a3 = a3.add(FloatVector.fromArray(S, x, i + 24));
        }
        float[] lanes = new float[Reduce.LANES];
        a0.intoArray(lanes, 0);
        a1.intoArray(lanes, 8);
        a2.intoArray(lanes, 16);
        a3.intoArray(lanes, 24);
        return Reduce.finish(lanes, x, off + blocks, n - blocks);
    }
}
