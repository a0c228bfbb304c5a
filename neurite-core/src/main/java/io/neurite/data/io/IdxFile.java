package io.neurite.data.io;

import java.util.Arrays;

/**
 * The content of an IDX file of unsigned bytes: its dimensions and its data in row-major order.
 *
 * @param dims the declared dimensions, e.g. {@code [60000, 28, 28]} for MNIST training images
 * @param data {@code prod(dims)} bytes, to be read as unsigned ({@code data[i] & 0xFF}); not copied
 */
public record IdxFile(int[] dims, byte[] data) {

    public IdxFile {
        dims = dims.clone();
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public String toString() {
        return "IdxFile(dims=" + Arrays.toString(dims) + ")";
    }
}
