package io.neurite.data.datasets;

import io.neurite.data.io.CorruptFileException;
import io.neurite.data.io.IdxFile;
import io.neurite.data.io.IdxReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the files of an MNIST-family dataset and loads them: first in the cache folder (default
 * {@code ~/.neurite/datasets/<folder>}), then in the spec's system folders (for Fashion-MNIST
 * {@code /usr/share/datasets/fashion-mnist}, Debian's {@code dataset-fashion-mnist}), then by
 * downloading from each mirror in turn into the cache. A download goes to a temporary file in the
 * cache folder, is checked against the published MD5, and only then renamed into place atomically.
 * Each folder may hold the file gzip-compressed ({@code .gz}) or not.
 *
 * <p>Files found locally are not checksummed (Debian recompresses them, so their MD5 differs from the
 * published one) but every file is validated by {@link IdxReader}: magic, dimensions, size, labels.
 *
 * <pre>{@code
 * LabeledImages train = FashionMNIST.locator().withCacheDir(Path.of("data")).withDownload(false).train();
 * }</pre>
 */
public final class IdxDatasetLocator {

    private final IdxDatasetSpec spec;
    private final Path cacheDir;
    private final List<Path> systemDirs;
    private final List<URI> mirrors;
    private final boolean download;
    private final Duration timeout;

    public IdxDatasetLocator(IdxDatasetSpec spec) {
        this(spec, Path.of(System.getProperty("user.home"), ".neurite", "datasets", spec.folder()),
                spec.systemDirs(), spec.mirrors(), true, Duration.ofSeconds(30));
    }

    private IdxDatasetLocator(IdxDatasetSpec spec, Path cacheDir, List<Path> systemDirs, List<URI> mirrors,
                              boolean download, Duration timeout) {
        this.spec = spec;
        this.cacheDir = cacheDir;
        this.systemDirs = List.copyOf(systemDirs);
        this.mirrors = List.copyOf(mirrors);
        this.download = download;
        this.timeout = timeout;
    }

    /** The folder looked at first and downloaded into. */
    public IdxDatasetLocator withCacheDir(Path dir) {
        return new IdxDatasetLocator(spec, dir, systemDirs, mirrors, download, timeout);
    }

    /** The folders looked at after the cache (a system package's install folder). */
    public IdxDatasetLocator withSystemDirs(List<Path> dirs) {
        return new IdxDatasetLocator(spec, cacheDir, dirs, mirrors, download, timeout);
    }

    /** The base addresses downloaded from, in order. */
    public IdxDatasetLocator withMirrors(List<URI> bases) {
        return new IdxDatasetLocator(spec, cacheDir, systemDirs, bases, download, timeout);
    }

    /** Whether to download a file found nowhere locally (default true). */
    public IdxDatasetLocator withDownload(boolean enabled) {
        return new IdxDatasetLocator(spec, cacheDir, systemDirs, mirrors, enabled, timeout);
    }

    /** How long a download may wait to connect, and then for the response's headers (default 30 s). */
    public IdxDatasetLocator withTimeout(Duration connectTimeout) {
        return new IdxDatasetLocator(spec, cacheDir, systemDirs, mirrors, download, connectTimeout);
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** The 60000-image training set (for MNIST and Fashion-MNIST). */
    public LabeledImages train() throws IOException {
        return load(IdxDatasetSpec.TRAIN_IMAGES, IdxDatasetSpec.TRAIN_LABELS);
    }

    /** The 10000-image test set. */
    public LabeledImages test() throws IOException {
        return load(IdxDatasetSpec.TEST_IMAGES, IdxDatasetSpec.TEST_LABELS);
    }

    private LabeledImages load(String imagesFile, String labelsFile) throws IOException {
        Path images = locate(imagesFile);
        Path labels = locate(labelsFile);
        return pair(IdxReader.read(images), images, IdxReader.read(labels), labels, spec.classes());
    }

    /** Images and labels checked against each other (magic, counts, label range). */
    static LabeledImages pair(IdxFile images, Path imagesPath, IdxFile labels, Path labelsPath, List<String> classes)
            throws CorruptFileException {
        IdxReader.requireMagic(images, IdxReader.IMAGES_MAGIC, imagesPath);
        IdxReader.requireMagic(labels, IdxReader.LABELS_MAGIC, labelsPath);
        if (images.dims()[0] != labels.dims()[0]) {
            throw new CorruptFileException(labelsPath, 4, "the file holds " + labels.dims()[0] + " labels but "
                    + imagesPath + " holds " + images.dims()[0] + " images; the two files do not belong together");
        }
        return new LabeledImages(IdxReader.imagesTensor(images), IdxReader.labelsTensor(labels, classes.size(),
                labelsPath), classes);
    }

    /** Where {@code fileName} is, after a download if needed; throws the one-sentence message when nowhere. */
    public Path locate(String fileName) throws IOException {
        List<Path> dirs = Stream.concat(Stream.of(cacheDir), systemDirs.stream()).toList();
        String plain = fileName.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3) : fileName;
        for (Path dir : dirs) {
            for (String name : List.of(fileName, plain)) {
                if (Files.isRegularFile(dir.resolve(name))) return dir.resolve(name);
            }
        }
        List<String> failures = new ArrayList<>();
        if (download) {
            for (URI base : mirrors) {
                URI uri = base.resolve(fileName);
                try {
                    return download(uri, fileName);
                } catch (IOException e) {
                    failures.add(uri + " (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(spec.name() + ": download of " + uri + " interrupted", e);
                }
            }
        }
        String looked = dirs.stream().map(Path::toString).collect(Collectors.joining(" or "));
        String tried = !download ? "downloading is off"
                : mirrors.isEmpty() ? "no download address is known"
                : "downloading failed from " + String.join(" and ", failures);
        String how = (spec.installHint() == null ? "" : "install it with `" + spec.installHint() + "` or ")
                + (mirrors.isEmpty() ? "copy the files" : "download the files from " + mirrors.get(0))
                + " into " + cacheDir;
        throw new DatasetNotFoundException(spec.name() + " file " + fileName + " was not found in " + looked
                + " and " + tried + "; " + how + ".");
    }

    private Path download(URI uri, String fileName) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build()) {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) throw new IOException("HTTP status " + response.statusCode());
                return save(body, fileName);
            }
        }
    }

    /** Streams {@code body} to a temporary file in the cache, checks its MD5, then renames it into place. */
    private Path save(InputStream body, String fileName) throws IOException {
        Files.createDirectories(cacheDir);
        Path target = cacheDir.resolve(fileName);
        Path temp = Files.createTempFile(cacheDir, fileName, ".part");
        try {
            MessageDigest md5 = md5();
            try (InputStream in = new DigestInputStream(body, md5); OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            }
            String got = HexFormat.of().formatHex(md5.digest());
            String expected = spec.md5().get(fileName);
            if (!got.equalsIgnoreCase(expected)) {
                throw new IOException("checksum mismatch: MD5 " + got + ", expected " + expected);
            }
            moveAtomically(temp, target);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5 (required of every Java platform)", e);
        }
    }
}
