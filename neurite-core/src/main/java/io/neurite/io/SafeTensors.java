package io.neurite.io;

import io.neurite.data.io.CorruptFileException;
import io.neurite.tensor.Shape;
import io.neurite.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The safetensors format (huggingface/safetensors), the file PyTorch's
 * {@code safetensors.torch.save_file} / {@code load_file} use: an 8-byte little-endian header length
 * N, N bytes of UTF-8 JSON ({@code {"name": {"dtype", "shape", "data_offsets": [begin, end]}, ...,
 * "__metadata__": {string: string}}}, padded with spaces to a multiple of 8), then the tensors'
 * little-endian bytes, contiguous, offsets relative to the end of the header.
 *
 * <p>Writes F32 and I32 (Neurite's dtypes), F32 tensors first, each dtype in name order, as the
 * reference implementation does, and the metadata in key order, so the same tensors give the same
 * bytes. Reads F32 and I32, and converts F64, F16 and BF16 to float32 and I64, I16, I8, U8 and BOOL
 * to int32 (refusing a value float32 or int32 cannot hold). Reading checks
 * the whole header against the file before allocating anything and refuses a truncated or corrupt
 * file with a {@link CorruptFileException} naming the path, the byte offset and the reason.
 */
public final class SafeTensors {

    /** The largest header accepted, as the reference implementation (100 MB). */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    private static final String METADATA = "__metadata__";
    private static final int CHUNK = 1 << 16;

    private SafeTensors() {}

    /** The tensors of a file in file order (by offset), and its {@code __metadata__} (empty if none). */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    /** Element types of the format that Neurite reads; {@code bytes} is the element size. */
    enum Dtype {
        F32(4), I32(4), F64(8), I64(8), F16(2), BF16(2), I16(2), I8(1), U8(1), BOOL(1);

        final int bytes;

        Dtype(int bytes) {
            this.bytes = bytes;
        }

        boolean isFloat() {
            return this == F32 || this == F64 || this == F16 || this == BF16;
        }
    }

    // ---------------------------------------------------------------- writing

    /** Writes {@code tensors} to {@code file} atomically, with no metadata. */
    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        write(file, tensors, Map.of());
    }

    /** Writes {@code tensors} and {@code metadata} to {@code file} atomically (old file intact on failure). */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        List<Map.Entry<String, Tensor>> order = writeOrder(tensors);
        byte[] header = header(order, metadata);
        AtomicFiles.write(file, ch -> {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).flip();
            AtomicFiles.writeFully(ch, len);
            AtomicFiles.writeFully(ch, ByteBuffer.wrap(header));
            for (var e : order) writeData(ch, e.getValue());
        });
    }

    private static List<Map.Entry<String, Tensor>> writeOrder(Map<String, Tensor> tensors) {
        List<Map.Entry<String, Tensor>> order = new ArrayList<>();
        for (var e : tensors.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isEmpty() || name.equals(METADATA)) {
                throw new IllegalArgumentException("SafeTensors.write: invalid tensor name '" + name
                        + "'; names must be non-empty and not " + METADATA);
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("SafeTensors.write: tensor '" + name + "' is null");
            }
            order.add(Map.entry(name, e.getValue()));
        }
        // Reference order: larger dtype first (F32 before I32), then by name.
        order.sort(Comparator.<Map.Entry<String, Tensor>, Integer>comparing(e -> e.getValue().isFloat() ? 0 : 1)
                .thenComparing(Map.Entry::getKey));
        return order;
    }

    private static byte[] header(List<Map.Entry<String, Tensor>> order, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) header.put(METADATA, new TreeMap<>(metadata)); // sorted: same bytes every run
        long offset = 0;
        for (var e : order) {
            Tensor t = e.getValue();
            long end = offset + 4L * t.numel();
            List<Integer> shape = new ArrayList<>();
            for (int d : t.shape().dims()) shape.add(d);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", t.isFloat() ? "F32" : "I32");
            entry.put("shape", shape);
            entry.put("data_offsets", List.of(offset, end));
            header.put(e.getKey(), entry);
            offset = end;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = new byte[padded];
        System.arraycopy(json, 0, out, 0, json.length);
        for (int i = json.length; i < padded; i++) out[i] = ' ';
        return out;
    }

    private static void writeData(FileChannel ch, Tensor t) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        if (t.isFloat()) {
            for (float v : t.toFloatArray()) {
                if (!buf.hasRemaining()) flush(ch, buf);
                buf.putFloat(v);
            }
        } else {
            for (int v : t.toIntArray()) {
                if (!buf.hasRemaining()) flush(ch, buf);
                buf.putInt(v);
            }
        }
        flush(ch, buf);
    }

    private static void flush(FileChannel ch, ByteBuffer buf) throws IOException {
        buf.flip();
        AtomicFiles.writeFully(ch, buf);
        buf.clear();
    }

    // ---------------------------------------------------------------- reading

    /** Reads every tensor and the metadata of {@code file}, after checking the header against the file. */
    public static Contents read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new CorruptFileException(file, 0, "the file has " + size
                        + " bytes; a safetensors file starts with an 8-byte header length");
            }
            long n = readFully(ch, file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (n < 0 || n > size - 8) {
                throw new CorruptFileException(file, 0, "header length " + Long.toUnsignedString(n)
                        + " exceeds the " + (size - 8) + " bytes after it (truncated or not a safetensors file)");
            }
            if (n > MAX_HEADER_BYTES) {
                throw new CorruptFileException(file, 0, "header length " + n + " exceeds the limit of "
                        + MAX_HEADER_BYTES + " bytes");
            }
            String text = decodeHeader(file, readFully(ch, file, 8, (int) n));
            Map<?, ?> header = parseHeader(file, text);
            long dataStart = 8 + n;
            Layout layout = Layout.check(file, header, dataStart, size - dataStart);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Entry e : layout.entries()) {
                tensors.put(e.name, decode(ch, file, e, dataStart + e.begin));
            }
            return new Contents(Collections.unmodifiableMap(tensors), layout.metadata());
        }
    }

    private static ByteBuffer readFully(FileChannel ch, Path file, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            int r = ch.read(buf, position + buf.position());
            if (r < 0) {
                throw new CorruptFileException(file, position + buf.position(), "unexpected end of file while reading "
                        + length + " bytes from byte " + position);
            }
        }
        return buf.flip();
    }

    private static String decodeHeader(Path file, ByteBuffer bytes) throws IOException {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new CorruptFileException(file, 8, "the header is not valid UTF-8");
        }
    }

    private static Map<?, ?> parseHeader(Path file, String text) throws IOException {
        if (text.isEmpty() || text.charAt(0) != '{') {
            throw new CorruptFileException(file, 8, "the header must start with '{'"
                    + (text.isEmpty() ? " but is empty" : ", got '" + text.charAt(0) + "'"));
        }
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (Json.JsonException e) {
            long at = 8 + text.substring(0, e.position()).getBytes(StandardCharsets.UTF_8).length;
            throw new CorruptFileException(file, at, "the header is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new CorruptFileException(file, 8, "the header is not a JSON object");
        }
        return m;
    }

    /** One tensor's header entry, checked. */
    record Entry(String name, Dtype dtype, int[] shape, int numel, long begin, long end) {}

    /** The checked header: entries sorted by offset, covering the data exactly, and the metadata. */
    record Layout(List<Entry> entries, Map<String, String> metadata) {

        static Layout check(Path file, Map<?, ?> header, long dataStart, long dataLength) throws IOException {
            Map<String, String> metadata = new LinkedHashMap<>();
            List<Entry> entries = new ArrayList<>();
            for (var e : header.entrySet()) {
                String name = (String) e.getKey();
                if (name.equals(METADATA)) {
                    readMetadata(file, e.getValue(), metadata);
                } else {
                    entries.add(entry(file, name, e.getValue()));
                }
            }
            entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
            long expected = 0;
            Entry previous = null;
            for (Entry e : entries) {
                if (e.begin < expected) {
                    throw new CorruptFileException(file, dataStart + e.begin, "tensor '" + e.name + "' data_offsets ["
                            + e.begin + ", " + e.end + "] overlap tensor '" + previous.name + "' [" + previous.begin
                            + ", " + previous.end + "]");
                }
                if (e.begin > expected) {
                    throw new CorruptFileException(file, dataStart + expected, "bytes " + expected + " to " + e.begin
                            + " of the data belong to no tensor (a hole before '" + e.name + "')");
                }
                expected = e.end;
                previous = e;
            }
            if (expected > dataLength) {
                throw new CorruptFileException(file, dataStart + dataLength, "the tensors need " + expected
                        + " bytes of data but the file has " + dataLength + " after the header (truncated?)"
                        + (previous == null ? "" : "; last tensor '" + previous.name + "'"));
            }
            if (expected < dataLength) {
                throw new CorruptFileException(file, dataStart + expected, (dataLength - expected)
                        + " bytes after the last tensor belong to no tensor");
            }
            return new Layout(List.copyOf(entries), Collections.unmodifiableMap(metadata));
        }

        private static void readMetadata(Path file, Object value, Map<String, String> out) throws IOException {
            if (!(value instanceof Map<?, ?> m)) {
                throw new CorruptFileException(file, 8, METADATA + " must be an object of strings, got " + value);
            }
            for (var e : m.entrySet()) {
                if (!(e.getValue() instanceof String s)) {
                    throw new CorruptFileException(file, 8, METADATA + " value of '" + e.getKey()
                            + "' must be a string, got " + e.getValue());
                }
                out.put((String) e.getKey(), s);
            }
        }

        private static Entry entry(Path file, String name, Object value) throws IOException {
            String where = "tensor '" + name + "': ";
            if (!(value instanceof Map<?, ?> m)) {
                throw new CorruptFileException(file, 8, where + "entry is not an object");
            }
            for (Object key : m.keySet()) {
                if (!key.equals("dtype") && !key.equals("shape") && !key.equals("data_offsets")) {
                    throw new CorruptFileException(file, 8, where + "unknown field '" + key
                            + "'; expected dtype, shape, data_offsets");
                }
            }
            Dtype dtype = dtype(file, where, m.get("dtype"));
            if (!(m.get("shape") instanceof List<?> shapeList)) {
                throw new CorruptFileException(file, 8, where + "shape must be a list, got " + m.get("shape"));
            }
            int[] shape = new int[shapeList.size()];
            long numel = 1;
            for (int i = 0; i < shape.length; i++) {
                if (!(shapeList.get(i) instanceof Integer d) || d < 0) {
                    throw new CorruptFileException(file, 8, where + "shape " + shapeList
                            + " must hold sizes between 0 and " + Integer.MAX_VALUE);
                }
                shape[i] = d;
                numel *= d;
                if (numel > Integer.MAX_VALUE) {
                    throw new CorruptFileException(file, 8, where + "shape " + shapeList + " has more than "
                            + Integer.MAX_VALUE + " elements, more than a Neurite tensor holds");
                }
            }
            if (!(m.get("data_offsets") instanceof List<?> off) || off.size() != 2
                    || !(off.get(0) instanceof Number b0) || !(off.get(1) instanceof Number e0)
                    || b0 instanceof Double || e0 instanceof Double) {
                throw new CorruptFileException(file, 8, where + "data_offsets must be [begin, end] integers, got "
                        + m.get("data_offsets"));
            }
            long begin = b0.longValue(), end = e0.longValue();
            if (begin < 0 || end < begin) {
                throw new CorruptFileException(file, 8, where + "data_offsets [" + begin + ", " + end
                        + "] must satisfy 0 <= begin <= end");
            }
            long bytes = numel * dtype.bytes;
            if (end - begin != bytes) {
                throw new CorruptFileException(file, 8, where + "data_offsets [" + begin + ", " + end + "] span "
                        + (end - begin) + " bytes but shape " + shapeList + " of " + dtype + " needs " + bytes);
            }
            return new Entry(name, dtype, shape, (int) numel, begin, end);
        }

        private static Dtype dtype(Path file, String where, Object value) throws IOException {
            if (!(value instanceof String s)) {
                throw new CorruptFileException(file, 8, where + "dtype must be a string, got " + value);
            }
            try {
                return Dtype.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw new CorruptFileException(file, 8, where + "dtype " + s + " is not supported; Neurite reads "
                        + java.util.Arrays.toString(Dtype.values()) + " (as float32 or int32)");
            }
        }
    }

    /** Reads and converts one tensor's data, a chunk at a time (no byte copy of the whole tensor). */
    private static Tensor decode(FileChannel ch, Path file, Entry e, long fileOffset) throws IOException {
        Shape shape = Shape.of(e.shape);
        int n = e.numel;
        int perChunk = CHUNK / e.dtype.bytes;
        ByteBuffer b = null;
        if (e.dtype.isFloat()) {
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                if (i % perChunk == 0) b = chunk(ch, file, e, fileOffset, i, perChunk);
                out[i] = switch (e.dtype) {
                    case F32 -> b.getFloat();
                    case F16 -> Float.float16ToFloat(b.getShort());
                    case BF16 -> Float.intBitsToFloat((b.getShort() & 0xFFFF) << 16);
                    default -> {
                        double d = b.getDouble();
                        float f = (float) d;
                        if (Double.isFinite(d) && Float.isInfinite(f)) {
                            throw new CorruptFileException(file, fileOffset + 8L * i, "tensor '" + e.name
                                    + "': F64 element " + i + " = " + d + " is outside float32's range");
                        }
                        yield f;
                    }
                };
            }
            return Tensor.wrap(out, shape);
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (i % perChunk == 0) b = chunk(ch, file, e, fileOffset, i, perChunk);
            long v = switch (e.dtype) {
                case I32 -> b.getInt();
                case I64 -> b.getLong();
                case I16 -> b.getShort();
                case I8 -> b.get();
                default -> b.get() & 0xFF;
            };
            if (v != (int) v || (e.dtype == Dtype.BOOL && v > 1)) {
                throw new CorruptFileException(file, fileOffset + (long) e.dtype.bytes * i, "tensor '" + e.name + "': "
                        + e.dtype + " element " + i + " = " + v + (e.dtype == Dtype.BOOL ? " is not a boolean (0 or 1)"
                        : " does not fit int32, Neurite's integer type"));
            }
            out[i] = (int) v;
        }
        return Tensor.ofInts(out, e.shape);
    }

    private static ByteBuffer chunk(FileChannel ch, Path file, Entry e, long fileOffset, int first, int perChunk)
            throws IOException {
        int count = Math.min(perChunk, e.numel - first);
        long position = fileOffset + (long) first * e.dtype.bytes;
        return readFully(ch, file, position, count * e.dtype.bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
