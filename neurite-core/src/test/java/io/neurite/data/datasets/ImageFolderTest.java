package io.neurite.data.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @TempDir
    Path root;

    /** A 3x2 (w x h) RGB image: pixel (x, y) = (10 x + 1, 20 y + 2, 30 + x + y) + shift. */
    private static BufferedImage rgb(int shift) {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                img.setRGB(x, y, ((10 * x + 1 + shift) << 16) | ((20 * y + 2 + shift) << 8) | (30 + x + y + shift));
            }
        }
        return img;
    }

    private Path save(BufferedImage img, String format, String first, String... more) throws IOException {
        Path p = root.resolve(Path.of(first, more));
        Files.createDirectories(p.getParent());
        assertTrue(ImageIO.write(img, format, p.toFile()), "no writer for " + format);
        return p;
    }

    @Test
    void classesSortedAndSamplesInPathOrder() throws IOException {
        save(rgb(0), "png", "zebra", "b.png");
        save(rgb(1), "bmp", "zebra", "a.BMP");
        save(rgb(2), "png", "ant", "nested", "x.png");
        save(rgb(3), "jpg", "ant", "y.jpeg");
        Files.writeString(root.resolve("ant").resolve("notes.txt"), "not an image");
        Files.writeString(root.resolve("README"), "a file beside the class folders");
        ImageFolder f = new ImageFolder(root);
        assertEquals(List.of("ant", "zebra"), f.classes());
        assertEquals(4, f.size());
        assertEquals(List.of(root.resolve("ant/nested/x.png"), root.resolve("ant/y.jpeg"),
                root.resolve("zebra/a.BMP"), root.resolve("zebra/b.png")),
                List.of(f.path(0), f.path(1), f.path(2), f.path(3)));
        assertArrayEquals(new int[] {0, 0, 1, 1}, new int[] {f.label(0), f.label(1), f.label(2), f.label(3)});
    }

    @Test
    void rgbPixelsWhereTheyBelong() throws IOException {
        save(rgb(0), "png", "c", "a.png");
        save(rgb(5), "bmp", "c", "b.bmp");
        ImageFolder f = new ImageFolder(root);
        for (int i = 0; i < 2; i++) {
            int s = i * 5;
            Tensor t = f.image(i);
            assertArrayEquals(new int[] {3, 2, 3}, t.shape().dims());
            float[] v = t.toFloatArray();
            // channel-major [C, H, W]: R at (y=1, x=2) is index 5, G at index 6 + 5, B at index 12 + 5
            assertEquals((21 + s) / 255f, v[5]);
            assertEquals((22 + s) / 255f, v[6 + 5]);
            assertEquals((33 + s) / 255f, v[12 + 5]);
            assertEquals((1 + s) / 255f, v[0]);
        }
    }

    @Test
    void grayscaleFromRgbUsesLumaAndGrayFilesKeepTheirValues() throws IOException {
        BufferedImage color = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        color.setRGB(0, 0, 0xFF0000);
        color.setRGB(1, 0, (10 << 16) | (200 << 8) | 30);
        save(color, "png", "a", "color.png");
        BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 128);
        gray.getRaster().setSample(1, 0, 0, 7);
        save(gray, "png", "b", "gray.png");
        ImageFolder f = new ImageFolder(root, ImageFolder.Options.grayscale());
        // (19595 R + 38470 G + 7471 B + 32768) >> 16: 76 for pure red, 124 for (10, 200, 30).
        assertArrayEquals(new float[] {76 / 255f, 124 / 255f}, f.image(0).toFloatArray());
        assertArrayEquals(new float[] {128 / 255f, 7 / 255f}, f.image(1).toFloatArray());
        Tensor asRgb = new ImageFolder(root).image(1);
        assertArrayEquals(new float[] {128 / 255f, 7 / 255f, 128 / 255f, 7 / 255f, 128 / 255f, 7 / 255f},
                asRgb.toFloatArray());
    }

    @Test
    void resizeOnLoadBilinear() throws IOException {
        BufferedImage gray = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        int[] px = {0, 100, 200, 250};
        for (int k = 0; k < 4; k++) gray.getRaster().setSample(k % 2, k / 2, 0, px[k]);
        save(gray, "png", "a", "g.png");
        ImageFolder f = new ImageFolder(root, ImageFolder.Options.grayscale().withResize(4, 4));
        Tensor t = f.image(0);
        assertArrayEquals(new int[] {1, 4, 4}, t.shape().dims());
        float[] v = t.toFloatArray();
        // torch.nn.functional.interpolate(x, size=(4, 4), mode='bilinear') of [[0, 100], [200, 250]] / 255:
        // first row 0, 25, 75, 100; (1, 1) 71.875; corner 250.
        assertEquals(0f, v[0], 1e-6f);
        assertEquals(25 / 255f, v[1], 1e-6f);
        assertEquals(75 / 255f, v[2], 1e-6f);
        assertEquals(250 / 255f, v[15], 1e-6f);
        assertEquals(71.875f / 255f, v[5], 1e-6f);
    }

    @Test
    void unreadableFileRefusedWithItsPath() throws IOException {
        Path bad = root.resolve("a").resolve("broken.png");
        Files.createDirectories(bad.getParent());
        Files.write(bad, new byte[] {1, 2, 3, 4});
        ImageFolder f = new ImageFolder(root);
        IOException e = assertThrows(IOException.class, () -> f.image(0));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
    }

    @Test
    void misuseReported() throws IOException {
        IOException notDir = assertThrows(IOException.class, () -> new ImageFolder(root.resolve("nope")));
        assertTrue(notDir.getMessage().contains("is not a folder"), notDir.getMessage());
        IOException noClasses = assertThrows(IOException.class, () -> new ImageFolder(root));
        assertTrue(noClasses.getMessage().contains("has no sub-folders"), noClasses.getMessage());
        Files.createDirectories(root.resolve("empty"));
        IOException empty = assertThrows(IOException.class, () -> new ImageFolder(root));
        assertTrue(empty.getMessage().contains("class folder " + root.resolve("empty") + " holds no image"),
                empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ImageFolder.Options(2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ImageFolder.Options.rgb().withResize(0, 5));
    }
}
