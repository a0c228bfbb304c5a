package io.neurite.nn;

import java.math.BigDecimal;

/** Numbers and tuples written as Python writes them, so {@code extraRepr()} matches PyTorch's text. */
final class Repr {

    private Repr() {}

    /** Python's {@code repr(float)}: {@code 1.0}, {@code 0.01}, {@code 1e-05}, {@code 1e+16}, {@code inf}. */
    static String pyFloat(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String digits = d.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        String plain = d.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** A number PyTorch's signature defaults to an int (Softplus' beta=1): whole values without ".0". */
    static String pyNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e16 ? Long.toString((long) v) : pyFloat(v);
    }

    /** A Python tuple: {@code (2, 5, 5)}, {@code (5,)}. */
    static String tuple(int... values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) sb.append(i == 0 ? "" : ", ").append(values[i]);
        return sb.append(values.length == 1 ? ",)" : ")").toString();
    }

    /** Python's {@code True}/{@code False}. */
    static String bool(boolean b) {
        return b ? "True" : "False";
    }
}
