package io.neurite.nn;

import io.neurite.kernels.SpecialMath;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import java.util.Objects;

/**
 * Weight initializers, as {@code torch.nn.init}: each fills a tensor in place (under no-grad, so it
 * works on parameters) and returns it. Random ones draw from the given {@link Generator}, or from
 * {@link Generator#defaultGenerator()} in the overloads without one.
 *
 * <pre>{@code
 * Init.kaimingNormal(conv.weight(), 0, Init.FanMode.FAN_OUT, Init.Nonlinearity.RELU);
 * Init.zeros(conv.bias());
 * }</pre>
 */
public final class Init {

    /** Which fan {@code kaiming*} scales by: FAN_IN keeps the forward pass' variance, FAN_OUT the backward's. */
    public enum FanMode { FAN_IN, FAN_OUT }

    /** The nonlinearities of {@link #calculateGain}, PyTorch's names in upper case. */
    public enum Nonlinearity {
        LINEAR, CONV1D, CONV2D, CONV3D, CONV_TRANSPOSE1D, CONV_TRANSPOSE2D, CONV_TRANSPOSE3D, SIGMOID, TANH, RELU,
        LEAKY_RELU, SELU
    }

    /** Fan-in {@code size(1) * receptive field} and fan-out {@code size(0) * receptive field} of a weight. */
    public record Fans(int fanIn, int fanOut) {}

    private Init() {}

    // ---------------------------------------------------------------- gains and fans

    /** {@link #calculateGain(Nonlinearity, double)} with LEAKY_RELU's default slope 0.01. */
    public static double calculateGain(Nonlinearity nonlinearity) {
        return calculateGain(nonlinearity, 0.01);
    }

    /**
     * The recommended gain for a nonlinearity: 1 for linear, convolutions and sigmoid, 5/3 for tanh,
     * sqrt(2) for ReLU, {@code sqrt(2 / (1 + slope^2))} for leaky ReLU ({@code param} = slope), 3/4 for
     * SELU.
     */
    public static double calculateGain(Nonlinearity nonlinearity, double param) {
        return switch (Objects.requireNonNull(nonlinearity, "nonlinearity")) {
            case LINEAR, CONV1D, CONV2D, CONV3D, CONV_TRANSPOSE1D, CONV_TRANSPOSE2D, CONV_TRANSPOSE3D, SIGMOID -> 1;
            case TANH -> 5.0 / 3;
            case RELU -> Math.sqrt(2.0);
            case LEAKY_RELU -> {
                if (!Double.isFinite(param)) {
                    throw new IllegalArgumentException("calculateGain: negative_slope " + param
                            + " not a valid number");
                }
                yield Math.sqrt(2.0 / (1 + param * param));
            }
            case SELU -> 3.0 / 4;
        };
    }

    /** The fans of a weight of at least 2 dimensions {@code [out, in, *kernel]}. */
    public static Fans fanInAndFanOut(Tensor tensor) {
        if (tensor.dim() < 2) {
            throw new IllegalArgumentException("fanInAndFanOut: fan in and fan out can not be computed for a tensor"
                    + " with fewer than 2 dimensions, got shape " + tensor.shape());
        }
        int receptive = 1;
        for (int d = 2; d < tensor.dim(); d++) receptive *= tensor.size(d);
        return new Fans(tensor.size(1) * receptive, tensor.size(0) * receptive);
    }

    // ---------------------------------------------------------------- fixed values

    public static Tensor constant(Tensor tensor, double value) {
        try (var scope = Autograd.noGrad()) {
            return tensor.fillInPlace((float) value);
        }
    }

    public static Tensor zeros(Tensor tensor) {
        return constant(tensor, 0);
    }

    public static Tensor ones(Tensor tensor) {
        return constant(tensor, 1);
    }

    /** The identity matrix (ones on the main diagonal) in a 2-D tensor. */
    public static Tensor eye(Tensor tensor) {
        if (tensor.dim() != 2) {
            throw new IllegalArgumentException("eye: only tensors with 2 dimensions are supported, got shape "
                    + tensor.shape());
        }
        try (var scope = Autograd.noGrad()) {
            return tensor.copyInPlace(Tensor.eye(tensor.size(0), tensor.size(1)));
        }
    }

    // ---------------------------------------------------------------- plain distributions

    /** Uniform in [0, 1). */
    public static Tensor uniform(Tensor tensor) {
        return uniform(tensor, 0, 1, Generator.defaultGenerator());
    }

    /** Uniform in [a, b). */
    public static Tensor uniform(Tensor tensor, double a, double b) {
        return uniform(tensor, a, b, Generator.defaultGenerator());
    }

    public static Tensor uniform(Tensor tensor, double a, double b, Generator generator) {
        try (var scope = Autograd.noGrad()) {
            return tensor.uniformInPlace((float) a, (float) b, generator);
        }
    }

    /** From N(0, 1). */
    public static Tensor normal(Tensor tensor) {
        return normal(tensor, 0, 1, Generator.defaultGenerator());
    }

    /** From N(mean, std^2). */
    public static Tensor normal(Tensor tensor, double mean, double std) {
        return normal(tensor, mean, std, Generator.defaultGenerator());
    }

    public static Tensor normal(Tensor tensor, double mean, double std, Generator generator) {
        try (var scope = Autograd.noGrad()) {
            return tensor.normalInPlace((float) mean, (float) std, generator);
        }
    }

    /** {@link #truncNormal(Tensor, double, double, double, double, Generator)} with mean 0, std 1, bounds [-2, 2]. */
    public static Tensor truncNormal(Tensor tensor) {
        return truncNormal(tensor, 0, 1, -2, 2, Generator.defaultGenerator());
    }

    public static Tensor truncNormal(Tensor tensor, double mean, double std, double a, double b) {
        return truncNormal(tensor, mean, std, a, b, Generator.defaultGenerator());
    }

    /**
     * From N(mean, std^2) restricted to [a, b], by inverse transform sampling as PyTorch: u uniform
     * between the CDF values of a and b (mapped to erf's range), then {@code mean + std sqrt(2) erfinv(u)},
     * clamped to [a, b] against rounding.
     */
    public static Tensor truncNormal(Tensor tensor, double mean, double std, double a, double b, Generator generator) {
        if (!(a < b) || !(std > 0)) {
            throw new IllegalArgumentException("truncNormal: expected a < b and std > 0, got a=" + a + ", b=" + b
                    + ", std=" + std);
        }
        double lo = 2 * normalCdf((a - mean) / std) - 1, hi = 2 * normalCdf((b - mean) / std) - 1;
        float[] u = Tensor.rand(generator, tensor.shape().dims()).toFloatArray();
        float[] out = new float[u.length];
        for (int i = 0; i < u.length; i++) {
            double v = SpecialMath.erfinv(lo + u[i] * (hi - lo)) * std * Math.sqrt(2) + mean;
            out[i] = (float) Math.min(Math.max(v, a), b);
        }
        try (var scope = Autograd.noGrad()) {
            return tensor.copyInPlace(Tensor.wrap(out, tensor.shape()));
        }
    }

    private static double normalCdf(double x) {
        return (1 + SpecialMath.erf(x / Math.sqrt(2))) / 2;
    }

    // ---------------------------------------------------------------- scaled by the fans

    /** {@link #xavierUniform(Tensor, double, Generator)} with gain 1. */
    public static Tensor xavierUniform(Tensor tensor) {
        return xavierUniform(tensor, 1, Generator.defaultGenerator());
    }

    public static Tensor xavierUniform(Tensor tensor, double gain) {
        return xavierUniform(tensor, gain, Generator.defaultGenerator());
    }

    /**
     * Glorot and Bengio, "Understanding the difficulty of training deep feedforward neural networks"
     * (2010): uniform in [-a, a], {@code a = gain sqrt(6 / (fan_in + fan_out))}.
     */
    public static Tensor xavierUniform(Tensor tensor, double gain, Generator generator) {
        double bound = Math.sqrt(3.0) * xavierStd("xavierUniform", tensor, gain);
        return uniform(tensor, -bound, bound, generator);
    }

    /** {@link #xavierNormal(Tensor, double, Generator)} with gain 1. */
    public static Tensor xavierNormal(Tensor tensor) {
        return xavierNormal(tensor, 1, Generator.defaultGenerator());
    }

    public static Tensor xavierNormal(Tensor tensor, double gain) {
        return xavierNormal(tensor, gain, Generator.defaultGenerator());
    }

    /** Glorot initialization from N(0, std^2), {@code std = gain sqrt(2 / (fan_in + fan_out))}. */
    public static Tensor xavierNormal(Tensor tensor, double gain, Generator generator) {
        return normal(tensor, 0, xavierStd("xavierNormal", tensor, gain), generator);
    }

    private static double xavierStd(String op, Tensor tensor, double gain) {
        Fans fans = fanInAndFanOut(tensor);
        if (fans.fanIn() + fans.fanOut() == 0) {
            throw new IllegalArgumentException(op + ": fan_in + fan_out is 0 for a tensor of shape " + tensor.shape());
        }
        return gain * Math.sqrt(2.0 / (fans.fanIn() + fans.fanOut()));
    }

    /** {@link #kaimingUniform(Tensor, double, FanMode, Nonlinearity, Generator)} with a = 0, FAN_IN, LEAKY_RELU. */
    public static Tensor kaimingUniform(Tensor tensor) {
        return kaimingUniform(tensor, 0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, Generator.defaultGenerator());
    }

    /** With FAN_IN and LEAKY_RELU of slope {@code a}: Linear's and Conv's default uses a = sqrt(5). */
    public static Tensor kaimingUniform(Tensor tensor, double a) {
        return kaimingUniform(tensor, a, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, Generator.defaultGenerator());
    }

    public static Tensor kaimingUniform(Tensor tensor, double a, FanMode mode, Nonlinearity nonlinearity) {
        return kaimingUniform(tensor, a, mode, nonlinearity, Generator.defaultGenerator());
    }

    /**
     * He et al., "Delving deep into rectifiers" (2015): uniform in [-bound, bound],
     * {@code bound = sqrt(3) gain / sqrt(fan)} with {@code gain = calculateGain(nonlinearity, a)}. An empty
     * tensor is left as is.
     */
    public static Tensor kaimingUniform(Tensor tensor, double a, FanMode mode, Nonlinearity nonlinearity,
                                        Generator generator) {
        if (tensor.numel() == 0) return tensor;
        double bound = Math.sqrt(3.0) * kaimingStd("kaimingUniform", tensor, a, mode, nonlinearity);
        return uniform(tensor, -bound, bound, generator);
    }

    /** {@link #kaimingNormal(Tensor, double, FanMode, Nonlinearity, Generator)} with a = 0, FAN_IN, LEAKY_RELU. */
    public static Tensor kaimingNormal(Tensor tensor) {
        return kaimingNormal(tensor, 0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, Generator.defaultGenerator());
    }

    /** With FAN_IN and LEAKY_RELU of slope {@code a}. */
    public static Tensor kaimingNormal(Tensor tensor, double a) {
        return kaimingNormal(tensor, a, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, Generator.defaultGenerator());
    }

    public static Tensor kaimingNormal(Tensor tensor, double a, FanMode mode, Nonlinearity nonlinearity) {
        return kaimingNormal(tensor, a, mode, nonlinearity, Generator.defaultGenerator());
    }

    /** He initialization from N(0, std^2), {@code std = gain / sqrt(fan)}. An empty tensor is left as is. */
    public static Tensor kaimingNormal(Tensor tensor, double a, FanMode mode, Nonlinearity nonlinearity,
                                       Generator generator) {
        if (tensor.numel() == 0) return tensor;
        return normal(tensor, 0, kaimingStd("kaimingNormal", tensor, a, mode, nonlinearity), generator);
    }

    private static double kaimingStd(String op, Tensor tensor, double a, FanMode mode, Nonlinearity nonlinearity) {
        Fans fans = fanInAndFanOut(tensor);
        int fan = Objects.requireNonNull(mode, "mode") == FanMode.FAN_IN ? fans.fanIn() : fans.fanOut();
        return calculateGain(nonlinearity, a) / Math.sqrt(fan);
    }

    // ---------------------------------------------------------------- orthogonal

    /** {@link #orthogonal(Tensor, double, Generator)} with gain 1. */
    public static Tensor orthogonal(Tensor tensor) {
        return orthogonal(tensor, 1, Generator.defaultGenerator());
    }

    public static Tensor orthogonal(Tensor tensor, double gain) {
        return orthogonal(tensor, gain, Generator.defaultGenerator());
    }

    /**
     * A (semi-)orthogonal matrix (Saxe et al., "Exact solutions to the nonlinear dynamics of learning in
     * deep linear neural networks", 2013), as PyTorch: the Q of the QR decomposition of a standard normal
     * {@code [rows, numel / rows]} matrix (transposed if wider than tall), its columns' signs fixed so R's
     * diagonal is positive, times {@code gain}. Rows (or columns, whichever are fewer) are orthonormal.
     */
    public static Tensor orthogonal(Tensor tensor, double gain, Generator generator) {
        if (tensor.dim() < 2) {
            throw new IllegalArgumentException("orthogonal: only tensors with 2 or more dimensions are supported, got"
                    + " shape " + tensor.shape());
        }
        if (tensor.numel() == 0) return tensor;
        int rows = tensor.size(0), cols = tensor.numel() / rows;
        float[] drawn = Tensor.randn(generator, rows, cols).toFloatArray();
        boolean wide = rows < cols;
        int m = wide ? cols : rows, n = wide ? rows : cols;
        double[] a = new double[m * n];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) a[wide ? j * n + i : i * n + j] = drawn[i * cols + j];
        }
        double[] q = Householder.orthonormalColumns(a, m, n);
        float[] out = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) out[i * cols + j] = (float) (gain * q[wide ? j * n + i : i * n + j]);
        }
        try (var scope = Autograd.noGrad()) {
            return tensor.copyInPlace(Tensor.wrap(out, tensor.shape()));
        }
    }
}
