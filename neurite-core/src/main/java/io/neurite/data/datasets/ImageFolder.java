package io.neurite.data.datasets;

import io.neurite.nn.functional.Interpolation;
import io.neurite.nn.functional.Resampling;
import io.neurite.tensor.Shape;
import io.neurite.data.Dataset;
import io.neurite.data.Sample;
import io.neurite.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Images sorted into one sub-folder per class, as torchvision's {@code ImageFolder}: classes are the
 * sub-folder names in sorted order (label = index), and the samples are the PNG, JPEG and BMP files
 * under each (sub-folders and symbolic links followed), in sorted path order. Images are read on demand by {@link #image(int)} through
 * {@code javax.imageio} and returned as float32 {@code [C, H, W]} in [0, 1].
 *
 * <p>Grayscale conversion uses ITU-R 601 luma, {@code L = 0.299 R + 0.587 G + 0.114 B} in PIL's
 * 16-bit fixed point, as its {@code convert("L")}; a grayscale file is read from its samples (no
 * colour-space conversion). The optional resize is bilinear with half-pixel centres, as
 * {@code F.interpolate} (no antialiasing, unlike torchvision's {@code Resize} on PIL images).
 *
 * <pre>{@code
 * ImageFolder folder = new ImageFolder(Path.of("pets"), ImageFolder.Options.rgb().withResize(64, 64));
 * Tensor first = folder.image(0);   // [3, 64, 64]
 * String kind = folder.classes().get(folder.label(0));
 * }</pre>
 */
public final class ImageFolder implements Dataset<Sample> {

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp");

    /**
     * How images are loaded.
     *
     * @param channels 1 (grayscale) or 3 (RGB)
     * @param height   resize height, 0 to keep each image's size
     * @param width    resize width, 0 to keep each image's size
     */
    public record Options(int channels, int height, int width) {

        public Options {
            if (channels != 1 && channels != 3) {
                throw new IllegalArgumentException("ImageFolder.Options: channels must be 1 (grayscale) or 3 (RGB),"
                        + " got " + channels);
            }
            if (height < 0 || width < 0 || (height == 0) != (width == 0)) {
                throw new IllegalArgumentException("ImageFolder.Options: resize needs a positive height and width"
                        + " (or both 0 for no resize), got " + height + "x" + width);
            }
        }

        public static Options rgb() {
            return new Options(3, 0, 0);
        }

        public static Options grayscale() {
            return new Options(1, 0, 0);
        }

        /** Every image resized to {@code height x width} on load. */
        public Options withResize(int height, int width) {
            return new Options(channels, height, width);
        }
    }

    private final Path root;
    private final Options options;
    private final List<String> classes;
    private final List<Path> files;
    private final int[] labels;

    /** RGB images at their own size. */
    public ImageFolder(Path root) throws IOException {
        this(root, Options.rgb());
    }

    /** Scans {@code root}'s class folders; throws when a class folder holds no image. */
    public ImageFolder(Path root, Options options) throws IOException {
        this.root = root;
        this.options = options;
        if (!Files.isDirectory(root)) {
            throw new IOException("ImageFolder: " + root + " is not a folder; expected one sub-folder per class");
        }
        List<Path> classDirs;
        try (Stream<Path> s = Files.list(root)) {
            classDirs = s.filter(Files::isDirectory).sorted().toList();
        }
        if (classDirs.isEmpty()) {
            throw new IOException("ImageFolder: " + root + " has no sub-folders; put each class's images in a"
                    + " sub-folder named after the class");
        }
        List<String> names = new ArrayList<>();
        List<Path> found = new ArrayList<>();
        List<Integer> foundLabels = new ArrayList<>();
        for (Path dir : classDirs) {
            List<Path> images;
            try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
                images = s.filter(p -> Files.isRegularFile(p) && isImage(p)).sorted().toList();
            }
            if (images.isEmpty()) {
                throw new IOException("ImageFolder: class folder " + dir + " holds no image (." + String.join(", .",
                        EXTENSIONS.stream().sorted().toList()) + "); remove it or add its images");
            }
            for (Path p : images) {
                found.add(p);
                foundLabels.add(names.size());
            }
            names.add(dir.getFileName().toString());
        }
        this.classes = List.copyOf(names);
        this.files = List.copyOf(found);
        this.labels = foundLabels.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    public Path root() {
        return root;
    }

    /** Class names (sub-folder names, sorted), index = label. */
    public List<String> classes() {
        return classes;
    }

    @Override
    public int size() {
        return files.size();
    }

    /** Image {@code index}, read from its file now, with its label as a 0-dimensional int32 tensor. */
    @Override
    public Sample get(int index) {
        try {
            return new Sample(image(index), Tensor.ofInts(new int[] {label(index)}));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Path path(int i) {
        return files.get(i);
    }

    public int label(int i) {
        return labels[i];
    }

    /** Image {@code i} as float32 {@code [C, H, W]} in [0, 1], read from its file now. */
    public Tensor image(int i) throws IOException {
        Tensor t = read(files.get(i), options.channels());
        if (options.height() == 0 || (t.size(1) == options.height() && t.size(2) == options.width())) return t;
        Interpolation how = Interpolation.size(options.height(), options.width())
                .withMode(Interpolation.Mode.BILINEAR);
        return Resampling.interpolate(t.unsqueeze(0), how).squeeze(0);
    }

    /** Reads one image file as float32 {@code [channels, H, W]} in [0, 1]. */
    public static Tensor read(Path file, int channels) throws IOException {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IOException("ImageFolder: cannot read image " + file + " (" + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw new IOException("ImageFolder: " + file + " is not an image the JDK can read (PNG, JPEG, BMP,"
                    + " GIF); the file is corrupt or of another format");
        }
        int h = img.getHeight(), w = img.getWidth(), plane = h * w;
        float[] out = new float[channels * plane];
        Raster raster = img.getRaster();
        if (raster.getNumBands() == 1 && !(img.getColorModel() instanceof IndexColorModel)) {
            float max = (1 << img.getColorModel().getComponentSize(0)) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = raster.getSample(x, y, 0) / max;
                    for (int c = 0; c < channels; c++) out[c * plane + y * w + x] = v;
                }
            }
            return Tensor.wrap(out, Shape.of(channels, h, w));
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if (channels == 1) {
                    // PIL's fixed-point luma (Convert.c, L24): (19595 R + 38470 G + 7471 B + 2^15) >> 16.
                    out[y * w + x] = ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16) / 255f;
                } else {
                    out[y * w + x] = r / 255f;
                    out[plane + y * w + x] = g / 255f;
                    out[2 * plane + y * w + x] = b / 255f;
                }
            }
        }
        return Tensor.wrap(out, Shape.of(channels, h, w));
    }

    @Override
    public String toString() {
        return "ImageFolder(root=" + root + ", classes=" + classes.size() + ", images=" + files.size() + ")";
    }
}
