package io.neurite.nn;

import io.neurite.nn.functional.ConvOptions;
import io.neurite.nn.functional.Convolution;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * What the convolution layers share (PyTorch's {@code _ConvNd}): the configuration, the parameters
 * {@code weight} and {@code bias}, their default initialization, the printed form and the input
 * checks. {@link Conv1d}, {@link Conv2d}, {@link Conv3d}, {@link ConvTranspose1d} and
 * {@link ConvTranspose2d} add only the call to {@link F}.
 */
public abstract class ConvNd extends Layer {

    private static final List<String> PADDING_MODES = List.of("zeros", "reflect", "replicate", "circular");

    private final int inChannels;
    private final int outChannels;
    private final int[] kernelSize;
    private final ConvOptions options;
    private final String paddingMode;
    private final boolean transposed;
    private final int dims;

    ConvNd(ConvBuilder<?> b, int dims) {
        String name = getClass().getSimpleName();
        this.dims = dims;
        this.inChannels = b.inChannels;
        this.outChannels = b.outChannels;
        this.transposed = b.transposed;
        this.options = b.options;
        this.paddingMode = b.paddingMode;
        this.kernelSize = perDim(name, b.kernelSize, dims);
        int groups = options.groups();
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException(name + ": expected in_channels and out_channels >= 1, got in_channels="
                    + inChannels + ", out_channels=" + outChannels);
        }
        if (inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException(name + ": in_channels and out_channels must be divisible by groups, got "
                    + "in_channels=" + inChannels + ", out_channels=" + outChannels + ", groups=" + groups);
        }
        if (!PADDING_MODES.contains(paddingMode)) {
            throw new IllegalArgumentException(name + ": expected padding_mode zeros, reflect, replicate or circular, "
                    + "got '" + paddingMode + "'");
        }
        options.strideFor(dims);
        options.dilationFor(dims);
        options.padBeforeFor(kernelSize);
        options.outputPaddingFor(dims);
        checkMode(name);
        int[] weightShape = new int[dims + 2];
        weightShape[0] = transposed ? inChannels : outChannels;
        weightShape[1] = (transposed ? outChannels : inChannels) / groups;
        System.arraycopy(kernelSize, 0, weightShape, 2, dims);
        registerParameter("weight", Tensor.zeros(weightShape));
        if (b.bias) registerParameter("bias", Tensor.zeros(outChannels));
        resetParameters();
    }

    private void checkMode(String name) {
        if (options.isSame()) {
            for (int s : options.strideFor(dims)) {
                if (s != 1) {
                    throw new IllegalArgumentException(name + ": padding='same' is not supported for strided "
                            + "convolutions, got stride " + ConvOptions.tuple(options.strideFor(dims)));
                }
            }
        }
        if (transposed) {
            if (!paddingMode.equals("zeros")) {
                throw new IllegalArgumentException(name + ": only padding_mode 'zeros' is supported, got '"
                        + paddingMode + "'");
            }
            if (!options.isSymmetric()) {
                throw new IllegalArgumentException(name + ": expected numeric padding, got padding="
                        + options.paddingRepr(dims));
            }
        } else if (Arrays.stream(options.outputPaddingFor(dims)).anyMatch(p -> p != 0)) {
            throw new IllegalArgumentException(name + ": output_padding applies to transposed convolutions only, got "
                    + ConvOptions.tuple(options.outputPaddingFor(dims)));
        }
    }

    /**
     * PyTorch's default: weight and bias uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]} (Kaiming
     * uniform with {@code a = sqrt(5)}), {@code fanIn = weight.size(1) * kernel elements}, from the
     * default generator.
     */
    public void resetParameters() {
        Tensor weight = weight();
        int fanIn = weight.size(1);
        for (int k : kernelSize) fanIn *= k;
        float bound = (float) (1 / Math.sqrt(fanIn));
        try (var scope = Autograd.noGrad()) {
            weight.uniformInPlace(-bound, bound);
            if (bias() != null) bias().uniformInPlace(-bound, bound);
        }
    }

    /** {@code [out, in / groups, k...]}, or {@code [in, out / groups, k...]} for a transposed layer. */
    public Tensor weight() {
        return parameter("weight");
    }

    /** {@code [out]}, or null when built with {@code bias(false)}. */
    public Tensor bias() {
        return parameter("bias");
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    public int[] kernelSize() {
        return kernelSize.clone();
    }

    /** The stride, padding, dilation, groups (and output padding) this layer passes to {@link F}. */
    public ConvOptions options() {
        return options;
    }

    public String paddingMode() {
        return paddingMode;
    }

    /** The convolution itself, with the layer's parameters: one call to {@link F}. */
    abstract Tensor convolve(Tensor input, ConvOptions options);

    @Override
    public Tensor forward(Tensor input) {
        requireRank(input, dims + 1, dims + 2);
        int channelDim = input.dim() - dims - 1;
        if (input.size(channelDim) != inChannels) {
            throw new ShapeException(this + ": expected input with " + inChannels + " channels, got shape "
                    + input.shape() + "; hint: in_channels must equal the input's dimension " + channelDim,
                    input.shape());
        }
        if (transposed) return convolve(input, options);
        int[] spatial = Arrays.copyOfRange(input.shape().dims(), channelDim + 1, input.dim());
        int[] before = options.padBeforeFor(kernelSize), after = options.padAfterFor(kernelSize);
        Convolution.checkFits(toString(), input.shape(), spatial, kernelSize, options.dilationFor(dims), before, after);
        if (paddingMode.equals("zeros")) return convolve(input, options);
        int[] pads = new int[2 * dims];
        for (int d = 0; d < dims; d++) {
            pads[2 * d] = before[dims - 1 - d];
            pads[2 * d + 1] = after[dims - 1 - d];
        }
        return convolve(F.pad(input, pads, paddingMode, 0f), options.padding(0));
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder().append(inChannels).append(", ").append(outChannels)
                .append(", kernel_size=").append(ConvOptions.tuple(kernelSize))
                .append(", stride=").append(ConvOptions.tuple(options.strideFor(dims)));
        int[] before = options.padBeforeFor(kernelSize), after = options.padAfterFor(kernelSize);
        if (!options.isSymmetric() || Arrays.stream(before).anyMatch(p -> p != 0)
                || Arrays.stream(after).anyMatch(p -> p != 0)) {
            s.append(", padding=").append(options.paddingRepr(dims));
        }
        if (Arrays.stream(options.dilationFor(dims)).anyMatch(d -> d != 1)) {
            s.append(", dilation=").append(ConvOptions.tuple(options.dilationFor(dims)));
        }
        if (transposed && Arrays.stream(options.outputPaddingFor(dims)).anyMatch(p -> p != 0)) {
            s.append(", output_padding=").append(ConvOptions.tuple(options.outputPaddingFor(dims)));
        }
        if (options.groups() != 1) s.append(", groups=").append(options.groups());
        if (bias() == null) s.append(", bias=False");
        if (!paddingMode.equals("zeros")) s.append(", padding_mode=").append(paddingMode);
        return s.toString();
    }

    /** The kernel size per spatial dimension from one value or one per dimension. */
    private static int[] perDim(String name, int[] values, int dims) {
        if (values.length == 1 && dims > 1) {
            int[] out = new int[dims];
            Arrays.fill(out, values[0]);
            values = out;
        }
        if (values.length != dims || Arrays.stream(values).anyMatch(v -> v < 1)) {
            throw new IllegalArgumentException(name + ": expected kernel_size as 1 or " + dims + " values >= 1, got "
                    + Arrays.toString(values));
        }
        return values.clone();
    }
}
