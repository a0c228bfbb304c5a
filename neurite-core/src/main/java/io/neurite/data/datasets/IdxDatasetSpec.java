package io.neurite.data.datasets;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where an MNIST-family dataset lives: its four IDX files, their published MD5 checksums, the
 * download mirrors and the system folders a package manager installs it in.
 *
 * @param name        the dataset's name in messages, e.g. {@code "Fashion-MNIST"}
 * @param folder      the cache sub-folder, e.g. {@code "fashion-mnist"}
 * @param classes     class names, index = label
 * @param mirrors     base addresses the file names are resolved against, tried in order
 * @param md5         the MD5 of each published file, by file name (downloads are verified against it)
 * @param systemDirs  folders a system package installs the files in, looked at after the cache
 * @param installHint a command that installs the files, or {@code null}
 */
public record IdxDatasetSpec(String name, String folder, List<String> classes, List<URI> mirrors,
                             Map<String, String> md5, List<Path> systemDirs, String installHint) {

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    public IdxDatasetSpec {
        classes = List.copyOf(classes);
        mirrors = List.copyOf(mirrors);
        md5 = Map.copyOf(md5);
        systemDirs = List.copyOf(systemDirs);
        for (String file : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
            if (!md5.containsKey(file)) {
                throw new IllegalArgumentException("IdxDatasetSpec(" + name + "): no MD5 for " + file
                        + "; give the checksum of each of the four files");
            }
        }
    }
}
