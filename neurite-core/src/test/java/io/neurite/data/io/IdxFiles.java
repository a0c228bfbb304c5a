package io.neurite.data.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds IDX file contents for tests. */
public final class IdxFiles {

    private IdxFiles() {}

    /** Header {@code 0 0 0x08 dims.length}, the sizes, then {@code data}. */
    public static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
        for (int d : dims) b.putInt(d);
        return b.put(data).array();
    }

    /** {@code n} images {@code h x w} whose pixel k of image i is {@code (i * 7 + k) % 256}. */
    public static byte[] images(int n, int h, int w) {
        byte[] data = new byte[n * h * w];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < h * w; k++) data[i * h * w + k] = (byte) ((i * 7 + k) % 256);
        }
        return idx(new int[] {n, h, w}, data);
    }

    /** A label file holding {@code labels}. */
    public static byte[] labels(int... labels) {
        byte[] data = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) data[i] = (byte) labels[i];
        return idx(new int[] {labels.length}, data);
    }

    public static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }
}
