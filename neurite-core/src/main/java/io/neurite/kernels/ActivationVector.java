package io.neurite.kernels;

import static io.neurite.kernels.Activation.GELU_BETA;
import static io.neurite.kernels.Activation.GELU_KAPPA;
import static io.neurite.kernels.Activation.MISH_LIMIT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
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
    private static final FloatVector SIX = FloatVector.broadcast(S, 6f);
    private static final FloatVector FOUR = FloatVector.broadcast(S, 4f);

    private ActivationVector() {}

    static void forward(Activation op, float[] x, float[] y, int from, int to, float a, float b, float c) {
        int end = from + S.loopBound(to - from);
        // One small loop per function: a shared loop with a switch inside defeats inlining.
        switch (op) {
            case RELU -> relu(x, y, from, end);
            case LEAKY_RELU -> leakyRelu(x, y, from, end, a);
            case HARDTANH -> hardtanh(x, y, from, end, a, b);
            case HARDSIGMOID -> hardsigmoid(x, y, from, end);
            case HARDSWISH -> hardswish(x, y, from, end);
            case THRESHOLD -> threshold(x, y, from, end, a, b);
            case SOFTSIGN -> softsign(x, y, from, end);
            case ELU -> elu(x, y, from, end, a, b, c);
            case SIGMOID -> sigmoid(x, y, from, end);
            case TANH -> tanh(x, y, from, end);
            case SILU -> silu(x, y, from, end);
            case MISH -> mish(x, y, from, end);
            case GELU -> {
                gaussians(x, y, from, end);
                geluFromGaussians(x, y, from, end);
            }
            case GELU_TANH -> geluTanh(x, y, from, end);
            case SOFTPLUS -> softplus(x, y, from, end, a, b);
        }
        for (int i = end; i < to; i++) y[i] = op.apply(x[i], a, b, c);
    }

    static void backward(Activation op, float[] x, float[] g, float[] dx, int from, int to, float a, float b, float c) {
        int end = from + S.loopBound(to - from);
        switch (op) {
            case RELU -> reluGrad(x, g, dx, from, end);
            case LEAKY_RELU -> leakyReluGrad(x, g, dx, from, end, a);
            case HARDTANH -> hardtanhGrad(x, g, dx, from, end, a, b);
            case HARDSIGMOID -> hardsigmoidGrad(x, g, dx, from, end);
            case HARDSWISH -> hardswishGrad(x, g, dx, from, end);
            case THRESHOLD -> thresholdGrad(x, g, dx, from, end, a);
            case SOFTSIGN -> softsignGrad(x, g, dx, from, end);
            case ELU -> eluGrad(x, g, dx, from, end, a, b, c);
            case SIGMOID -> sigmoidGrad(x, g, dx, from, end);
            case TANH -> tanhGrad(x, g, dx, from, end);
            case SILU -> siluGrad(x, g, dx, from, end);
            case MISH -> mishGrad(x, g, dx, from, end);
            case GELU -> {
                gaussians(x, dx, from, end);
                geluGradFromGaussians(x, g, dx, from, end);
            }
            case GELU_TANH -> geluTanhGrad(x, g, dx, from, end);
            case SOFTPLUS -> softplusGrad(x, g, dx, from, end, a, b);
        }
        for (int i = end; i < to; i++) dx[i] = op.grad(x[i], g[i], a, b, c);
    }

    private static FloatVector load(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    // ---------------------------------------------------------------- forward loops

    private static void relu(float[] x, float[] y, int from, int end) {
        for (int i = from; i < end; i += L) load(x, i).max(ZERO).intoArray(y, i);
    }

    private static void leakyRelu(float[] x, float[] y, int from, int end, float a) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            v.mul(a).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, i);
        }
    }

    private static void hardtanh(float[] x, float[] y, int from, int end, float a, float b) {
        for (int i = from; i < end; i += L) load(x, i).max(a).min(b).intoArray(y, i);
    }

    private static void hardsigmoid(float[] x, float[] y, int from, int end) {
        for (int i = from; i < end; i += L) load(x, i).add(THREE).max(ZERO).min(SIX).div(SIX).intoArray(y, i);
    }

    private static void hardswish(float[] x, float[] y, int from, int end) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            v.mul(v.add(THREE).max(ZERO).min(SIX)).div(SIX).intoArray(y, i);
        }
    }

    private static void threshold(float[] x, float[] y, int from, int end, float a, float b) {
        FloatVector vb = FloatVector.broadcast(S, b);
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            v.blend(vb, v.compare(VectorOperators.LE, a)).intoArray(y, i);
        }
    }

    private static void softsign(float[] x, float[] y, int from, int end) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            v.div(ONE.add(v.abs())).intoArray(y, i);
        }
    }

    private static void elu(float[] x, float[] y, int from, int end, float a, float b, float c) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            v.mul(b).blend(expm1(v.mul(c)).mul(a), v.compare(VectorOperators.LE, 0f)).intoArray(y, i);
        }
    }

    private static void sigmoid(float[] x, float[] y, int from, int end) {
        for (int i = from; i < end; i += L) ONE.div(ONE.add(ElementwiseVector.exp(load(x, i).neg()))).intoArray(y, i);
    }

    private static void tanh(float[] x, float[] y, int from, int end) {
        for (int i = from; i < end; i += L) ElementwiseVector.tanh(load(x, i)).intoArray(y, i);
    }

    private static void silu(float[] x, float[] y, int from, int end) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            v.div(ONE.add(ElementwiseVector.exp(v.neg()))).intoArray(y, i);
        }
    }

    private static void mish(float[] x, float[] y, int from, int end) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            FloatVector e = ElementwiseVector.exp(v.min(MISH_LIMIT));
            FloatVector n = e.mul(e.add(TWO));
            v.mul(n.div(n.add(TWO))).intoArray(y, i);
        }
    }

    /**
     * GELU, pass 1 of 2: {@code e[i] = halfGaussian(min(|x[i]|, limit))}, written into the output
     * array as scratch. GELU runs as two loops compiled apart: one loop holding the exponential and
     * the four polynomials of the CDF outgrows the JIT's inlining budget, and a call left out of line
     * boxes its vectors.
     */
    static void gaussians(float[] x, float[] e, int from, int to) {
        int end = from + S.loopBound(to - from);
        for (int i = from; i < end; i += L) halfGaussian(load(x, i).abs().min(SpecialMath.NDTR_LIMIT)).intoArray(e, i);
        for (int i = end; i < to; i++) {
            e[i] = SpecialMath.halfGaussian(Math.min(Math.abs(x[i]), SpecialMath.NDTR_LIMIT));
        }
    }

    /** GELU forward, pass 2: {@code y[i] = x[i] Phi(x[i])} from the factors {@link #gaussians} left in y. */
    static void geluFromGaussians(float[] x, float[] y, int from, int to) {
        int end = from + S.loopBound(to - from);
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            v.mul(ndtr(v, v.abs().min(SpecialMath.NDTR_LIMIT), load(y, i))).intoArray(y, i);
        }
        for (int i = end; i < to; i++) y[i] = Activation.GELU.apply(x[i], 0f, 0f, 0f);
    }

    /** GELU backward, pass 2: {@code dx[i] = g[i] (Phi(x[i]) + x[i] phi(x[i]))} from the factors left in dx. */
    static void geluGradFromGaussians(float[] x, float[] g, float[] dx, int from, int to) {
        int end = from + S.loopBound(to - from);
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            FloatVector e = load(dx, i);
            FloatVector cdf = ndtr(v, v.abs().min(SpecialMath.NDTR_LIMIT), e);
            load(g, i).mul(cdf.add(v.mul(e.mul(SpecialMath.INV_SQRT_2PI)))).intoArray(dx, i);
        }
        for (int i = end; i < to; i++) dx[i] = Activation.GELU.grad(x[i], g[i], 0f, 0f, 0f);
    }

    private static void geluTanh(float[] x, float[] y, int from, int end) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            FloatVector u = v.add(v.mul(v).mul(v).mul(GELU_KAPPA)).mul(GELU_BETA);
            FloatVector t = ElementwiseVector.exp(u.abs().mul(-2f));
            FloatVector r = ONE.div(ONE.add(t));
            v.mul(t.mul(r).blend(r, u.compare(VectorOperators.GE, 0f))).intoArray(y, i);
        }
    }

    private static void softplus(float[] x, float[] y, int from, int end, float a, float b) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            FloatVector z = v.mul(a);
            FloatVector t = ElementwiseVector.exp(z.abs().neg());
            FloatVector s = t.div(TWO.add(t));
            FloatVector log1p = s.mul(2f).mul(horner(Activation.ATANH_Q, s.mul(s)));
            z.max(0f).add(log1p).div(a).blend(v, z.compare(VectorOperators.GT, b)).intoArray(y, i);
        }
    }

    // ---------------------------------------------------------------- backward loops

    private static void reluGrad(float[] x, float[] g, float[] dx, int from, int end) {
        for (int i = from; i < end; i += L) {
            load(g, i).blend(ZERO, load(x, i).compare(VectorOperators.LE, 0f)).intoArray(dx, i);
        }
    }

    private static void leakyReluGrad(float[] x, float[] g, float[] dx, int from, int end, float a) {
        for (int i = from; i < end; i += L) {
            FloatVector vg = load(g, i);
            vg.mul(a).blend(vg, load(x, i).compare(VectorOperators.GT, 0f)).intoArray(dx, i);
        }
    }

    private static void hardtanhGrad(float[] x, float[] g, float[] dx, int from, int end, float a, float b) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            VectorMask<Float> outside = v.compare(VectorOperators.LE, a).or(v.compare(VectorOperators.GE, b));
            load(g, i).blend(ZERO, outside).intoArray(dx, i);
        }
    }

    private static void hardsigmoidGrad(float[] x, float[] g, float[] dx, int from, int end) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            ZERO.blend(load(g, i).div(SIX), v.compare(VectorOperators.GT, -3f).and(v.compare(VectorOperators.LT, 3f)))
                    .intoArray(dx, i);
        }
    }

    private static void hardswishGrad(float[] x, float[] g, float[] dx, int from, int end) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i), vg = load(g, i);
            vg.blend(vg.mul(v.div(THREE).add(HALF)), v.compare(VectorOperators.LE, 3f))
                    .blend(ZERO, v.compare(VectorOperators.LT, -3f)).intoArray(dx, i);
        }
    }

    private static void thresholdGrad(float[] x, float[] g, float[] dx, int from, int end, float a) {
        for (int i = from; i < end; i += L) {
            load(g, i).blend(ZERO, load(x, i).compare(VectorOperators.LE, a)).intoArray(dx, i);
        }
    }

    private static void softsignGrad(float[] x, float[] g, float[] dx, int from, int end) {
        for (int i = from; i < end; i += L) {
            FloatVector d = ONE.add(load(x, i).abs());
            load(g, i).div(d.mul(d)).intoArray(dx, i);
        }
    }

    private static void eluGrad(float[] x, float[] g, float[] dx, int from, int end, float a, float b, float c) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i), vg = load(g, i);
            vg.mul(b).blend(vg.mul(c).mul(a).mul(ElementwiseVector.exp(v.mul(c))), v.compare(VectorOperators.LE, 0f))
                    .intoArray(dx, i);
        }
    }

    /** From the output y = sigmoid(x). */
    private static void sigmoidGrad(float[] y, float[] g, float[] dx, int from, int end) {
        for (int i = from; i < end; i += L) {
            FloatVector s = load(y, i);
            load(g, i).mul(s).mul(ONE.sub(s)).intoArray(dx, i);
        }
    }

    /** From the output y = tanh(x). */
    private static void tanhGrad(float[] y, float[] g, float[] dx, int from, int end) {
        for (int i = from; i < end; i += L) {
            FloatVector t = load(y, i);
            load(g, i).mul(ONE.sub(t.mul(t))).intoArray(dx, i);
        }
    }

    private static void siluGrad(float[] x, float[] g, float[] dx, int from, int end) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            FloatVector s = ONE.div(ONE.add(ElementwiseVector.exp(v.neg())));
            load(g, i).mul(s.mul(ONE.add(v.mul(ONE.sub(s))))).intoArray(dx, i);
        }
    }

    private static void mishGrad(float[] x, float[] g, float[] dx, int from, int end) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            FloatVector e = ElementwiseVector.exp(v.min(MISH_LIMIT));
            FloatVector n = e.mul(e.add(TWO));
            FloatVector d = n.add(TWO);
            FloatVector s = e.div(e.add(ONE));
            FloatVector sech2 = FOUR.mul(n.add(ONE)).div(d.mul(d));
            load(g, i).mul(n.div(d).add(v.mul(s).mul(sech2))).intoArray(dx, i);
        }
    }

    private static void softplusGrad(float[] x, float[] g, float[] dx, int from, int end, float a, float b) {
        for (int i = from; i < end; i += L) {
            FloatVector z = load(x, i).mul(a);
            FloatVector t = ElementwiseVector.exp(z.abs().neg());
            FloatVector r = ONE.div(ONE.add(t));
            FloatVector vg = load(g, i);
            vg.mul(t.mul(r).blend(r, z.compare(VectorOperators.GE, 0f))).blend(vg, z.compare(VectorOperators.GT, b))
                    .intoArray(dx, i);
        }
    }

    private static void geluTanhGrad(float[] x, float[] g, float[] dx, int from, int end) {
        for (int i = from; i < end; i += L) {
            FloatVector v = load(x, i);
            FloatVector x2 = v.mul(v);
            FloatVector u = v.add(x2.mul(v).mul(GELU_KAPPA)).mul(GELU_BETA);
            FloatVector t = ElementwiseVector.exp(u.abs().mul(-2f));
            FloatVector r = ONE.div(ONE.add(t));
            FloatVector s = t.mul(r).blend(r, u.compare(VectorOperators.GE, 0f));
            FloatVector du = ONE.add(x2.mul(3f * GELU_KAPPA)).mul(GELU_BETA);
            load(g, i).mul(s.add(v.add(v).mul(du).mul(t.mul(r).mul(r)))).intoArray(dx, i);
        }
    }

    // ---------------------------------------------------------------- shared pieces

    /** {@link SpecialMath#expm1}: both branches, blended on {@code |t| < 0.5}. */
    private static FloatVector expm1(FloatVector t) {
        FloatVector small = t.mul(t).fma(horner(SpecialMath.EXPM1_Q, t), t);
        FloatVector big = ElementwiseVector.exp(t).sub(ONE);
        return big.blend(small, t.abs().compare(VectorOperators.LT, SpecialMath.EXPM1_SMALL));
    }

    /** {@link SpecialMath#ndtr} given {@code a = min(|x|, limit)} and {@code e = halfGaussian(a)}: ranges blended. */
    private static FloatVector ndtr(FloatVector x, FloatVector a, FloatVector e) {
        FloatVector z = a.mul(SpecialMath.SQRT1_2);
        FloatVector z2 = z.mul(z);
        FloatVector t = horner(SpecialMath.ERF_T, z2);
        FloatVector small = HALF.add(HALF.mul(x.mul(SpecialMath.SQRT1_2)).mul(t));
        FloatVector q = ONE.div(z);
        FloatVector y = q.mul(q);
        FloatVector p = horner(SpecialMath.ERFC_R, y)
                .blend(horner(SpecialMath.ERFC_P, y), z.compare(VectorOperators.LT, 2f));
        FloatVector mid = horner(SpecialMath.NDTR_MID, a.sub(SpecialMath.NDTR_MID_CENTER));
        FloatVector tail = HALF.mul(e.mul(q).mul(p)).blend(mid, z.compare(VectorOperators.LT, 1f));
        FloatVector big = tail.blend(ONE.sub(tail), x.compare(VectorOperators.GT, 0f));
        return big.blend(small, z.compare(VectorOperators.LT, SpecialMath.SQRT1_2));
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
