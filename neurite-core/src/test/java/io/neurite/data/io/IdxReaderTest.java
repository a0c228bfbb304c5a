package io.neurite.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.DType;
import io.neurite.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void readsRawImagesScaledToUnitRange() throws IOException {
        Tensor images = IdxReader.readImages(write("img", IdxFiles.images(3, 2, 4)));
        assertArrayEquals(new int[] {3, 1, 2, 4}, images.shape().dims());
        float[] v = images.toFloatArray();
        assertEquals(0f, v[0]);
        assertEquals(5 / 255f, v[5]);
        assertEquals((2 * 7 + 3) / 255f, v[2 * 8 + 3]);
    }

    @Test
    void readsGzipWhateverTheName() throws IOException {
        byte[] raw = IdxFiles.images(5, 3, 3);
        Tensor plain = IdxReader.readImages(write("plain.gz", raw));
        Tensor gz = IdxReader.readImages(write("compressed", IdxFiles.gzip(raw)));
        assertArrayEquals(plain.toFloatArray(), gz.toFloatArray());
    }

    @Test
    void readsLabelsAsInts() throws IOException {
        Tensor labels = IdxReader.readLabels(write("lab.gz", IdxFiles.gzip(IdxFiles.labels(3, 0, 9, 255))), 256);
        assertEquals(DType.INT32, labels.dtype());
        assertArrayEquals(new int[] {3, 0, 9, 255}, labels.toIntArray());
    }

    @Test
    void readsRawBytesAndDims() throws IOException {
        byte[] data = {1, 2, 3, 4, 5, (byte) 200};
        IdxFile f = IdxReader.read(write("raw", IdxFiles.idx(new int[] {2, 3}, data)));
        assertArrayEquals(new int[] {2, 3}, f.dims());
        assertEquals(200, f.data()[5] & 0xFF);
    }

    @Test
    void labelOutOfRangeNamesItsOffset() throws IOException {
        Path p = write("lab", IdxFiles.labels(1, 2, 10, 3));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> IdxReader.readLabels(p, 10));
        assertEquals(10, e.offset());
        assertEquals(p, e.path());
        assertTrue(e.getMessage().contains("label 2 is 10 but the dataset has 10 classes"), e.getMessage());
    }

    @Test
    void truncatedRawFileRefusedWithOffset() throws IOException {
        byte[] full = IdxFiles.images(4, 5, 5);
        Path p = write("cut", Arrays.copyOf(full, full.length - 30));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> IdxReader.read(p));
        assertEquals(4, e.offset());
        assertTrue(e.getMessage().contains("declares dimensions [4, 5, 5] = 100 data bytes, but only 70 bytes follow"),
                e.getMessage());
    }

    @Test
    void truncatedGzipRefusedWithDecompressedOffset() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(4, 5, 5));
        // The deflate stream cut short: the reader sees EOF inside the data.
        Path p = write("cut.gz", Arrays.copyOf(gz, gz.length - 8 - 20));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> IdxReader.read(p));
        assertTrue(e.offset() >= 16 && e.offset() < 116, "offset " + e.offset());
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
    }

    @Test
    void gzipHeaderCutShortRefused() throws IOException {
        Path p = write("head.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> IdxReader.read(p));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("the gzip header is corrupt or truncated"), e.getMessage());
    }

    @Test
    void gzipWhoseDataEndsEarlyIsTruncated() throws IOException {
        byte[] full = IdxFiles.images(4, 5, 5);
        Path p = write("short.gz", IdxFiles.gzip(Arrays.copyOf(full, 16 + 60)));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> IdxReader.read(p));
        assertEquals(76, e.offset());
        assertTrue(e.getMessage().contains("(decompressed) ends after 60 of the 100 data bytes"), e.getMessage());
    }

    @Test
    void trailingBytesRefused() throws IOException {
        byte[] full = IdxFiles.labels(1, 2, 3);
        Path p = write("long", Arrays.copyOf(full, full.length + 2));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> IdxReader.read(p));
        assertEquals(11, e.offset());
        assertTrue(e.getMessage().contains("continues past the 3 data bytes"), e.getMessage());
    }

    @Test
    void badMagicRefused() throws IOException {
        byte[] content = IdxFiles.labels(1, 2);
        content[0] = 0x50;
        Path p = write("bad", content);
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> IdxReader.read(p));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("bad magic number 0x50000801"), e.getMessage());
    }

    @Test
    void unsupportedTypeAndDimensionCountRefused() throws IOException {
        byte[] floats = IdxFiles.labels(1, 2);
        floats[2] = 0x0D;
        CorruptFileException t = assertThrows(CorruptFileException.class, () -> IdxReader.read(write("f", floats)));
        assertEquals(2, t.offset());
        assertTrue(t.getMessage().contains("data type 0x0d is not supported"), t.getMessage());
        byte[] zeroDims = {0, 0, 8, 0};
        CorruptFileException z = assertThrows(CorruptFileException.class, () -> IdxReader.read(write("z", zeroDims)));
        assertEquals(3, z.offset());
    }

    @Test
    void imageFileExpectedButLabelsGiven() throws IOException {
        Path p = write("lab", IdxFiles.labels(1, 2));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> IdxReader.readImages(p));
        assertTrue(e.getMessage().contains("expected an image file (magic 0x00000803, 3 dimensions) but the file has"
                + " magic 0x00000801 with 1 dimension (a label file?)"), e.getMessage());
    }

    @Test
    void headerEndingEarlyRefused() throws IOException {
        CorruptFileException e = assertThrows(CorruptFileException.class,
                () -> IdxReader.read(write("h", new byte[] {0, 0, 8, 3, 0, 0, 0, 9, 0})));
        assertEquals(9, e.offset());
        assertTrue(e.getMessage().contains("ends inside the 3 dimension sizes"), e.getMessage());
    }

    /** A 20-byte file claiming 2^31-1 x 2^31-1 x 2^31-1 images: refused from the header alone. */
    @Test
    void hugeDeclaredDimensionsRefusedWithoutAllocating() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(20).put(new byte[] {0, 0, 8, 3});
        b.putInt(Integer.MAX_VALUE).putInt(Integer.MAX_VALUE).putInt(Integer.MAX_VALUE);
        Path raw = write("huge", b.array());
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> IdxReader.read(raw));
        assertEquals(4, e.offset());
        assertTrue(e.getMessage().contains("more than one Java array can hold"), e.getMessage());
        // 60000 x 28 x 28 declared by a tiny gzip file: more than 1032 bytes per compressed byte.
        ByteBuffer h = ByteBuffer.allocate(16).put(new byte[] {0, 0, 8, 3}).putInt(60000).putInt(28).putInt(28);
        Path gz = write("huge.gz", IdxFiles.gzip(h.array()));
        CorruptFileException g = assertThrows(CorruptFileException.class, () -> IdxReader.read(gz));
        assertTrue(g.getMessage().contains("47040000 data bytes, more than a gzip file of"), g.getMessage());
        // Within the gzip bound but the data is missing: refused as truncated, before the buffer grows past 1 MiB.
        ByteBuffer m = ByteBuffer.allocate(16).put(new byte[] {0, 0, 8, 3}).putInt(1000).putInt(100).putInt(100);
        byte[] padded = Arrays.copyOf(m.array(), 16 + 50_000);
        new java.util.Random(1).nextBytes(padded);
        System.arraycopy(m.array(), 0, padded, 0, 16);
        Path partial = write("partial.gz", IdxFiles.gzip(padded));
        CorruptFileException p = assertThrows(CorruptFileException.class, () -> IdxReader.read(partial));
        assertEquals(16 + 50_000, p.offset());
    }

    @Test
    void readsFromMemoryWithNameInErrors() throws IOException {
        IdxFile f = IdxReader.read(IdxFiles.gzip(IdxFiles.labels(4, 5)), Path.of("res/labels.gz"));
        assertArrayEquals(new int[] {2}, f.dims());
        CorruptFileException e = assertThrows(CorruptFileException.class,
                () -> IdxReader.read(new byte[] {0, 0}, Path.of("res/x")));
        assertTrue(e.getMessage().startsWith("res/x: at byte offset 2, the file ends inside the 4-byte magic"),
                e.getMessage());
    }
}
