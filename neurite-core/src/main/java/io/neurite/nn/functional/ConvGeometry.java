package io.neurite.nn.functional;

/**
 * The sizes of one convolution, {@code y = conv(x, w)}, with the spatial dimensions right-aligned into
 * three (depth, height, width; a 2-D convolution has depth 1, a 1-D one also height 1), so one set of
 * kernels serves 1-, 2- and 3-D. A transposed convolution is described by the convolution it is the
 * adjoint of: its output is {@code x} here and its input is {@code y}.
 *
 * @param batch samples
 * @param inChannels channels of x
 * @param outChannels channels of y
 * @param groups channel groups (both channel counts are multiples of it)
 * @param in spatial size of x, 3 values
 * @param out spatial size of y, 3 values
 * @param kernel kernel size, 3 values
 * @param stride 3 values
 * @param padBefore padding before each dimension (the padding after only shows in {@code out}), 3 values
 * @param dilation 3 values
 */
record ConvGeometry(int batch, int inChannels, int outChannels, int groups, int[] in, int[] out, int[] kernel,
                    int[] stride, int[] padBefore, int[] dilation) {

    /** Spatial elements of one channel of x. */
    int inVolume() {
        return in[0] * in[1] * in[2];
    }

    /** Spatial elements of one channel of y. */
    int outVolume() {
        return out[0] * out[1] * out[2];
    }

    int kernelVolume() {
        return kernel[0] * kernel[1] * kernel[2];
    }

    int inPerGroup() {
        return inChannels / groups;
    }

    int outPerGroup() {
        return outChannels / groups;
    }

    /** Rows of the im2col matrix of one group: {@code inPerGroup * kernelVolume}. */
    int colRows() {
        return inPerGroup() * kernelVolume();
    }

    /** A 1x1 kernel with stride 1 and no padding: the im2col matrix is x itself. */
    boolean pointwise() {
        for (int d = 0; d < 3; d++) {
            if (kernel[d] != 1 || stride[d] != 1 || padBefore[d] != 0 || in[d] != out[d]) return false;
        }
        return true;
    }

    /** Right-aligns {@code values} (one per spatial dim) into three, filling with {@code fill}. */
    static int[] three(int[] values, int fill) {
        int[] out = {fill, fill, fill};
        System.arraycopy(values, 0, out, 3 - values.length, values.length);
        return out;
    }
}
