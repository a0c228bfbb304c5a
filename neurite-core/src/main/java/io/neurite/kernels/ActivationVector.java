package io.neurite.kernels;

import static io.neurite.kernels.Activation.GELU_BETA;
import static io.neurite.kernels.Activation.GELU_KAPPA;
import static io.neurite.kernels.Activation.MISH_LIMIT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API bodies of {@link Activation}: each lane performs the operations of the scalar formula in
 * the same order (both arms of a branch computed, then blended), so results equal the scalar ones
 * bit for bit. Loaded only when {@link VectorSupport#enabled()}.
 */
final class ActivationVector {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = S.length();
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector HALF = FloatVector.broadcast(S, 0.5f);
    private static final FloatVector TWO = FloatVector.broadcast(S, 2f);
    private static final FloatVector THREE = FloatVector.broadcast(S, 3f);
    private static final FloatVector MINUS_THREE = FloatVector.broadcast(S, -3f);
    private static final FloatVector SIX = FloatVector.broadcast(S, 6f);

    private ActivationVector() {}

    static void forward(Activation op, float[] x, float[] y, int from, int to, float a, float b, float c) {
        int end = from + S.loopBound(to - from);
        FloatVector va = FloatVector.broadcast(S, a), vb = FloatVector.broadcast(S, b), vc = FloatVector.broadcast(S, c);
        for (int i = from; i < end; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            FloatVector r = switch (op) {
                case RELU -> v.max(ZERO);
                case LEAKY_RELU -> v.mul(va).blend(v, v.compare(VectorOperators.GT, ZERO));
                case HARDTANH -> v.max(va).min(vb);
                case HARDSIGMOID -> v.add(THREE).max(ZERO).min(SIX).div(SIX);
                case HARDSWISH -> v.mul(v.add(THREE).max(ZERO).min(SIX)).div(SIX);
                case THRESHOLD -> v.blend(vb, v.compare(VectorOperators.LE, va));
                case SOFTSIGN -> v.div(ONE.add(v.abs()));
                case ELU -> v.mul(vb).blend(expm1(v.mul(vc)).mul(va), v.compare(VectorOperators.LE, ZERO));
                case SIGMOID -> ONE.div(ONE.add(ElementwiseVector.exp(v.neg())));
                case TANH -> ElementwiseVector.tanh(v);
                case SILU -> v.div(ONE.add(ElementwiseVector.exp(v.neg())));
                case MISH -> mish(v);
                case GELU -> v.mul(ndtr(v));
                case GELU_TANH -> geluTanh(v);
                case SOFTPLUS -> throw new AssertionError("softplus has no vector form");
            };
            r.intoArray(y, i);
        }
        for (int i = end; i < to; i++) y[i] = op.apply(x[i], a, b, c);
    }

    static void backward(Activation op, float[] x, float[] g, float[] dx, int from, int to, float a, float b, float c) {
        int end = from + S.loopBound(to - from);
        FloatVector va = FloatVector.broadcast(S, a), vb = FloatVector.broadcast(S, b), vc = FloatVector.broadcast(S, c);
        for (int i = from; i < end; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            FloatVector vg = FloatVector.fromArray(S, g, i);
            FloatVector r = switch (op) {
                case RELU -> vg.blend(ZERO, v.compare(VectorOperators.LE, ZERO));
                case LEAKY_RELU -> vg.mul(va).blend(vg, v.compare(VectorOperators.GT, ZERO));
                case HARDTANH -> vg.blend(ZERO, v.compare(VectorOperators.LE, va).or(v.compare(VectorOperators.GE, vb)));
                case HARDSIGMOID -> ZERO.blend(vg.div(SIX),
                        v.compare(VectorOperators.GT, MINUS_THREE).and(v.compare(VectorOperators.LT, THREE)));
                case HARDSWISH -> vg.blend(vg.mul(v.div(THREE).add(HALF)), v.compare(VectorOperators.LE, THREE))
                        .blend(ZERO, v.compare(VectorOperators.LT, MINUS_THREE));
                case THRESHOLD -> vg.blend(ZERO, v.compare(VectorOperators.LE, va));
                case SOFTSIGN -> {
                    FloatVector d = ONE.add(v.abs());
                    yield vg.div(d.mul(d));
                }
                case ELU -> vg.mul(vb).blend(vg.mul(vc).mul(va).mul(ElementwiseVector.exp(v.mul(vc))),
                        v.compare(VectorOperators.LE, ZERO));
                case SIGMOID -> {
                    FloatVector s = ONE.div(ONE.add(ElementwiseVector.exp(v.neg())));
                    yield vg.mul(s).mul(ONE.sub(s));
                }
                case TANH -> {
                    FloatVector t = ElementwiseVector.tanh(v);
                    yield vg.mul(ONE.sub(t.mul(t)));
                }
                case SILU -> {
                    FloatVector s = ONE.div(ONE.add(ElementwiseVector.exp(v.neg())));
                    yield vg.mul(s.mul(ONE.add(v.mul(ONE.sub(s)))));
                }
                case MISH -> mishGrad(v, vg);
                case GELU -> vg.mul(ndtr(v).add(v.mul(normalPdf(v))));
                case GELU_TANH -> geluTanhGrad(v, vg);
                case SOFTPLUS -> throw new AssertionError("softplus has no vector form");
            };
            r.intoArray(dx, i);
        }
        for (int i = end; i < to; i++) dx[i] = op.grad(x[i], g[i], a, b, c);
    }

    /** {@link SpecialMath#expm1}: both branches, blended on {@code |t| < 0.5}. */
    private static FloatVector expm1(FloatVector t) {
        FloatVector small = t.mul(t).fma(horner(SpecialMath.EXPM1_Q, t), t);
        FloatVector big = ElementwiseVector.exp(t).sub(ONE);
        return big.blend(small, t.abs().compare(VectorOperators.LT, SpecialMath.EXPM1_SMALL));
    }

    private static FloatVector mish(FloatVector v) {
        FloatVector e = ElementwiseVector.exp(v.min(MISH_LIMIT));
        FloatVector n = e.mul(e.add(TWO));
        return v.mul(n.div(n.add(TWO)));
    }

    private static FloatVector mishGrad(FloatVector v, FloatVector vg) {
        FloatVector e = ElementwiseVector.exp(v.min(MISH_LIMIT));
        FloatVector n = e.mul(e.add(TWO));
        FloatVector d = n.add(TWO);
        FloatVector s = e.div(e.add(ONE));
        FloatVector sech2 = FloatVector.broadcast(S, 4f).mul(n.add(ONE)).div(d.mul(d));
        return vg.mul(n.div(d).add(v.mul(s).mul(sech2)));
    }

    private static FloatVector geluTanh(FloatVector v) {
        FloatVector u = v.add(v.mul(v).mul(v).mul(GELU_KAPPA)).mul(GELU_BETA);
        FloatVector t = ElementwiseVector.exp(u.abs().mul(-2f));
        FloatVector r = ONE.div(ONE.add(t));
        return v.mul(t.mul(r).blend(r, u.compare(VectorOperators.GE, 0f)));
    }

    private static FloatVector geluTanhGrad(FloatVector v, FloatVector vg) {
        FloatVector x2 = v.mul(v);
        FloatVector u = v.add(x2.mul(v).mul(GELU_KAPPA)).mul(GELU_BETA);
        FloatVector t = ElementwiseVector.exp(u.abs().mul(-2f));
        FloatVector r = ONE.div(ONE.add(t));
        FloatVector s = t.mul(r).blend(r, u.compare(VectorOperators.GE, 0f));
        FloatVector du = ONE.add(x2.mul(3f * GELU_KAPPA)).mul(GELU_BETA);
        return vg.mul(s.add(v.add(v).mul(du).mul(t.mul(r).mul(r))));
    }

    /** {@link SpecialMath#ndtr}: the three ranges computed and blended. */
    private static FloatVector ndtr(FloatVector x) {
        FloatVector a = x.abs().min(SpecialMath.NDTR_LIMIT);
        FloatVector z = a.mul(SpecialMath.SQRT1_2);
        FloatVector z2 = z.mul(z);
        FloatVector t = horner(SpecialMath.ERF_T, z2);
        FloatVector small = HALF.add(HALF.mul(x.mul(SpecialMath.SQRT1_2)).mul(t));
        FloatVector q = ONE.div(z);
        FloatVector y = q.mul(q);
        FloatVector p = horner(SpecialMath.ERFC_R, y).blend(horner(SpecialMath.ERFC_P, y), z.compare(VectorOperators.LT, 2f));
        FloatVector mid = horner(SpecialMath.NDTR_MID, a.sub(SpecialMath.NDTR_MID_CENTER));
        FloatVector tail = HALF.mul(halfGaussian(a).mul(q).mul(p)).blend(mid, z.compare(VectorOperators.LT, 1f));
        FloatVector big = tail.blend(ONE.sub(tail), x.compare(VectorOperators.GT, 0f));
        return big.blend(small, z.compare(VectorOperators.LT, SpecialMath.SQRT1_2));
    }

    private static FloatVector normalPdf(FloatVector x) {
        return halfGaussian(x.abs().min(SpecialMath.NDTR_LIMIT)).mul(SpecialMath.INV_SQRT_2PI);
    }

    /** {@link SpecialMath#halfGaussian}. */
    private static FloatVector halfGaussian(FloatVector a) {
        FloatVector hi = a.mul(a);
        FloatVector lo = a.fma(a, hi.neg());
        return ElementwiseVector.exp(hi.mul(-0.5f)).mul(lo.fma(-0.5f, 1f));
    }

    private static FloatVector horner(float[] c, FloatVector x) {
        FloatVector p = FloatVector.broadcast(S, c[0]);
        for (int i = 1; i < c.length; i++) p = p.fma(x, FloatVector.broadcast(S, c[i]));
        return p;
    }
}
