package io.neurite.kernels;

/**
 * Elementwise activation functions with their derivatives, in PyTorch's formulas and edge
 * conventions (ReLU's gradient at 0 is 0, Hardtanh's is 0 at its bounds, Softplus is linear above its
 * threshold). Each takes up to three float parameters {@code a, b, c}, listed per constant.
 *
 * <p>The bulk methods run in parallel over the shared pool; every function has a Vector API body
 * ({@link ActivationVector}) that performs the same IEEE operations as the scalar formula here, so
 * both paths give identical bits. The backward pass reads the input {@code x}, except for the
 * functions whose derivative is cheaper from the output ({@link #gradFromOutput()}: sigmoid and tanh),
 * where it reads {@code y}.
 */
public enum Activation {
    /** {@code max(x, 0)}. */
    RELU,
    /** {@code x > 0 ? x : a x}; a = negative slope. */
    LEAKY_RELU,
    /** {@code clamp(x, a, b)}; gradient 0 at and beyond the bounds. */
    HARDTANH,
    /** {@code clamp(x + 3, 0, 6) / 6}. */
    HARDSIGMOID,
    /** {@code x clamp(x + 3, 0, 6) / 6}; at x = 3 the gradient is the left one, 1.5 (PyTorch's scalar formula). */
    HARDSWISH,
    /** {@code x <= a ? b : x}; a = threshold, b = value. */
    THRESHOLD,
    /** {@code x / (1 + |x|)}. */
    SOFTSIGN,
    /**
     * {@code x <= 0 ? a (e^(c x) - 1) : b x}: ELU (b = 1, c = 1), SELU (a = alpha scale, b = scale), CELU
     * (b = 1, c = 1/alpha).
     */
    ELU,
    /** {@code 1 / (1 + e^-x)}. */
    SIGMOID,
    /** {@code tanh x}. */
    TANH,
    /** {@code x sigmoid(x)}. */
    SILU,
    /** {@code x tanh(softplus(x))} (Misra 2019), as {@code x n / (n + 2)} with {@code n = e^x (e^x + 2)}. */
    MISH,
    /** {@code x Phi(x)}, Phi the standard normal CDF (Hendrycks and Gimpel 2016). */
    GELU,
    /**
     * {@code x (1 + tanh(u)) / 2 = x sigmoid(2u)}, {@code u = sqrt(2/pi) (x + 0.044715 x^3)}: written with
     * {@code t = e^(-2|u|) <= 1}, so nothing overflows and {@code 1 + tanh(u)} never cancels.
     */
    GELU_TANH,
    /**
     * {@code a x > b ? x : log(1 + e^(a x)) / a}; a = beta, b = threshold. Written as
     * {@code (max(z, 0) + log1p(t)) / a}, {@code z = a x}, {@code t = e^(-|z|)}, with
     * {@code log1p(t) = 2 atanh(t / (2 + t))} by its series (no overflow, no cancellation).
     */
    SOFTPLUS;

    static final float GELU_BETA = 0.7978845608028654f;
    static final float GELU_KAPPA = 0.044715f;
    /** Beyond this, tanh(softplus(x)) is 1 in float; clamping keeps e^x (e^x + 2) finite. */
    static final float MISH_LIMIT = 20f;
    /** Taylor coefficients of atanh(s) / s in s^2, highest first; |s| <= 1/3 leaves an error below 2e-9. */
    static final float[] ATANH_Q = {1f / 15, 1f / 13, 1f / 11, 1f / 9, 1f / 7, 1f / 5, 1f / 3, 1f};
    private static final int GRAIN = 1 << 13;

    /** True when {@link #grad} takes the output y in place of the input x (sigmoid, tanh). */
    public boolean gradFromOutput() {
        return this == SIGMOID || this == TANH;
    }

    /** The function at x. */
    public float apply(float x, float a, float b, float c) {
        return switch (this) {
            case RELU -> Math.max(x, 0f);
            case LEAKY_RELU -> x > 0f ? x : x * a;
            case HARDTANH -> Math.min(Math.max(x, a), b);
            case HARDSIGMOID -> Math.min(Math.max(x + 3f, 0f), 6f) / 6f;
            case HARDSWISH -> x * Math.min(Math.max(x + 3f, 0f), 6f) / 6f;
            case THRESHOLD -> x <= a ? b : x;
            case SOFTSIGN -> x / (1f + Math.abs(x));
            case ELU -> x <= 0f ? SpecialMath.expm1(x * c) * a : x * b;
            case SIGMOID -> FastMath.sigmoid(x);
            case TANH -> FastMath.tanh(x);
            case SILU -> x / (1f + FastMath.exp(-x));
            case MISH -> {
                float e = FastMath.exp(Math.min(x, MISH_LIMIT));
                float n = e * (e + 2f);
                yield x * (n / (n + 2f));
            }
            case GELU -> x * SpecialMath.ndtr(x);
            case GELU_TANH -> {
                float u = GELU_BETA * (x + GELU_KAPPA * (x * x * x));
                float t = FastMath.exp(-2f * Math.abs(u));
                float r = 1f / (1f + t);
                yield x * (u >= 0f ? r : t * r);
            }
            case SOFTPLUS -> {
                float z = x * a;
                float t = FastMath.exp(-Math.abs(z));
                float s = t / (2f + t);
                float log1p = 2f * s * SpecialMath.horner(ATANH_Q, s * s);
                yield z > b ? x : (Math.max(z, 0f) + log1p) / a;
            }
        };
    }

    /**
     * {@code g} times the derivative at x; for the {@link #gradFromOutput()} functions the first
     * argument is the output y instead.
     */
    public float grad(float x, float g, float a, float b, float c) {
        return switch (this) {
            case RELU -> x <= 0f ? 0f : g;
            case LEAKY_RELU -> x > 0f ? g : g * a;
            case HARDTANH -> x <= a || x >= b ? 0f : g;
            case HARDSIGMOID -> x > -3f && x < 3f ? g / 6f : 0f;
            case HARDSWISH -> x < -3f ? 0f : x <= 3f ? g * (x / 3f + 0.5f) : g;
            case THRESHOLD -> x <= a ? 0f : g;
            case SOFTSIGN -> {
                float d = 1f + Math.abs(x);
                yield g / (d * d);
            }
            case ELU -> x <= 0f ? g * c * a * FastMath.exp(x * c) : g * b;
            case SIGMOID -> g * x * (1f - x);  // x holds y = sigmoid(input)
            case TANH -> g * (1f - x * x);      // x holds y = tanh(input)
            case SILU -> {
                float s = 1f / (1f + FastMath.exp(-x));
                yield g * (s * (1f + x * (1f - s)));
            }
            case MISH -> {
                // d/dx x tanh(sp) = tanh(sp) + x sigmoid(x) sech^2(sp), sech^2(sp) = 4 (n + 1) / (n + 2)^2
                float e = FastMath.exp(Math.min(x, MISH_LIMIT));
                float n = e * (e + 2f);
                float d = n + 2f;
                float s = e / (e + 1f);
                yield g * (n / d + x * s * (4f * (n + 1f) / (d * d)));
            }
            case GELU -> g * (SpecialMath.ndtr(x) + x * SpecialMath.normalPdf(x));
            case GELU_TANH -> {
                // s = sigmoid(2u), s (1 - s) = t / (1 + t)^2: d/dx = s + 2 x s (1 - s) u'(x),
                // u' = beta (1 + 3 kappa x^2)
                float x2 = x * x;
                float u = GELU_BETA * (x + GELU_KAPPA * (x2 * x));
                float t = FastMath.exp(-2f * Math.abs(u));
                float r = 1f / (1f + t);
                float s = u >= 0f ? r : t * r;
                float du = GELU_BETA * (1f + 3f * GELU_KAPPA * x2);
                yield g * (s + (x + x) * du * (t * r * r));
            }
            case SOFTPLUS -> {
                float z = x * a;
                float t = FastMath.exp(-Math.abs(z));
                float r = 1f / (1f + t);
                yield z > b ? g : g * (z >= 0f ? r : t * r);
            }
        };
    }

    /** {@code y[i] = f(x[i])} for i below n, in parallel. */
    public void forward(float[] x, float[] y, int n, float a, float b, float c) {
        if (this == GELU && VectorSupport.enabled()) {
            // two passes, so that each loop is compiled on its own (see ActivationVector.gaussians)
            Parallel.forRange(n, GRAIN, (from, to) -> ActivationVector.gaussians(x, y, from, to));
            Parallel.forRange(n, GRAIN, (from, to) -> ActivationVector.geluFromGaussians(x, y, from, to));
            return;
        }
        Parallel.forRange(n, GRAIN, (from, to) -> forwardRange(x, y, from, to, a, b, c));
    }

    /** {@code dx[i] = g[i] f'(x[i])} for i below n, in parallel (x holds the output if {@link #gradFromOutput()}). */
    public void backward(float[] x, float[] g, float[] dx, int n, float a, float b, float c) {
        if (this == GELU && VectorSupport.enabled()) {
            Parallel.forRange(n, GRAIN, (from, to) -> ActivationVector.gaussians(x, dx, from, to));
            Parallel.forRange(n, GRAIN, (from, to) -> ActivationVector.geluGradFromGaussians(x, g, dx, from, to));
            return;
        }
        Parallel.forRange(n, GRAIN, (from, to) -> backwardRange(x, g, dx, from, to, a, b, c));
    }

    /** {@code y[i] = f(x[i])} for i in {@code [from, to)}, on the calling thread. */
    public void forwardRange(float[] x, float[] y, int from, int to, float a, float b, float c) {
        if (VectorSupport.enabled()) {
            ActivationVector.forward(this, x, y, from, to, a, b, c);
        } else {
            for (int i = from; i < to; i++) y[i] = apply(x[i], a, b, c);
        }
    }

    /** {@code dx[i] = g[i] f'(x[i])} for i in {@code [from, to)}, on the calling thread. */
    public void backwardRange(float[] x, float[] g, float[] dx, int from, int to, float a, float b, float c) {
        if (VectorSupport.enabled()) {
            ActivationVector.backward(this, x, g, dx, from, to, a, b, c);
        } else {
            for (int i = from; i < to; i++) dx[i] = grad(x[i], g[i], a, b, c);
        }
    }
}
