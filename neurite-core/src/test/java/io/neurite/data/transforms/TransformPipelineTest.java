package io.neurite.data.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Generator;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TransformPipelineTest {

    private static final Generator G = new Generator(0);

    private static Transform augmentation() {
        return new Compose(new RandomCrop(28, 4), new RandomHorizontalFlip(), new RandomRotation(10),
                new ColorJitter(0.2, 0.2, 0, 0), new RandomErasing());
    }

    @Test
    void sameSeedSameSamplesDifferentSeedDifferentSamples() {
        Tensor x = Tensor.rand(new Generator(1), 1, 28, 28);
        Transform t = augmentation();
        Generator a = new Generator(42), b = new Generator(42), c = new Generator(43);
        boolean differs = false;
        for (int i = 0; i < 10; i++) {
            float[] ya = t.apply(x, a).toFloatArray();
            assertArrayEquals(ya, t.apply(x, b).toFloatArray(), "sample " + i);
            differs |= !java.util.Arrays.equals(ya, t.apply(x, c).toFloatArray());
        }
        assertTrue(differs);
    }

    @Test
    void composeAppliesInOrderAndDoesNotModifyTheInput() {
        Tensor x = Images.ramp(1, 2, 3);
        float[] before = x.toFloatArray();
        Tensor y = new RandomHorizontalFlip(1).andThen(new Pad(1, 0, 0, 0)).apply(x, G);
        assertArrayEquals(new float[] {0, 2, 1, 0, 0, 5, 4, 3}, y.toFloatArray());
        assertArrayEquals(before, x.toFloatArray());
        assertTrue(new Compose(new Pad(1), new CenterCrop(2)).toString().startsWith("Compose(Pad("));
    }

    @Test
    void nonContiguousInputsAreRead() {
        Tensor x = Images.ramp(1, 3, 2).transpose(1, 2); // 1 x 2 x 3: [[0 2 4] [1 3 5]]
        assertArrayEquals(new float[] {4, 2, 0, 5, 3, 1}, new RandomHorizontalFlip(1).apply(x, G).toFloatArray());
    }

    @Test
    void toTensorFromHwcBytesAndImages() throws Exception {
        byte[] hwc = {(byte) 255, 0, 51, 102, (byte) 204, 1}; // 1 x 2 pixels, 3 channels
        Tensor t = ToTensor.fromBytes(hwc, 1, 2, 3);
        assertArrayEquals(new int[] {3, 1, 2}, t.shape().dims());
        assertArrayEquals(new float[] {1f, 102 / 255f, 0f, 204 / 255f, 51 / 255f, 1 / 255f}, t.toFloatArray(), 0);
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xff0033);
        rgb.setRGB(1, 0, 0x66cc01);
        assertArrayEquals(t.toFloatArray(), ToTensor.fromImage(rgb).toFloatArray(), 0);
        BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(1, 0, 0, 128);
        assertArrayEquals(new float[] {0f, 128 / 255f}, ToTensor.fromImage(gray).toFloatArray(), 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(rgb, "png", png);
        assertArrayEquals(t.toFloatArray(), ToTensor.fromEncoded(png.toByteArray()).toFloatArray(), 0);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ToTensor.fromBytes(hwc, 2, 2, 3));
        assertTrue(e.getMessage().contains("expected 12 bytes") && e.getMessage().contains("got 6 bytes"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ToTensor.fromEncoded(new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().startsWith("ToTensor.fromEncoded"), e.getMessage());
    }

    @Test
    void patchGridCoversTheImageRowByRow() {
        Tensor x = Images.ramp(2, 6, 8);
        PatchSampler s = new PatchSampler(2, 4);
        List<Tensor> tiles = s.grid(x, 2, 4); // no overlap: 3 rows x 2 columns cover every pixel once
        assertEquals(6, tiles.size());
        Set<Float> covered = new HashSet<>();
        for (Tensor tile : tiles) {
            assertArrayEquals(new int[] {2, 2, 4}, tile.shape().dims());
            for (float v : tile.toFloatArray()) assertTrue(covered.add(v), "pixel " + v + " in two tiles");
        }
        assertEquals(96, covered.size());
        assertArrayEquals(new float[] {4, 5, 6, 7, 12, 13, 14, 15}, tiles.get(1).select(0, 0).toFloatArray());
        // overlapping grid: tops 0, 1, ..., 4 and lefts 0, 3 (6 + 4 > 8 stops)
        List<int[]> offsets = s.gridOffsets(6, 8, 1, 3);
        assertEquals(10, offsets.size());
        assertArrayEquals(new int[] {4, 3}, offsets.get(9));
    }

    @Test
    void patchJitteredGridAndRandomPatchesStayInside() {
        Tensor x = Images.ramp(1, 10, 10);
        PatchSampler s = new PatchSampler(3, 3);
        Generator g = new Generator(8);
        Set<Float> corners = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            List<Tensor> grid = s.jitteredGrid(x, 3, 3, g);
            assertEquals(9, grid.size(), "the 3 x 3 grid keeps its size when shifted by up to the slack of 1");
            corners.add(grid.get(0).toFloatArray()[0]);
        }
        assertEquals(Set.of(0f, 1f, 10f, 11f), corners);
        for (Tensor p : s.random(x, 50, g)) {
            float topLeft = p.toFloatArray()[0];
            int at = (int) topLeft;
            assertTrue(at % 10 <= 7 && at / 10 <= 7, "patch at " + at);
            assertEquals(topLeft + 22, p.toFloatArray()[8]);
        }
    }

    @Test
    void argumentErrorsNameTheTransformTheArgumentAndItsValue() {
        assertMessage(() -> new RandomHorizontalFlip(1.5), "RandomHorizontalFlip", "p=1.5");
        assertMessage(() -> new RandomCrop(0, 4), "RandomCrop", "size=[0]");
        assertMessage(() -> new Pad(1, 2, 3), "Pad", "padding=[1, 2, 3]");
        assertMessage(() -> new Normalize(new float[] {0}, new float[] {0}), "Normalize", "std=[0.0]");
        assertMessage(() -> new ColorJitter(-1, 0, 0, 0), "ColorJitter", "brightness=-1.0");
        assertMessage(() -> new ColorJitter(0, 0, 0, 0.7), "ColorJitter", "hue=0.7");
        assertMessage(() -> new GaussianBlur(4), "GaussianBlur", "kernelSize=[4]");
        assertMessage(() -> new GaussianBlur(new int[] {3}, 2, 1), "GaussianBlur", "sigma=(2.0, 1.0)");
        assertMessage(() -> new RandomRotation(-5), "RandomRotation", "degrees=-5.0");
        assertMessage(() -> new RandomAffine(10).withScale(0, 1), "RandomAffine", "scale=(0.0, 1.0)");
        assertMessage(() -> new RandomAffine(10).withTranslate(1.5, 0), "RandomAffine", "translate=(1.5, 0.0)");
        assertMessage(() -> new RandomResizedCrop(new int[] {8}, new double[] {1, 0.5}, new double[] {1, 1}),
                "RandomResizedCrop", "scale=(1.0, 0.5)");
        assertMessage(() -> new RandomErasing(0.5, new double[] {0.1, 2}, new double[] {1, 1}, new float[] {0}),
                "RandomErasing", "scale=[0.1, 2.0]");
        assertMessage(() -> new Grayscale(2), "Grayscale", "numOutputChannels=2");
        assertMessage(() -> new AdjustGamma(-1), "AdjustGamma", "gamma=-1.0");
        assertMessage(() -> new PatchSampler(0, 3), "PatchSampler", "height=0");
        assertMessage(() -> new RandomCrop(40, 0).apply(Tensor.zeros(1, 28, 28), G), "RandomCrop",
                "at least 40 x 40", "got 28 x 28", "padIfNeeded");
        assertMessage(() -> new Normalize(new float[] {0, 0}, new float[] {1, 1}).apply(Tensor.zeros(3, 2, 2), G),
                "Normalize", "mean with 1 or 3 values", "got 2");
        assertMessage(() -> new PatchSampler(5, 5).grid(Tensor.zeros(1, 4, 8), 1, 1), "PatchSampler", "got 4 x 8");
        ShapeException e = assertThrows(ShapeException.class, () -> new CenterCrop(2).apply(Tensor.zeros(28, 28), G));
        assertTrue(e.getMessage().contains("CenterCrop") && e.getMessage().contains("C x H x W")
                && e.getMessage().contains("[28, 28]") && e.getMessage().contains("unsqueeze(0)"), e.getMessage());
    }

    private static void assertMessage(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::execute);
        for (String part : parts) assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
    }

    /** A call that throws. */
    private interface Executable {
        void execute();
    }
}
