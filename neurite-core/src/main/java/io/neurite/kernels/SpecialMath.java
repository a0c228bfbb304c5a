package io.neurite.kernels;

/**
 * The error function and its relatives: float versions for activations (GELU's normal CDF, ELU's
 * {@code e^x - 1}) written as fixed sequences of IEEE operations that {@link ActivationVector} repeats
 * lane by lane, and double versions for initializers (the truncated normal's inverse CDF).
 *
 * <p>The float normal CDF uses the polynomials of Cephes' {@code ndtrf} (S. L. Moshier, Cephes Math
 * Library 2.2, 1992): {@code erf(z) = z T(z^2)} for {@code |z| < 1}, {@code erfc(z) = e^(-z^2) P(1/z^2) / z}
 * for {@code 1 <= z < 2} and {@code e^(-z^2) R(1/z^2) / z} beyond; the factor {@code e^(-z^2)} is
 * taken from the exact square {@code x^2 = hi + lo} as {@code e^(-hi/2) (1 - lo/2)}, which removes
 * Cephes' main error. Where Cephes computes {@code 1 - erf(z)} ({@code 1 <= |x| < sqrt 2}), which
 * cancels, a polynomial fitted here (least squares, relative error 3e-11) gives the tail directly.
 * Within about 4 ulp of the true value over the float range.
 */
public final class SpecialMath {

    static final float SQRT1_2 = 0.70710678118654752f;
    /** 1 / sqrt(2 pi), the normal density at 0. */
    static final float INV_SQRT_2PI = 0.39894228040143268f;
    /** Beyond this |x| the normal CDF is 0 or 1 in float; clamping keeps x^2 finite. */
    static final float NDTR_LIMIT = 20f;
    static final float[] ERF_T = {7.853861353153693E-5f, -8.010193625184903E-4f, 5.188327685732524E-3f,
        -2.685381193529856E-2f, 1.128358514861418E-1f, -3.761262582423300E-1f, 1.128379165726710f};
    static final float[] ERFC_P = {2.326819970068386E-2f, -1.387039388740657E-1f, 3.687424674597105E-1f,
        -5.824733027278666E-1f, 6.210004621745983E-1f, -4.944515323274145E-1f, 3.404879937665872E-1f,
        -2.741127028184656E-1f, 5.638259427386472E-1f};
    static final float[] ERFC_R = {-1.047766399936249E1f, 1.297719955372516E1f, -7.495518717768503f,
        2.921019019210786f, -1.015265279202700f, 4.218463358204948E-1f, -2.820767439740514E-1f,
        5.641895067754075E-1f};
    /** {@code Phi(-a) = erfc(a / sqrt 2) / 2} for {@code 1 <= a < sqrt 2}, a polynomial in {@code a - 1.25}. */
    static final float[] NDTR_MID = {-0.000825136317871511f, 0.0005789577262476087f, 0.005987799726426601f,
        -0.013674941845238209f, -0.017123360186815262f, 0.11415567994117737f, -0.18264909088611603f,
        0.10564977675676346f};
    static final float NDTR_MID_CENTER = 1.25f;
    /** Below this |x|, e^x - 1 uses x + x^2 Q(x) with Q the Taylor series of (e^x - 1 - x) / x^2. */
    static final float EXPM1_SMALL = 0.5f;
    static final float[] EXPM1_Q = {1f / 3628800, 1f / 362880, 1f / 40320, 1f / 5040, 1f / 720, 1f / 120, 1f / 24,
        1f / 6, 0.5f};

    private SpecialMath() {}

    // ---------------------------------------------------------------- float, for activations

    /** {@code e^x - 1} without the cancellation of the plain difference near 0. */
    public static float expm1(float x) {
        if (Math.abs(x) < EXPM1_SMALL) return Math.fma(x * x, horner(EXPM1_Q, x), x);
        return FastMath.exp(x) - 1f;
    }

    /** The standard normal CDF {@code Phi(x) = (1 + erf(x / sqrt 2)) / 2}, accurate in both tails. */
    public static float ndtr(float x) {
        float a = Math.min(Math.abs(x), NDTR_LIMIT);
        float z = a * SQRT1_2;
        if (z < SQRT1_2) return 0.5f + 0.5f * (x * SQRT1_2) * horner(ERF_T, z * z);
        float tail = z < 1f ? horner(NDTR_MID, a - NDTR_MID_CENTER) : 0.5f * erfcTail(a, z);
        return x > 0 ? 1f - tail : tail;
    }

    /** The standard normal density {@code e^(-x^2/2) / sqrt(2 pi)}. */
    public static float normalPdf(float x) {
        return INV_SQRT_2PI * halfGaussian(Math.min(Math.abs(x), NDTR_LIMIT));
    }

    /** {@code erfc(z)} for {@code z = a / sqrt 2 >= 1} (or NaN). */
    private static float erfcTail(float a, float z) {
        float q = 1f / z;
        float y = q * q;
        float p = z < 2f ? horner(ERFC_P, y) : horner(ERFC_R, y);
        return halfGaussian(a) * q * p;
    }

    /** {@code e^(-a^2/2)} from the exact square {@code a^2 = hi + lo}: {@code e^(-hi/2) (1 - lo/2)}. */
    static float halfGaussian(float a) {
        float hi = a * a;
        float lo = Math.fma(a, a, -hi);
        return FastMath.exp(-0.5f * hi) * Math.fma(-0.5f, lo, 1f);
    }

    static float horner(float[] c, float x) {
        float p = c[0];
        for (int i = 1; i < c.length; i++) p = Math.fma(p, x, c[i]);
        return p;
    }

    // ---------------------------------------------------------------- double, for initializers

    /**
     * The error function in double precision (absolute error near 1e-15): for {@code |x| < 3} the
     * series {@code 2/sqrt(pi) e^(-x^2) sum x^(2n+1) 2^n / (2n+1)!!} (positive terms, no
     * cancellation), beyond it {@code 1 - erfc(x)} by its continued fraction.
     */
    public static double erf(double x) {
        double a = Math.abs(x);
        if (Double.isNaN(x)) return x;
        double r;
        if (a < 3) {
            double term = a, sum = a;
            for (int n = 1; term > 1e-17 * sum; n++) {
                term *= 2 * a * a / (2 * n + 1);
                sum += term;
            }
            r = 2 / Math.sqrt(Math.PI) * Math.exp(-a * a) * sum;
        } else {
            r = 1 - erfcContinuedFraction(a);
        }
        return Math.copySign(r, x);
    }

    /** {@code erfc(a) = e^(-a^2) / (sqrt(pi) (a + (1/2) / (a + 1 / (a + (3/2) / (a + ...)))))}, a >= 3. */
    private static double erfcContinuedFraction(double a) {
        double f = a;
        for (int k = 60; k >= 1; k--) f = a + (k / 2.0) / f;
        return Math.exp(-a * a) / (Math.sqrt(Math.PI) * f);
    }

    /**
     * The inverse error function on (-1, 1) (+-infinity at +-1, NaN outside): M. Giles' single
     * precision approximation ("Approximating the erfinv function", GPU Computing Gems, 2011)
     * refined by Newton steps on {@link #erf(double)}.
     */
    public static double erfinv(double y) {
        if (!(Math.abs(y) <= 1)) return Double.NaN;
        if (Math.abs(y) == 1) return Math.copySign(Double.POSITIVE_INFINITY, y);
        double x = gilesErfinv(y);
        for (int i = 0; i < 4; i++) {
            double step = (erf(x) - y) / (2 / Math.sqrt(Math.PI) * Math.exp(-x * x));
            if (!Double.isFinite(step)) break;
            x -= step;
        }
        return x;
    }

    private static double gilesErfinv(double y) {
        double w = -Math.log((1 - y) * (1 + y));
        double p;
        if (w < 5) {
            w -= 2.5;
            p = 2.81022636e-08;
            p = 3.43273939e-07 + p * w;
            p = -3.5233877e-06 + p * w;
            p = -4.39150654e-06 + p * w;
            p = 0.00021858087 + p * w;
            p = -0.00125372503 + p * w;
            p = -0.00417768164 + p * w;
            p = 0.246640727 + p * w;
            p = 1.50140941 + p * w;
        } else {
            w = Math.sqrt(w) - 3;
            p = -0.000200214257;
            p = 0.000100950558 + p * w;
            p = 0.00134934322 + p * w;
            p = -0.00367342844 + p * w;
            p = 0.00573950773 + p * w;
            p = -0.0076224613 + p * w;
            p = 0.00943887047 + p * w;
            p = 1.00167406 + p * w;
            p = 2.83297682 + p * w;
        }
        return p * y;
    }
}
