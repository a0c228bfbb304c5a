package io.neurite.nn.functional;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.Arrays;

/**
 * N-dimensional convolution and transposed convolution (1-, 2- and 3-D) with their gradients, as
 * PyTorch's {@code F.conv1d/2d/3d} and {@code F.conv_transpose1d/2d}. Use them through {@code F}.
 *
 * <p>Convolution (a cross-correlation, as in every deep-learning framework):
 * {@code y[n, o, q] = bias[o] + sum_{c, k} w[o, c, k] x[n, g * C/G + c, q * stride - padBefore + k * dilation]}
 * over the {@code C/G} input channels of output channel o's group g. Transposed convolution is its
 * adjoint with respect to x (the gradient of a convolution's input), plus a bias.
 *
 * <p>Shapes (per spatial dimension; {@code pad = padBefore + padAfter}, 2p for symmetric padding):
 * <ul>
 *   <li>conv: input {@code [N, C, L...]}, weight {@code [O, C / groups, K...]}, output {@code [N, O, Q...]}
 *       with {@code Q = floor((L + pad - dilation * (K - 1) - 1) / stride) + 1};
 *   <li>transposed: input {@code [N, C, L...]}, weight {@code [C, O / groups, K...]}, output
 *       {@code [N, O, Q...]} with {@code Q = (L - 1) * stride - 2p + dilation * (K - 1) + outputPadding + 1}.
 * </ul>
 * An input without the batch dimension ({@code [C, L...]}) gives an output without it. The bias, when
 * not null, is {@code [O]}.
 */
public final class Convolution {

    private Convolution() {}

    /** A {@code dims}-D convolution (see the class comment); {@code bias} may be null. */
    public static Tensor conv(Tensor input, Tensor weight, Tensor bias, ConvOptions options, int dims) {
        String op = "conv" + dims + "d";
        checkRanks(op, input, weight, bias, dims, "[out_channels, in_channels / groups, " + kernelNames(dims) + "]");
        if (input.dim() == dims + 1) return conv(input.unsqueeze(0), weight, bias, options, dims).squeeze(0);
        int groups = options.groups();
        int outChannels = weight.size(0), perGroup = weight.size(1);
        if (outChannels % groups != 0) {
            throw new ShapeException(op + ": out_channels (weight dimension 0, " + outChannels
                    + ") must be divisible by groups=" + groups + ", got weight shape " + weight.shape(),
                    weight.shape());
        }
        if (input.size(1) != perGroup * groups) {
            throw new ShapeException(op + ": expected input with " + perGroup * groups + " channels (weight "
                    + weight.shape() + " with groups=" + groups + "), got input shape " + input.shape()
                    + "; hint: the input's dimension 1 holds the channels", input.shape(), weight.shape());
        }
        checkBias(op, bias, outChannels);
        int[] kernel = spatial(weight.shape(), dims);
        int[] stride = options.strideFor(dims), dilation = options.dilationFor(dims);
        if (options.isSame()) {
            for (int s : stride) {
                if (s != 1) {
                    throw new IllegalArgumentException(op + ": padding=\"same\" needs stride 1, got stride "
                            + Arrays.toString(stride) + "; hint: pass explicit padding for a strided convolution");
                }
            }
        }
        int[] before = options.padBeforeFor(kernel), after = options.padAfterFor(kernel);
        int[] in = spatial(input.shape(), dims);
        checkFits(op, input.shape(), in, kernel, dilation, before, after);
        int[] out = new int[dims];
        for (int d = 0; d < dims; d++) {
            out[d] = (in[d] + before[d] + after[d] - dilation[d] * (kernel[d] - 1) - 1) / stride[d] + 1;
        }
        ConvGeometry g = geometry(input.size(0), input.size(1), outChannels, groups, in, out, kernel, stride,
                before, dilation);
        float[] y = ConvKernels.forward(input.contiguousData(), weight.contiguousData(),
                bias == null ? null : bias.contiguousData(), g);
        Tensor output = Tensor.wrap(y, batched(input.size(0), outChannels, out));
        Tensor[] inputs = bias == null ? new Tensor[] {input, weight} : new Tensor[] {input, weight, bias};
        return Autograd.record(op, output, inputs, new Tensor[] {input, weight}, gy -> {
            float[] dy = gy.contiguousData();
            Tensor[] grads = new Tensor[inputs.length];
            if (input.requiresGrad()) {
                grads[0] = Tensor.wrap(ConvKernels.gradInput(dy, weight.contiguousData(), g), input.shape());
            }
            if (weight.requiresGrad()) {
                grads[1] = Tensor.wrap(ConvKernels.gradWeight(input.contiguousData(), dy, g), weight.shape());
            }
            if (bias != null && bias.requiresGrad()) {
                grads[2] = Tensor.wrap(ConvKernels.gradBias(dy, g.batch(), outChannels, g.outVolume()), bias.shape());
            }
            return grads;
        });
    }

    /** A {@code dims}-D transposed convolution (see the class comment); {@code bias} may be null. */
    public static Tensor convTranspose(Tensor input, Tensor weight, Tensor bias, ConvOptions options, int dims) {
        String op = "convTranspose" + dims + "d";
        checkRanks(op, input, weight, bias, dims, "[in_channels, out_channels / groups, " + kernelNames(dims) + "]");
        if (input.dim() == dims + 1) return convTranspose(input.unsqueeze(0), weight, bias, options, dims).squeeze(0);
        if (!options.isSymmetric()) {
            throw new IllegalArgumentException(op + ": expected padding as numbers, got " + options.paddingRepr(dims)
                    + "; hint: transposed convolutions take symmetric padding and outputPadding");
        }
        int groups = options.groups();
        int inChannels = weight.size(0), outChannels = weight.size(1) * groups;
        if (inChannels % groups != 0) {
            throw new ShapeException(op + ": in_channels (weight dimension 0, " + inChannels
                    + ") must be divisible by groups=" + groups + ", got weight shape " + weight.shape(),
                    weight.shape());
        }
        if (input.size(1) != inChannels) {
            throw new ShapeException(op + ": expected input with " + inChannels + " channels (weight "
                    + weight.shape() + "), got input shape " + input.shape()
                    + "; hint: the input's dimension 1 holds the channels", input.shape(), weight.shape());
        }
        checkBias(op, bias, outChannels);
        int[] kernel = spatial(weight.shape(), dims), in = spatial(input.shape(), dims);
        int[] stride = options.strideFor(dims), dilation = options.dilationFor(dims);
        int[] padding = options.padBeforeFor(kernel), outputPadding = options.outputPaddingFor(dims);
        int[] out = new int[dims];
        for (int d = 0; d < dims; d++) {
            if (outputPadding[d] >= stride[d] && outputPadding[d] >= dilation[d]) {
                throw new IllegalArgumentException(op + ": outputPadding must be smaller than stride or dilation, got "
                        + "outputPadding " + Arrays.toString(outputPadding) + ", stride " + Arrays.toString(stride)
                        + ", dilation " + Arrays.toString(dilation));
            }
            out[d] = (in[d] - 1) * stride[d] - 2 * padding[d] + dilation[d] * (kernel[d] - 1) + outputPadding[d] + 1;
            if (out[d] < 1) {
                throw new ShapeException(op + ": the output would have spatial size " + Arrays.toString(out)
                        + " for input shape " + input.shape() + ", kernel " + Arrays.toString(kernel) + ", stride "
                        + Arrays.toString(stride) + " and padding " + Arrays.toString(padding)
                        + "; hint: reduce the padding", input.shape(), weight.shape());
            }
        }
        // The convolution this is the adjoint of maps the output (its x) to the input (its y).
        ConvGeometry g = geometry(input.size(0), outChannels, inChannels, groups, out, in, kernel, stride, padding,
                dilation);
        float[] y = ConvKernels.gradInput(input.contiguousData(), weight.contiguousData(), g);
        if (bias != null) ConvKernels.addBias(y, bias.contiguousData(), 0, g.batch(), outChannels, g.inVolume());
        Tensor output = Tensor.wrap(y, batched(input.size(0), outChannels, out));
        Tensor[] inputs = bias == null ? new Tensor[] {input, weight} : new Tensor[] {input, weight, bias};
        return Autograd.record(op, output, inputs, new Tensor[] {input, weight}, gy -> {
            float[] dy = gy.contiguousData();
            Tensor[] grads = new Tensor[inputs.length];
            if (input.requiresGrad()) {
                grads[0] = Tensor.wrap(ConvKernels.forward(dy, weight.contiguousData(), null, g), input.shape());
            }
            if (weight.requiresGrad()) {
                grads[1] = Tensor.wrap(ConvKernels.gradWeight(dy, input.contiguousData(), g), weight.shape());
            }
            if (bias != null && bias.requiresGrad()) {
                grads[2] = Tensor.wrap(ConvKernels.gradBias(dy, g.batch(), outChannels, g.inVolume()), bias.shape());
            }
            return grads;
        });
    }

    /**
     * Fails unless every spatial dimension of the padded input holds the dilated kernel,
     * {@code dilation * (K - 1) + 1}. {@code who} names the caller in the message.
     */
    public static void checkFits(String who, Shape inputShape, int[] in, int[] kernel, int[] dilation, int[] before,
                                 int[] after) {
        int dims = kernel.length;
        int[] padded = new int[dims], dilated = new int[dims];
        boolean fits = true;
        for (int d = 0; d < dims; d++) {
            padded[d] = in[d] + before[d] + after[d];
            dilated[d] = dilation[d] * (kernel[d] - 1) + 1;
            fits &= padded[d] >= dilated[d];
        }
        if (!fits) {
            throw new ShapeException(who + ": the input's spatial size " + Arrays.toString(in) + " (padded "
                    + Arrays.toString(padded) + ") is smaller than the " + (Arrays.equals(kernel, dilated) ? ""
                    : "dilated ") + "kernel " + Arrays.toString(dilated) + ", got input shape " + inputShape
                    + "; hint: pad the input or use a smaller kernel or dilation", inputShape);
        }
    }

    // ---------------------------------------------------------------- checks and shapes

    private static void checkRanks(String op, Tensor input, Tensor weight, Tensor bias, int dims, String weightLayout) {
        for (Tensor t : bias == null ? new Tensor[] {input, weight} : new Tensor[] {input, weight, bias}) {
            if (!t.isFloat()) {
                throw new IllegalArgumentException(op + ": expected float32 tensors, got " + t.dtype()
                        + " of shape " + t.shape() + "; hint: convert with toFloat()");
            }
        }
        if (weight.dim() != dims + 2) {
            throw new ShapeException(op + ": expected a " + (dims + 2) + "-D weight " + weightLayout + ", got shape "
                    + weight.shape(), weight.shape());
        }
        if (input.dim() != dims + 1 && input.dim() != dims + 2) {
            throw new ShapeException(op + ": expected a " + (dims + 1) + "-D (unbatched) or " + (dims + 2)
                    + "-D (batched) input [N, C, " + kernelNames(dims).replace("k", "")
                    + "], got shape " + input.shape(), input.shape());
        }
    }

    private static void checkBias(String op, Tensor bias, int channels) {
        if (bias != null && (bias.dim() != 1 || bias.size(0) != channels)) {
            throw new ShapeException(op + ": expected a bias of shape [" + channels + "] (one per output channel), "
                    + "got shape " + bias.shape(), bias.shape());
        }
    }

    private static String kernelNames(int dims) {
        return switch (dims) {
            case 1 -> "kL";
            case 2 -> "kH, kW";
            default -> "kD, kH, kW";
        };
    }

    /** The last {@code dims} sizes of a shape. */
    private static int[] spatial(Shape shape, int dims) {
        int[] all = shape.dims();
        return Arrays.copyOfRange(all, all.length - dims, all.length);
    }

    private static Shape batched(int batch, int channels, int[] spatial) {
        int[] dims = new int[spatial.length + 2];
        dims[0] = batch;
        dims[1] = channels;
        System.arraycopy(spatial, 0, dims, 2, spatial.length);
        return Shape.of(dims);
    }

    private static ConvGeometry geometry(int batch, int inChannels, int outChannels, int groups, int[] in, int[] out,
                                         int[] kernel, int[] stride, int[] before, int[] dilation) {
        return new ConvGeometry(batch, inChannels, outChannels, groups, ConvGeometry.three(in, 1),
                ConvGeometry.three(out, 1), ConvGeometry.three(kernel, 1), ConvGeometry.three(stride, 1),
                ConvGeometry.three(before, 0), ConvGeometry.three(dilation, 1));
    }
}
