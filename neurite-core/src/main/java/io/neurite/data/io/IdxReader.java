package io.neurite.data.io;

import io.neurite.tensor.Tensor;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST, Fashion-MNIST and their family, raw or gzip-compressed
 * (detected by the gzip magic {@code 0x1f8b}, whatever the file name).
 *
 * <p>Format (big-endian): a magic number {@code 0x00 0x00 type ndims}, then {@code ndims} 32-bit
 * sizes, then {@code prod(sizes)} values in row-major order. Only unsigned bytes (type {@code 0x08})
 * are read: labels are {@code 0x00000801} ({@code [N]}), images {@code 0x00000803} ({@code [N, H, W]}).
 *
 * <p>Every file is checked before anything is allocated from its header: the declared data size must
 * fit in the file (for gzip, in the most a deflate stream of that size can expand to, 1032:1), and the
 * data buffer grows with the bytes actually read, never to a size only the header claims. A truncated,
 * over-long or corrupt file is refused with a {@link CorruptFileException} naming the path, the byte
 * offset (in the decompressed data for gzip) and the reason.
 *
 * <pre>{@code
 * Tensor images = IdxReader.readImages(Path.of("train-images-idx3-ubyte.gz"));   // [60000, 1, 28, 28] in [0, 1]
 * Tensor labels = IdxReader.readLabels(Path.of("train-labels-idx1-ubyte.gz"), 10); // int32 [60000]
 * }</pre>
 */
public final class IdxReader {

    /** Magic number of a label file: unsigned bytes, one dimension. */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Magic number of an image file: unsigned bytes, three dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;

    /** The largest expansion of a deflate stream (a run of one byte): 1032 output bytes per input byte. */
    private static final long MAX_DEFLATE_RATIO = 1032;
    private static final int MAX_DIMS = 8;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int FIRST_CHUNK = 1 << 20;

    private IdxReader() {}

    /** The dimensions and bytes of an IDX file of unsigned bytes (raw or gzip). */
    public static IdxFile read(Path path) throws IOException {
        long fileSize = Files.size(path);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            return read(in, path, fileSize);
        }
    }

    /** As {@link #read(Path)} for content already in memory (a resource); {@code name} appears in errors. */
    public static IdxFile read(byte[] content, Path name) throws IOException {
        return read(new ByteArrayInputStream(content), name, content.length);
    }

    /** Images {@code [N, 1, H, W]} as float32 in [0, 1] (byte / 255), from an image file (magic 0x803). */
    public static Tensor readImages(Path path) throws IOException {
        return imagesTensor(requireMagic(read(path), IMAGES_MAGIC, path));
    }

    /** Labels {@code [N]} as int32 from a label file (magic 0x801), each checked to be below {@code numClasses}. */
    public static Tensor readLabels(Path path, int numClasses) throws IOException {
        return labelsTensor(requireMagic(read(path), LABELS_MAGIC, path), numClasses, path);
    }

    /** Checks that {@code file} has the dimension count of {@code magic} (0x801 or 0x803); returns it. */
    public static IdxFile requireMagic(IdxFile file, int magic, Path path) throws CorruptFileException {
        int ndims = magic & 0xFF;
        if (file.dims().length != ndims) {
            String want = magic == IMAGES_MAGIC ? "an image file" : "a label file";
            int n = file.dims().length;
            String got = n == 1 ? " (a label file?)" : n == 3 ? " (an image file?)" : "";
            throw new CorruptFileException(path, 3, String.format(
                    "expected %s (magic 0x%08x, %d dimension%s) but the file has magic 0x%08x with %d dimension%s%s",
                    want, magic, ndims, ndims == 1 ? "" : "s", 0x800 | file.dims().length,
                    file.dims().length, file.dims().length == 1 ? "" : "s", got));
        }
        return file;
    }

    /** {@code [N, H, W]} unsigned bytes to float32 {@code [N, 1, H, W]} scaled by 1/255. */
    public static Tensor imagesTensor(IdxFile file) {
        int[] d = file.dims();
        byte[] bytes = file.data();
        float[] values = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) values[i] = (bytes[i] & 0xFF) / 255f;
        return Tensor.wrap(values, io.neurite.tensor.Shape.of(d[0], 1, d[1], d[2]));
    }

    /** {@code [N]} unsigned bytes to int32 labels, refusing any label {@code >= numClasses}. */
    public static Tensor labelsTensor(IdxFile file, int numClasses, Path path) throws CorruptFileException {
        byte[] bytes = file.data();
        int[] labels = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            labels[i] = bytes[i] & 0xFF;
            if (labels[i] >= numClasses) {
                throw new CorruptFileException(path, 8L + i, "label " + i + " is " + labels[i]
                        + " but the dataset has " + numClasses + " classes (0.." + (numClasses - 1) + ")");
            }
        }
        return Tensor.ofInts(labels, labels.length);
    }

    private static IdxFile read(InputStream raw, Path path, long storedSize) throws IOException {
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        long limit = gzip ? storedSize * MAX_DEFLATE_RATIO : storedSize;
        String where = gzip ? " (decompressed)" : "";
        InputStream in;
        try {
            in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        } catch (ZipException | java.io.EOFException e) {
            throw new CorruptFileException(path, 0, "the gzip header is corrupt or truncated (" + e.getMessage() + ")");
        }
        byte[] magic = readHeader(in, 4, 0, path, "the 4-byte magic number");
        int type = magic[2] & 0xFF;
        int ndims = magic[3] & 0xFF;
        if (magic[0] != 0 || magic[1] != 0) {
            throw new CorruptFileException(path, 0, String.format("bad magic number 0x%02x%02x%02x%02x: an IDX file"
                    + " starts with two zero bytes (0x00000801 for labels, 0x00000803 for images);"
                    + " is this an IDX file?",
                    magic[0], magic[1], magic[2], magic[3]));
        }
        if (type != 0x08) {
            throw new CorruptFileException(path, 2, String.format("data type 0x%02x is not supported: MNIST-family"
                    + " files hold unsigned bytes (type 0x08)", type));
        }
        if (ndims < 1 || ndims > MAX_DIMS) {
            throw new CorruptFileException(path, 3, "dimension count " + ndims + " is not in 1.." + MAX_DIMS);
        }
        byte[] sizes = readHeader(in, 4 * ndims, 4, path, "the " + ndims + " dimension sizes");
        int header = 4 + 4 * ndims;
        long[] declaredDims = new long[ndims];
        int[] dims = new int[ndims];
        long declared = 1;
        for (int i = 0; i < ndims; i++) {
            long d = ((sizes[4 * i] & 0xFFL) << 24) | ((sizes[4 * i + 1] & 0xFF) << 16)
                    | ((sizes[4 * i + 2] & 0xFF) << 8) | (sizes[4 * i + 3] & 0xFF);
            declaredDims[i] = d;
            dims[i] = (int) Math.min(d, Integer.MAX_VALUE);
            declared = d != 0 && declared > Long.MAX_VALUE / d ? Long.MAX_VALUE : declared * d;
        }
        long room = limit - header;
        if (declared > room || declared > MAX_ARRAY) {
            String bound = declared > MAX_ARRAY ? "more than one Java array can hold"
                    : gzip ? "more than a gzip file of " + storedSize + " bytes can decompress to (" + room + ")"
                    : "but only " + room + " bytes follow the header";
            throw new CorruptFileException(path, 4, "the header declares dimensions " + Arrays.toString(declaredDims)
                    + " = " + declared + " data bytes, " + bound + "; the file is truncated or its header corrupt");
        }
        byte[] data = readData(in, (int) declared, header, path, where);
        if (readByte(in, path, header + declared) != -1) {
            throw new CorruptFileException(path, header + declared, "the file" + where + " continues past the "
                    + declared + " data bytes its dimensions " + Arrays.toString(dims) + " declare");
        }
        return new IdxFile(dims, data);
    }

    private static byte[] readHeader(InputStream in, int n, long offset, Path path, String what) throws IOException {
        byte[] buf = new byte[n];
        int got = fill(in, buf, 0, n, path, offset);
        if (got < n) {
            throw new CorruptFileException(path, offset + got, "the file ends inside " + what + " (truncated)");
        }
        return buf;
    }

    /** Reads {@code size} bytes into a buffer that grows with what was read (at most doubling). */
    private static byte[] readData(InputStream in, int size, long offset, Path path, String where) throws IOException {
        byte[] buf = new byte[Math.min(size, FIRST_CHUNK)];
        int filled = 0;
        while (true) {
            int got = fill(in, buf, filled, buf.length - filled, path, offset + filled);
            filled += got;
            if (filled < buf.length) {
                throw new CorruptFileException(path, offset + filled, "the file" + where + " ends after " + filled
                        + " of the " + size + " data bytes its header declares (truncated; download it again)");
            }
            if (filled == size) return buf;
            buf = Arrays.copyOf(buf, (int) Math.min(size, 2L * buf.length));
        }
    }

    private static int fill(InputStream in, byte[] buf, int from, int n, Path path, long offset) throws IOException {
        int total = 0;
        try {
            while (total < n) {
                int r = in.read(buf, from + total, n - total);
                if (r < 0) break;
                total += r;
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new CorruptFileException(path, offset + total, "the gzip stream is corrupt or truncated ("
                    + e.getMessage() + ")");
        }
        return total;
    }

    private static int readByte(InputStream in, Path path, long offset) throws IOException {
        byte[] one = new byte[1];
        return fill(in, one, 0, 1, path, offset) == 1 ? one[0] & 0xFF : -1;
    }
}
