package io.neurite.kernels;

/**
 * Elementwise unary operations. exp, sigmoid and tanh use {@link FastMath}'s fixed operation
 * sequences, which the vector kernels repeat lane by lane; the other transcendental functions use
 * {@link Math} in every path. Either way vectorized and scalar kernels agree bit for bit.
 */
public enum UnaryOp {
    NEG, ABS, SQRT, RSQRT, EXP, LOG, LOG1P, SIGN, SIN, COS, TANH, SIGMOID, RELU, SQUARE, RECIPROCAL;

    public float apply(float x) {
        return switch (this) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SQRT -> (float) Math.sqrt(x);
            case RSQRT -> (float) (1.0 / Math.sqrt(x));
            case EXP -> FastMath.exp(x);
            case LOG -> (float) Math.log(x);
            case LOG1P -> (float) Math.log1p(x);
            case SIGN -> Math.signum(x);
            case SIN -> (float) Math.sin(x);
            case COS -> (float) Math.cos(x);
            case TANH -> FastMath.tanh(x);
            case SIGMOID -> FastMath.sigmoid(x);
            case RELU -> x > 0 ? x : (x == x ? 0f : x);
            case SQUARE -> x * x;
            case RECIPROCAL -> 1f / x;
        };
    }

    /** True for the operations the Vector API computes exactly as IEEE scalar arithmetic does. */
    boolean exactInVectors() {
        return this == NEG || this == ABS || this == SQRT || this == SQUARE || this == RECIPROCAL
                || this == EXP || this == SIGMOID || this == TANH;
    }
}
