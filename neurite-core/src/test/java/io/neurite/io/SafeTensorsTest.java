package io.neurite.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.data.io.CorruptFileException;
import io.neurite.tensor.DType;
import io.neurite.tensor.Tensor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference files: scripts/fixtures/gen_safetensors.py (the spec, literally), run with /usr/bin/python3. */
class SafeTensorsTest {

    /** sha256 of reference.safetensors as gen_safetensors.py printed it. */
    private static final String REFERENCE_SHA256 = "117bc358d3795a242b0da43c7fee7e12878e371c8400172d1ac80f4528d16cdf";

    @TempDir
    Path dir;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SafeTensorsTest.class.getClassLoader().getResource("fixtures/" + name).toURI());
    }

    /** The tensors of reference.safetensors, as gen_safetensors.py's FIXTURES lists them. */
    private static Map<String, Tensor> referenceTensors() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("linear.weight", Tensor.of(new float[] {0.5f, -1.25f, 3f, 1e-7f, -0f, 65504f}, 2, 3));
        m.put("linear.bias", Tensor.of(new float[] {0.1f, -0.2f}, 2));
        m.put("scale", Tensor.scalar(2.5f));
        m.put("empty", Tensor.zeros(0, 3));
        m.put("bn.num_batches_tracked", Tensor.ofInts(new int[] {7}));
        m.put("labels", Tensor.ofInts(new int[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}, 2, 2));
        return m;
    }

    private static Map<String, String> referenceMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "pt");
        m.put("note", "Neurite fixture é");
        return m;
    }

    private static void assertSameTensor(Tensor expected, Tensor actual, String name) {
        assertEquals(expected.shape(), actual.shape(), name);
        assertEquals(expected.dtype(), actual.dtype(), name);
        if (expected.isFloat()) assertArrayEquals(expected.toFloatArray(), actual.toFloatArray(), 0f, name);
        else assertArrayEquals(expected.toIntArray(), actual.toIntArray(), name);
    }

    @Test
    void readsTheReferenceFile() throws Exception {
        SafeTensors.Contents c = SafeTensors.read(fixture("reference.safetensors"));
        assertEquals(List.of("empty", "linear.bias", "linear.weight", "scale", "bn.num_batches_tracked", "labels"),
                List.copyOf(c.tensors().keySet()));
        referenceTensors().forEach((name, t) -> assertSameTensor(t, c.tensors().get(name), name));
        assertEquals(0, c.tensors().get("scale").dim());
        float negativeZero = c.tensors().get("linear.weight").toFloatArray()[4];
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(negativeZero));
        assertEquals(referenceMetadata(), c.metadata());
    }

    @Test
    void writesTheReferenceFileByteForByte() throws Exception {
        Path out = dir.resolve("java.safetensors");
        SafeTensors.write(out, referenceTensors(), referenceMetadata());
        byte[] bytes = Files.readAllBytes(out);
        assertArrayEquals(Files.readAllBytes(fixture("reference.safetensors")), bytes);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(REFERENCE_SHA256, sha);
        assertEquals(0, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong() % 8, "header padded to 8");
    }

    @Test
    void convertsOtherDtypesToFloat32AndInt32() throws Exception {
        Map<String, Tensor> t = SafeTensors.read(fixture("reference_dtypes.safetensors")).tensors();
        assertSameTensor(Tensor.of(new float[] {0.1f, -2.5f, 1e30f}, 3), t.get("f64"), "f64");
        assertSameTensor(Tensor.ofInts(new int[] {-5, Integer.MAX_VALUE}, 2), t.get("i64"), "i64");
        assertSameTensor(Tensor.of(new float[] {1f, -0.5f, 65504f, 0.0009765625f}, 2, 2), t.get("f16"), "f16");
        assertSameTensor(Tensor.of(new float[] {1f, -3f}, 2), t.get("bf16"), "bf16");
        assertSameTensor(Tensor.ofInts(new int[] {-300}, 1), t.get("i16"), "i16");
        assertSameTensor(Tensor.ofInts(new int[] {-128, 127}, 2), t.get("i8"), "i8");
        assertSameTensor(Tensor.ofInts(new int[] {0, 255}, 2), t.get("u8"), "u8");
        assertSameTensor(Tensor.ofInts(new int[] {1, 0, 1}, 3), t.get("bool"), "bool");
    }

    @Test
    void roundTripsShapesDtypesAndViews() throws Exception {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("scalar", Tensor.scalar(-3.5f));
        m.put("int.scalar", Tensor.ofInts(new int[] {42}));
        m.put("empty1d", Tensor.zeros(0));
        m.put("empty.int", Tensor.ofInts(new int[0], 2, 0));
        m.put("one", Tensor.of(new float[] {Float.NaN}, 1));
        float[] data = new float[24];
        for (int i = 0; i < data.length; i++) data[i] = i * 0.5f - 3f;
        m.put("cube", Tensor.of(data, 2, 3, 4));
        m.put("transposed", Tensor.of(data, 4, 6).t());
        m.put("strided", Tensor.of(data, 24).slice(0, 1, 24, 5));
        m.put("extremes", Tensor.of(new float[] {Float.MAX_VALUE, -Float.MIN_VALUE, Float.POSITIVE_INFINITY}, 3));
        m.put("名前.ü", Tensor.ofInts(new int[] {1, 2, 3}, 3, 1));
        float[] big = new float[50_003];
        int[] bigInts = new int[50_003];
        for (int i = 0; i < big.length; i++) {
            big[i] = i * 1e-3f - 7f;
            bigInts[i] = i * 31 - 1000;
        }
        m.put("big", Tensor.of(big, 50_003));
        m.put("big.ints", Tensor.ofInts(bigInts, 1, 50_003));
        Path file = dir.resolve("all.safetensors");
        SafeTensors.write(file, m);
        SafeTensors.Contents c = SafeTensors.read(file);
        assertEquals(m.keySet(), c.tensors().keySet());
        m.forEach((name, t) -> assertSameTensor(t, c.tensors().get(name), name));
        assertEquals(DType.INT32, c.tensors().get("int.scalar").dtype());
        assertEquals(Map.of(), c.metadata());
    }

    @Test
    void writesAnEmptyFile() throws Exception {
        Path file = dir.resolve("none.safetensors");
        SafeTensors.write(file, Map.of());
        assertEquals("{}      ", new String(Files.readAllBytes(file), 8, 8, StandardCharsets.UTF_8));
        assertEquals(Map.of(), SafeTensors.read(file).tensors());
    }

    // ---------------------------------------------------------------- corrupt files

    /** A file with the given header text (padded) and data bytes. */
    private Path file(String header, int dataBytes) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        Path p = dir.resolve("bad.safetensors");
        Files.write(p, b.array());
        return p;
    }

    private CorruptFileException refused(Path p, long offset, String reason) {
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> SafeTensors.read(p));
        assertEquals(offset, e.offset(), e.getMessage());
        assertEquals(p, e.path());
        assertTrue(e.getMessage().startsWith(p + ": at byte offset " + offset + ", "), e.getMessage());
        assertTrue(e.reason().contains(reason), e.reason());
        return e;
    }

    private static final String TWO = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"b\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[8,12]}}";

    @Test
    void refusesATruncatedBuffer() throws Exception {
        Path p = file(TWO, 12);
        SafeTensors.read(p);
        byte[] all = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(all, all.length - 3));
        refused(p, 8 + TWO.length() + 9,
                "the tensors need 12 bytes of data but the file has 9 after the header (truncated?)");
    }

    @Test
    void refusesAHeaderLengthLargerThanTheFile() throws Exception {
        Path p = file(TWO, 12);
        byte[] all = Files.readAllBytes(p);
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        Files.write(p, all);
        refused(p, 0, "header length 1099511627776 exceeds the " + (all.length - 8) + " bytes after it");
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1L);
        Files.write(p, all);
        refused(p, 0, "header length 18446744073709551615 exceeds");
        Files.write(p, new byte[] {1, 2, 3});
        refused(p, 0, "the file has 3 bytes; a safetensors file starts with an 8-byte header length");
    }

    @Test
    void refusesBadJson() throws Exception {
        refused(file("{\"a\":{\"dtype\":\"F32\",,}}", 0), 8 + 20, "the header is not valid JSON");
        refused(file("[1,2,3]", 0), 8, "the header must start with '{'");
        refused(file("{\"a\":1}", 0), 8, "tensor 'a': entry is not an object");
        refused(file("{\"__metadata__\":{\"k\":1}}", 0), 8, "__metadata__ value of 'k' must be a string");
        Path p = file("{\"x\":1}", 0);
        byte[] all = Files.readAllBytes(p);
        all[10] = (byte) 0xC3;
        Files.write(p, all);
        refused(p, 8, "the header is not valid UTF-8");
    }

    @Test
    void refusesOverlappingOffsetsAndHoles() throws Exception {
        String overlap = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        refused(file(overlap, 12), 8 + overlap.length() + 4,
                "tensor 'b' data_offsets [4, 12] overlap tensor 'a' [0, 8]");
        String hole = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        refused(file(hole, 8), 8 + hole.length(), "bytes 0 to 4 of the data belong to no tensor");
        String tail = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        refused(file(tail, 8), 8 + tail.length() + 4, "4 bytes after the last tensor belong to no tensor");
    }

    @Test
    void refusesASizeThatDoesNotMatchTheShape() throws Exception {
        refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8), 8,
                "tensor 'a': data_offsets [0, 8] span 8 bytes but shape [3] of F32 needs 12");
        refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,8]}}", 8), 8,
                "has more than 2147483647 elements");
        refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,8]}}", 8), 8,
                "must hold sizes between 0 and");
        refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,4]}}", 8), 8,
                "must satisfy 0 <= begin <= end");
        refused(file("{\"a\":{\"dtype\":\"U16\",\"shape\":[1],\"data_offsets\":[0,2]}}", 8), 8,
                "tensor 'a': dtype U16 is not supported; Neurite reads [F32, I32, F64");
    }

    @Test
    void refusesValuesFloat32OrInt32CannotHold() throws Exception {
        String header = "{\"a\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]}}";
        Path p = file(header, 16);
        byte[] all = Files.readAllBytes(p);
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putLong(8 + header.length() + 8, 1L << 40);
        Files.write(p, all);
        refused(p, 8 + header.length() + 8, "tensor 'a': I64 element 1 = 1099511627776 does not fit int32");
        header = "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}";
        p = file(header, 8);
        all = Files.readAllBytes(p);
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putDouble(8 + header.length(), 1e300);
        Files.write(p, all);
        refused(p, 8 + header.length(), "F64 element 0 = 1.0E300 is outside float32's range");
    }

    // ---------------------------------------------------------------- atomic writes

    private List<Path> listDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws Exception {
        Path file = dir.resolve("w.safetensors");
        SafeTensors.write(file, Map.of("w", Tensor.of(new float[] {1, 2}, 2)));
        byte[] before = Files.readAllBytes(file);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, ch -> {
            ch.write(ByteBuffer.wrap(new byte[] {9, 9, 9}));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), listDir(), "no temporary file left behind");
        assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.write(file, Map.of("__metadata__", Tensor.scalar(1f))));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aFailedRenameLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("taken");
        Files.createDirectories(target.resolve("inside"));
        assertThrows(IOException.class, () -> SafeTensors.write(target, Map.of("w", Tensor.scalar(1f))));
        assertEquals(List.of(target), listDir());
        assertTrue(Files.isDirectory(target.resolve("inside")));
    }
}
