package io.neurite.data.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.neurite.data.io.CorruptFileException;
import io.neurite.data.io.IdxFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetLocatorTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");

    @TempDir
    Path tmp;

    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, byte[]> served = new HashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void makeFiles() throws Exception {
        files.put(IdxDatasetSpec.TRAIN_IMAGES, IdxFiles.gzip(IdxFiles.images(4, 2, 2)));
        files.put(IdxDatasetSpec.TRAIN_LABELS, IdxFiles.gzip(IdxFiles.labels(0, 1, 2, 1)));
        files.put(IdxDatasetSpec.TEST_IMAGES, IdxFiles.gzip(IdxFiles.images(2, 2, 2)));
        files.put(IdxDatasetSpec.TEST_LABELS, IdxFiles.gzip(IdxFiles.labels(2, 0)));
        served.putAll(files);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data/", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get(exchange.getRequestURI().getPath().substring("/data/".length()));
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data/");
    }

    private IdxDatasetSpec spec() throws Exception {
        Map<String, String> md5 = new HashMap<>();
        for (var e : files.entrySet()) {
            md5.put(e.getKey(), HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(e.getValue())));
        }
        return new IdxDatasetSpec("Tiny", "tiny", CLASSES, List.of(base()), md5, List.of(), "apt-get install tiny");
    }

    private IdxDatasetLocator locator(Path cache, Path system) throws Exception {
        return new IdxDatasetLocator(spec()).withCacheDir(cache).withSystemDirs(List.of(system));
    }

    private void put(Path dir, String name, byte[] content) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), content);
    }

    @Test
    void cacheComesFirstThenSystemFolder() throws Exception {
        Path cache = tmp.resolve("cache");
        Path system = tmp.resolve("system");
        for (var e : files.entrySet()) put(system, e.getKey(), e.getValue());
        put(cache, IdxDatasetSpec.TEST_IMAGES, files.get(IdxDatasetSpec.TEST_IMAGES));
        IdxDatasetLocator loc = locator(cache, system);
        assertEquals(cache.resolve(IdxDatasetSpec.TEST_IMAGES), loc.locate(IdxDatasetSpec.TEST_IMAGES));
        assertEquals(system.resolve(IdxDatasetSpec.TEST_LABELS), loc.locate(IdxDatasetSpec.TEST_LABELS));
        LabeledImages test = loc.test();
        assertArrayEquals(new int[] {2, 1, 2, 2}, test.images().shape().dims());
        assertArrayEquals(new int[] {2, 0}, test.labels().toIntArray());
        assertEquals(0, requests.get());
    }

    @Test
    void uncompressedFileFoundUnderItsPlainName() throws Exception {
        Path cache = tmp.resolve("cache");
        put(cache, "t10k-labels-idx1-ubyte", IdxFiles.labels(1, 1));
        assertEquals(cache.resolve("t10k-labels-idx1-ubyte"),
                locator(cache, tmp.resolve("none")).locate(IdxDatasetSpec.TEST_LABELS));
    }

    @Test
    void downloadsIntoCacheWithChecksum() throws Exception {
        Path cache = tmp.resolve("cache");
        LabeledImages train = locator(cache, tmp.resolve("none")).train();
        assertArrayEquals(new int[] {4, 1, 2, 2}, train.images().shape().dims());
        assertArrayEquals(new int[] {0, 1, 2, 1}, train.labels().toIntArray());
        assertArrayEquals(files.get(IdxDatasetSpec.TRAIN_IMAGES),
                Files.readAllBytes(cache.resolve(IdxDatasetSpec.TRAIN_IMAGES)));
        assertEquals(2, requests.get());
        locator(cache, tmp.resolve("none")).train();
        assertEquals(2, requests.get(), "the second load reads the cache");
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(2, left.count(), "no temporary file left behind");
        }
    }

    @Test
    void checksumMismatchRefusedAndNothingKept() throws Exception {
        IdxDatasetSpec spec = spec();
        served.put(IdxDatasetSpec.TEST_LABELS, IdxFiles.gzip(IdxFiles.labels(2, 1)));
        Path cache = tmp.resolve("cache");
        IdxDatasetLocator loc = new IdxDatasetLocator(spec).withCacheDir(cache).withSystemDirs(List.of());
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> loc.locate(IdxDatasetSpec.TEST_LABELS));
        assertTrue(e.getMessage().contains("checksum mismatch: MD5 "), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + spec.md5().get(IdxDatasetSpec.TEST_LABELS)), e.getMessage());
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(0, left.count(), "neither the bad file nor its temporary copy is kept");
        }
    }

    @Test
    void secondMirrorUsedWhenFirstFails() throws Exception {
        IdxDatasetLocator loc = new IdxDatasetLocator(spec()).withCacheDir(tmp.resolve("c")).withSystemDirs(List.of())
                .withMirrors(List.of(base().resolve("/missing/"), base()));
        assertEquals(tmp.resolve("c").resolve(IdxDatasetSpec.TEST_LABELS), loc.locate(IdxDatasetSpec.TEST_LABELS));
    }

    @Test
    void missingDataGivesOneSentenceSayingWhereAndHow() throws Exception {
        Path cache = tmp.resolve("cache");
        Path system = tmp.resolve("system");
        served.clear();
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> locator(cache, system).train());
        assertEquals("Tiny file train-images-idx3-ubyte.gz was not found in " + cache + " or " + system
                + " and downloading failed from " + base() + "train-images-idx3-ubyte.gz (IOException: HTTP status"
                + " 404); install it with `apt-get install tiny` or download the files from " + base() + " into "
                + cache + ".", e.getMessage());
        DatasetNotFoundException off = assertThrows(DatasetNotFoundException.class,
                () -> locator(cache, system).withDownload(false).test());
        assertTrue(off.getMessage().contains("and downloading is off;"), off.getMessage());
        assertFalse(Files.exists(cache), "a failed download creates no cache folder");
    }

    @Test
    void fashionMnistSentenceNamesDebianPackageAndAddress() {
        Path cache = tmp.resolve("fm");
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> FashionMNIST.locator()
                .withCacheDir(cache).withSystemDirs(List.of(tmp.resolve("usr"))).withDownload(false).test());
        assertEquals("Fashion-MNIST file t10k-images-idx3-ubyte.gz was not found in " + cache + " or "
                + tmp.resolve("usr") + " and downloading is off; install it with `apt-get install"
                + " dataset-fashion-mnist` or download the files from"
                + " http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/ into " + cache + ".", e.getMessage());
    }

    @Test
    void imagesAndLabelsMustAgree() throws Exception {
        Path cache = tmp.resolve("cache");
        put(cache, IdxDatasetSpec.TEST_IMAGES, files.get(IdxDatasetSpec.TEST_IMAGES));
        put(cache, IdxDatasetSpec.TEST_LABELS, IdxFiles.labels(0, 1, 2));
        CorruptFileException e = assertThrows(CorruptFileException.class,
                () -> locator(cache, tmp.resolve("none")).withDownload(false).test());
        assertTrue(e.getMessage().contains("holds 3 labels but"), e.getMessage());
        put(cache, IdxDatasetSpec.TEST_LABELS, IdxFiles.labels(0, 3));
        CorruptFileException range = assertThrows(CorruptFileException.class,
                () -> locator(cache, tmp.resolve("none")).withDownload(false).test());
        assertTrue(range.getMessage().contains("label 1 is 3 but the dataset has 3 classes"), range.getMessage());
    }

    /** The real Fashion-MNIST test set from Debian's package, when installed. */
    @Test
    void realFashionMnistFromDebianWhenPresent() throws Exception {
        Path debian = Path.of("/usr/share/datasets/fashion-mnist");
        assumeTrue(Files.isRegularFile(debian.resolve(IdxDatasetSpec.TRAIN_IMAGES)), "dataset-fashion-mnist absent");
        IdxDatasetLocator loc = FashionMNIST.locator().withCacheDir(tmp.resolve("empty")).withDownload(false);
        LabeledImages test = loc.test();
        assertArrayEquals(new int[] {10000, 1, 28, 28}, test.images().shape().dims());
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, test.classCounts());
        assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, Arrays.copyOf(test.labels().toIntArray(), 10));
        LabeledImages train = loc.train();
        assertArrayEquals(new int[] {60000, 1, 28, 28}, train.images().shape().dims());
        assertArrayEquals(new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000}, train.classCounts());
    }
}
