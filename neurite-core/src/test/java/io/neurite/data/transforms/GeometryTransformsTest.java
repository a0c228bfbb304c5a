package io.neurite.data.transforms;

import static io.neurite.data.transforms.Images.assertImage;
import static io.neurite.data.transforms.Images.ramp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Generator;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeometryTransformsTest {

    private static final Generator G = new Generator(0);

    @Test
    void horizontalAndVerticalFlipsMovePixelsToTheMirrorPosition() {
        Tensor x = ramp(2, 2, 3); // channel 0: [[0 1 2] [3 4 5]], channel 1: [[6 7 8] [9 10 11]]
        assertImage(new RandomHorizontalFlip(1).apply(x, G),
                new float[] {2, 1, 0, 5, 4, 3, 8, 7, 6, 11, 10, 9}, 0, 2, 2, 3);
        assertImage(new RandomVerticalFlip(1).apply(x, G),
                new float[] {3, 4, 5, 0, 1, 2, 9, 10, 11, 6, 7, 8}, 0, 2, 2, 3);
        assertSame(x, new RandomHorizontalFlip(0).apply(x, G));
        assertSame(x, new RandomVerticalFlip(0).apply(x, G));
    }

    @Test
    void flipProbabilityIsHonoured() {
        Generator g = new Generator(3);
        Tensor x = ramp(1, 1, 2);
        int flipped = 0;
        for (int i = 0; i < 4000; i++) if (new RandomHorizontalFlip(0.3).apply(x, g) != x) flipped++;
        assertEquals(0.3, flipped / 4000.0, 0.03);
    }

    @Test
    void padModesMatchTorchvision() {
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 1, 1, 3);
        // F.pad(x, [2, 2, 1, 0], mode=...) on a 1 x 3 row; top row padded too.
        assertImage(new Pad(new int[] {2, 0}, 9f, PaddingMode.CONSTANT).apply(x, G),
                new float[] {9, 9, 1, 2, 3, 9, 9}, 0, 1, 1, 7);
        assertImage(new Pad(new int[] {2, 0}, 0f, PaddingMode.EDGE).apply(x, G),
                new float[] {1, 1, 1, 2, 3, 3, 3}, 0, 1, 1, 7);
        assertImage(new Pad(new int[] {2, 0}, 0f, PaddingMode.REFLECT).apply(x, G),
                new float[] {3, 2, 1, 2, 3, 2, 1}, 0, 1, 1, 7);
        assertImage(new Pad(new int[] {2, 0}, 0f, PaddingMode.SYMMETRIC).apply(x, G),
                new float[] {2, 1, 1, 2, 3, 3, 2}, 0, 1, 1, 7);
        // left, top, right, bottom
        Tensor y = ramp(1, 2, 2); // [[0 1] [2 3]]
        assertImage(new Pad(1, 0, 0, 1).apply(y, G), new float[] {0, 0, 1, 0, 2, 3, 0, 0, 0}, 0, 1, 3, 3);
        assertImage(new Pad(new int[] {0, 1}, 0f, PaddingMode.REFLECT).apply(y, G),
                new float[] {2, 3, 0, 1, 2, 3, 0, 1}, 0, 1, 4, 2);
    }

    @Test
    void centerCropRoundsHalfToEvenAndPadsSmallImages() {
        Tensor x = ramp(1, 4, 5);
        // top = round(1 / 2) = 0 (half to even, as Python), left = round(2 / 2) = 1
        assertImage(new CenterCrop(3).apply(x, G), new float[] {1, 2, 3, 6, 7, 8, 11, 12, 13}, 0, 1, 3, 3);
        assertImage(new CenterCrop(2, 3).apply(x, G), new float[] {6, 7, 8, 11, 12, 13}, 0, 1, 2, 3);
        // 2 x 2 image to 3 x 4: torchvision pads [left 1, top 0, right 1, bottom 1] with zeros
        assertImage(new CenterCrop(3, 4).apply(Tensor.of(new float[] {1, 2, 3, 4}, 1, 2, 2), G),
                new float[] {0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0}, 0, 1, 3, 4);
    }

    @Test
    void randomCropReturnsEveryWindowOfThePaddedImage() {
        Tensor x = ramp(1, 3, 3, 1f).add(1f); // 1..9, so zero padding is visible
        Generator g = new Generator(7);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            Tensor crop = new RandomCrop(3, 1).apply(x, g);
            assertArrayEquals(new int[] {1, 3, 3}, crop.shape().dims());
            seen.add(java.util.Arrays.toString(crop.toFloatArray()));
        }
        assertEquals(9, seen.size(), "3 x 3 positions in the 5 x 5 padded image");
        assertTrue(seen.contains("[0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 0.0, 4.0, 5.0]"), "top-left window");
        assertTrue(seen.contains("[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]"), "centre window");
    }

    @Test
    void randomCropPadIfNeededAndEdgePadding() {
        Tensor x = Tensor.of(new float[] {1, 2}, 1, 1, 2);
        Tensor crop = new RandomCrop(new int[] {1, 4}, null, true, 0f, PaddingMode.EDGE).apply(x, new Generator(1));
        // padded to 1 x 6 as [1 1 1 2 2 2]: every 4-wide window starts with 1 and ends with 2
        float[] v = crop.toFloatArray();
        assertEquals(4, v.length);
        assertEquals(1f, v[0]);
        assertEquals(2f, v[3]);
        assertImage(new RandomCrop(new int[] {1, 2}, null, false, 0f, PaddingMode.CONSTANT).apply(x, G),
                new float[] {1, 2}, 0, 1, 1, 2);
    }

    @Test
    void resizeIsBilinearWithoutAlignCornersAsTorch() {
        Tensor x = ramp(1, 4, 5, 19f);
        // F.interpolate(arange(20).reshape(1,1,4,5)/19, size=(3,7), mode="bilinear", align_corners=False)
        assertImage(new Resize(3, 7).apply(x, G), new float[] {0.043859657f, 0.073934846f, 0.11152883f,
            0.14912282f, 0.18671679f, 0.22431079f, 0.25438598f, 0.39473689f, 0.42481205f, 0.46240601f, 0.5f,
            0.53759402f, 0.57518798f, 0.60526317f, 0.74561411f, 0.77568924f, 0.81328326f, 0.85087717f,
            0.88847119f, 0.92606521f, 0.9561404f}, 1e-6f, 1, 3, 7);
        Tensor up = new Resize(6, 8).apply(x, G);
        assertArrayEquals(new int[] {1, 6, 8}, up.shape().dims());
        float[] u = up.toFloatArray();
        assertEquals(0.023026315f, u[1], 1e-6f);
        assertEquals(0.28618422f, u[13], 1e-6f);
        assertEquals(0.97697371f, u[46], 1e-6f);
        assertEquals(1f, u[47], 1e-6f);
    }

    @Test
    void resizeOneSizeScalesTheShorterSide() {
        assertArrayEquals(new int[] {3, 10, 15}, new Resize(10).apply(Tensor.zeros(3, 20, 30), G).shape().dims());
        assertArrayEquals(new int[] {1, 17, 8}, new Resize(8).apply(Tensor.zeros(1, 35, 16), G).shape().dims());
        Tensor x = ramp(2, 3, 3);
        assertArrayEquals(x.toFloatArray(), new Resize(3).apply(x, G).toFloatArray(), "same size is the identity");
    }

    @Test
    void randomResizedCropHasTheSizeAndFallsBackToTheCentre() {
        Generator g = new Generator(5);
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(new int[] {3, 8, 6}, new RandomResizedCrop(8, 6).apply(Tensor.rand(g, 3, 20, 30), g)
                    .shape().dims());
        }
        // scale (1, 1) on a 4 x 16 image with ratio in [1, 1]: a 8 x 8 square never fits, so the
        // fallback is the central 4 x 4 (w = round(h * max ratio))
        int[] box = RandomResizedCrop.window(new Generator(1), 4, 16, new double[] {1, 1}, new double[] {1, 1});
        assertArrayEquals(new int[] {0, 6, 4, 4}, box);
        Tensor x = ramp(1, 4, 16);
        Tensor out = new RandomResizedCrop(new int[] {4, 4}, new double[] {1, 1}, new double[] {1, 1}).apply(x, g);
        assertArrayEquals(x.narrow(2, 6, 4).toFloatArray(), out.toFloatArray());
    }

    @Test
    void randomResizedCropWindowsFitAndFollowScaleAndRatio() {
        Generator g = new Generator(12);
        double[] scale = {0.2, 0.5}, ratio = {0.75, 4.0 / 3};
        for (int i = 0; i < 500; i++) {
            int[] b = RandomResizedCrop.window(g, 20, 30, scale, ratio);
            assertTrue(b[0] >= 0 && b[1] >= 0 && b[0] + b[2] <= 20 && b[1] + b[3] <= 30, java.util.Arrays.toString(b));
            double area = b[2] * b[3] / 600.0, r = (double) b[3] / b[2];
            // rounding w and h to integers moves area and ratio a little
            assertTrue(area > 0.2 * 0.8 && area < 0.5 * 1.2, "area " + area);
            assertTrue(r > 0.75 * 0.8 && r < 4.0 / 3 * 1.2, "ratio " + r);
        }
    }

    @Test
    void emptyImagesAreRefused() {
        ShapeException e = assertThrows(ShapeException.class, () -> new Resize(4).apply(Tensor.zeros(1, 0, 5), G));
        assertTrue(e.getMessage().contains("Resize") && e.getMessage().contains("[1, 0, 5]"), e.getMessage());
    }

    @Test
    void rotationBy90DegreesIsTransposeThenVerticalFlip() {
        Tensor x = ramp(2, 4, 4);
        Tensor expected = Flip.vertical(Image.of("test", x.transpose(1, 2)));
        for (Interpolation mode : Interpolation.values()) {
            Tensor r = new RandomRotation(new double[] {90, 90}, mode, new float[] {0f}).apply(x, G);
            assertArrayEquals(expected.toFloatArray(), r.toFloatArray(), 1e-4f, mode.toString());
        }
        // counter-clockwise: the top-right pixel (3) goes to the top-left
        assertEquals(3f, new RandomRotation(new double[] {90, 90}, Interpolation.NEAREST, new float[] {0})
                .apply(x, G).toFloatArray()[0]);
    }

    @Test
    void rotationMatchesTorchvisionGridSample() {
        // torchvision F.rotate(arange(30).reshape(1,5,6)/29, 17, BILINEAR, fill=[0.0])
        Tensor x = ramp(1, 5, 6, 29f);
        assertImage(RandomRotation.rotate(Image.of("test", x), 17, Interpolation.BILINEAR, new float[] {0f}),
                new float[] {0.0030407079f, 0.023956705f, 0.079623826f, 0.17118463f, 0.26465133f, 0.094005704f,
                    0.078558818f, 0.17202556f, 0.26549229f, 0.35895902f, 0.45242572f, 0.36004424f, 0.26633316f,
                    0.35979989f, 0.45326665f, 0.54673332f, 0.64020008f, 0.73366684f, 0.30722657f, 0.54757428f,
                    0.64104104f, 0.73450768f, 0.82797444f, 0.9214412f, 0.18108904f, 0.73534864f, 0.8288154f,
                    0.80624223f, 0.39702731f, 0.12402411f}, 2e-5f, 1, 5, 6);
    }

    @Test
    void affineMatchesTorchvisionWithTranslateScaleShearAndFill() {
        // torchvision F.affine(arange(30).reshape(1,5,6)/29, angle=30, translate=[1,-2], scale=1.2,
        // shear=[10, 5], fill=[0.5]) for both interpolations
        Image x = Image.of("test", ramp(1, 5, 6, 29f));
        assertImage(RandomAffine.affine(x, 30, 1, -2, 1.2, 10, 5, Interpolation.BILINEAR, new float[] {0.5f}),
                new float[] {0.67642552f, 0.62601823f, 0.57561088f, 0.52520365f, 0.47479635f, 0.42438909f,
                    0.85225993f, 0.80185264f, 0.75144529f, 0.701038f, 0.65063065f, 0.60022336f, 0.42975405f,
                    0.52210891f, 0.857445f, 0.87687236f, 0.82646501f, 0.77605778f, 0.5f, 0.5f, 0.43807673f,
                    0.51454723f, 0.84846658f, 0.77036822f, 0.5f, 0.5f, 0.5f, 0.5f, 0.44966206f, 0.44669923f},
                2e-5f, 1, 5, 6);
        assertImage(RandomAffine.affine(x, 30, 1, -2, 1.2, 10, 5, Interpolation.NEAREST, new float[] {0.5f}),
                new float[] {0.62068963f, 0.65517241f, 0.68965518f, 0.48275861f, 0.51724136f, 0.31034482f,
                    0.86206895f, 0.86206895f, 0.68965518f, 0.7241379f, 0.7241379f, 0.55172414f, 0.5f, 0.89655173f,
                    0.93103451f, 0.93103451f, 0.75862068f, 0.79310346f, 0.5f, 0.5f, 0.5f, 0.96551722f,
                    0.96551722f, 1f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f}, 1e-6f, 1, 5, 6);
    }

    @Test
    void affineIdentityAndIntegerTranslation() {
        Tensor x = ramp(3, 5, 4);
        Tensor id = new RandomAffine(0).withInterpolation(Interpolation.BILINEAR).apply(x, G);
        assertArrayEquals(x.toFloatArray(), id.toFloatArray(), 1e-5f);
        // a shift by +1 column: out[y][x] = in[y][x - 1], the first column is the fill
        Tensor shifted = RandomAffine.affine(Image.of("test", ramp(1, 2, 3)), 0, 1, 0, 1, 0, 0,
                Interpolation.NEAREST, new float[] {-1f});
        assertImage(shifted, new float[] {-1, 0, 1, -1, 3, 4}, 0, 1, 2, 3);
    }

    @Test
    void randomAffineDrawsWithinItsRanges() {
        Generator g = new Generator(11);
        RandomAffine t = new RandomAffine(15).withTranslate(0.2, 0.2).withScale(0.8, 1.2).withShear(-5, 5, -5, 5);
        for (int i = 0; i < 20; i++) assertArrayEquals(new int[] {1, 28, 28}, t.apply(Tensor.rand(g, 1, 28, 28), g)
                .shape().dims());
    }
}
