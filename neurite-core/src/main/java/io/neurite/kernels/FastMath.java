package io.neurite.kernels;

/**
 * Float exp, sigmoid and tanh as fixed sequences of IEEE operations (Cephes' single-precision
 * polynomials, evaluated with fused multiply-adds), so the scalar code here and the vector code in
 * {@link ElementwiseVector} give identical bits. Error: within 2 ulp of the correctly rounded value.
 */
public final class FastMath {

    static final float LOG2E = 1.44269504088896341f;
    /** ln 2 split in a part exact in few bits and a correction: Cody-Waite reduction. */
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    /** 1.5 * 2^23: adding then subtracting it rounds to the nearest integer. */
    static final float ROUNDER = 12582912f;
    static final int ROUNDER_BITS = 0x4B400000;
    static final float EXP_MIN = -104f;
    static final float EXP_MAX = 88.8f;
    static final float[] EXP_POLY = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f,
        1.6666665459e-1f, 5.0000001201e-1f};
    /** Below this |x|, tanh uses its odd polynomial (no cancellation in 1 - 2/(e^2x + 1)). */
    static final float TANH_SMALL = 0.625f;
    static final float[] TANH_POLY = {-5.70498872745e-3f, 2.06390887954e-2f, -5.37397155531e-2f, 1.33314422036e-1f,
        -3.33332819422e-1f};

    private FastMath() {}

    /**
     * e^x = 2^n e^r with n = round(x log2 e), r = x - n ln 2, e^r = 1 + r + r^2 P(r). The scale 2^n is
     * applied as two halves so results near the subnormal range stay right.
     */
    public static float exp(float x) {
        float c = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        float t = c * LOG2E + ROUNDER;
        float n = t - ROUNDER;
        float r = Math.fma(-n, LN2_HI, c);
        r = Math.fma(-n, LN2_LO, r);
        float p = EXP_POLY[0];
        for (int i = 1; i < EXP_POLY.length; i++) p = Math.fma(p, r, EXP_POLY[i]);
        float y = Math.fma(p, r * r, r) + 1f;
        int k = Float.floatToRawIntBits(t) - ROUNDER_BITS;
        int k1 = k >> 1;
        return y * Float.intBitsToFloat((k1 + 127) << 23) * Float.intBitsToFloat((k - k1 + 127) << 23);
    }

    /** 1 / (1 + e^-x). */
    public static float sigmoid(float x) {
        return 1f / (1f + exp(-x));
    }

    /** For small |x|: |x| + |x| z P(z), z = x^2; else 1 - 2 / (e^(2|x|) + 1); then x's sign (tanh is odd). */
    public static float tanh(float x) {
        float a = Math.abs(x);
        float magnitude;
        if (a < TANH_SMALL) {
            float z = a * a;
            float p = TANH_POLY[0];
            for (int i = 1; i < TANH_POLY.length; i++) p = Math.fma(p, z, TANH_POLY[i]);
            magnitude = Math.fma(p * z, a, a);
        } else {
            magnitude = 1f - 2f / (exp(a + a) + 1f);
        }
        return Math.copySign(magnitude, x);
    }
}
