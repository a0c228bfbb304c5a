package io.neurite.nn;

import java.math.BigDecimal;

/** Numbers and tuples written as Python's {@code repr} writes them, so layers print like PyTorch's. */
final class PythonRepr {

    private PythonRepr() {}

    /**
     * The shortest decimal that reads back as {@code v}, in Python's layout: {@code 0.1}, {@code 1.0},
     * {@code 0.0001}, and scientific below 1e-4 or from 1e16 on ({@code 1e-05}, {@code 2.5e+16}).
     */
    static String number(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();
        String sign = v < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = d.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /** A Python tuple of ints: {@code (10,)}, {@code (3, 4)}. */
    static String tuple(int[] values) {
        if (values.length == 1) return "(" + values[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) sb.append(i == 0 ? "" : ", ").append(values[i]);
        return sb.append(")").toString();
    }

    /** Python's {@code True} / {@code False}. */
    static String bool(boolean b) {
        return b ? "True" : "False";
    }
}
