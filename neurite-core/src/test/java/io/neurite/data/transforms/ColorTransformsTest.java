package io.neurite.data.transforms;

import static io.neurite.data.transforms.Images.assertImage;
import static io.neurite.data.transforms.Images.ramp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ColorTransformsTest {

    private static final Generator G = new Generator(0);
    // a 3 x 2 x 2 RGB image: R = [.2 .8 .5 1], G = [.4 .1 .9 .3], B = [.6 .7 .05 .5]
    private static final float[] RGB = {0.2f, 0.8f, 0.5f, 1f, 0.4f, 0.1f, 0.9f, 0.3f, 0.6f, 0.7f, 0.05f, 0.5f};

    private static float[] rgb() {
        return RGB.clone();
    }

    @Test
    void normalizeSubtractsMeanAndDividesByStdPerChannel() {
        Tensor x = ramp(2, 1, 2); // [0 1], [2 3]
        assertImage(new Normalize(new float[] {0.5f, 1f}, new float[] {0.5f, 2f}).apply(x, G),
                new float[] {-1, 1, 0.5f, 1}, 0, 2, 1, 2);
        assertImage(new Normalize(1f, 4f).apply(x, G), new float[] {-0.25f, 0, 0.25f, 0.5f}, 0, 2, 1, 2);
    }

    @Test
    void grayscaleUsesItuR601Weights() {
        Tensor x = Tensor.of(rgb(), 3, 2, 2);
        // 0.299 R + 0.587 G + 0.114 B, by hand for the first pixel: 0.0598 + 0.2348 + 0.0684 = 0.363
        float[] gray = {0.363f, 0.3777f, 0.6835f, 0.5321f};
        assertImage(new Grayscale().apply(x, G), gray, 1e-6f, 1, 2, 2);
        float[] three = new float[12];
        for (int c = 0; c < 3; c++) System.arraycopy(gray, 0, three, 4 * c, 4);
        assertImage(new Grayscale(3).apply(x, G), three, 1e-6f, 3, 2, 2);
        // grayscale to RGB: the channel repeated
        assertImage(new Grayscale(3).apply(ramp(1, 1, 2), G), new float[] {0, 1, 0, 1, 0, 1}, 0, 3, 1, 2);
    }

    @Test
    void brightnessContrastSaturationFormulas() {
        float[] x = rgb();
        Color.brightness(x, 1.5f);
        assertArrayEquals(new float[] {0.3f, 1f, 0.75f, 1f, 0.6f, 0.15f, 1f, 0.45f, 0.9f, 1f, 0.075f, 0.75f}, x, 1e-6f);
        // contrast 0.5: 0.5 x + 0.5 mean(gray), mean(gray) = (0.363 + 0.3777 + 0.6835 + 0.5321) / 4 = 0.489075
        x = rgb();
        Color.contrast(x, 3, 4, 0.5f);
        assertArrayEquals(new float[] {0.3445375f, 0.6445375f, 0.4945375f, 0.7445375f, 0.4445375f, 0.2945375f,
            0.6945375f, 0.3945375f, 0.5445375f, 0.5945375f, 0.2695375f, 0.4945375f}, x, 1e-6f);
        // saturation 1.7: clamp(1.7 x - 0.7 gray), e.g. R of pixel 0: 0.34 - 0.2541 = 0.0859
        x = rgb();
        Color.saturation(x, 3, 4, 1.7f);
        assertArrayEquals(new float[] {0.0859f, 1f, 0.37155f, 1f, 0.4259f, 0f, 1f, 0.13753f, 0.7659f, 0.92561f, 0f,
            0.47753f}, x, 1e-5f);
        // a single channel: contrast uses its own mean (0.5 x + 0.25 for mean 0.5), saturation is a no-op
        float[] one = {0f, 1f};
        Color.contrast(one, 1, 2, 0.5f);
        assertArrayEquals(new float[] {0.25f, 0.75f}, one, 1e-7f);
        Color.saturation(one, 1, 2, 3f);
        assertArrayEquals(new float[] {0.25f, 0.75f}, one, 1e-7f);
    }

    @Test
    void hueShiftMatchesTorchvisionHsv() {
        // torchvision _rgb2hsv / _hsv2rgb with h = (h + 0.25) % 1 and (h - 0.4) % 1
        float[] x = {0.9f, 0.2f, 0.5f, 0.1f, 0.3f, 0.3f, 0.1f, 0.7f, 0.5f, 0.8f, 0.3f, 0.6f, 0.4f, 0.3f, 0.5f, 0.2f,
            0.3f, 0.9f};
        float[] a = x.clone();
        Color.hue(a, 3, 6, 0.25f);
        assertArrayEquals(new float[] {0.8f, 0.2f, 0.5f, 0.1f, 0.3f, 0.9f, 0.9f, 0.35f, 0.5f, 0.35f, 0.3f, 0.3f,
            0.1f, 0.7f, 0.5f, 0.8f, 0.3f, 0.9f}, a, 2e-6f);
        float[] b = x.clone();
        Color.hue(b, 3, 6, -0.4f);
        assertArrayEquals(new float[] {0.1f, 0.7f, 0.5f, 0.8f, 0.3f, 0.84f, 0.72f, 0.2f, 0.5f, 0.1f, 0.3f, 0.9f,
            0.9f, 0.3f, 0.5f, 0.28f, 0.3f, 0.3f}, b, 2e-6f);
    }

    @Test
    void gammaIsGainTimesPowerClamped() {
        Tensor x = Tensor.of(rgb(), 3, 2, 2);
        assertImage(new AdjustGamma(0.5, 1.1).apply(x, G), new float[] {0.49193496f, 0.9838699f, 0.7778175f, 1f,
            0.6957011f, 0.34785056f, 1f, 0.60249484f, 0.8520564f, 0.92032605f, 0.24596748f, 0.7778175f},
                1e-6f, 3, 2, 2);
        Tensor r = new RandomGamma(2, 2).apply(Tensor.of(new float[] {0.5f}, 1, 1, 1), G);
        assertEquals(0.25f, r.item(), 1e-7f);
    }

    @Test
    void colorJitterBrightnessScalesEveryPixelByOneFactorInRange() {
        Generator g = new Generator(9);
        Tensor x = Tensor.of(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 1, 2, 2);
        for (int i = 0; i < 20; i++) {
            float[] y = new ColorJitter(0.5, 0, 0, 0).apply(x, g).toFloatArray();
            float f = y[0] / 0.1f;
            assertTrue(f >= 0.5f && f <= 1.5f, "factor " + f);
            for (int k = 1; k < 4; k++) assertEquals(f * (k + 1) / 10f, y[k], 1e-6f);
        }
    }

    @Test
    void colorJitterIsReproducibleAndKeepsValuesInRange() {
        ColorJitter t = new ColorJitter(0.4, 0.4, 0.4, 0.1);
        Tensor x = Tensor.rand(new Generator(2), 3, 8, 8);
        float[] a = t.apply(x, new Generator(42)).toFloatArray(), b = t.apply(x, new Generator(42)).toFloatArray();
        assertArrayEquals(a, b);
        for (float v : a) assertTrue(v >= 0 && v <= 1, "value " + v);
        assertTrue(!java.util.Arrays.equals(a, t.apply(x, new Generator(43)).toFloatArray()), "another seed differs");
    }

    @Test
    void gaussianBlurMatchesTorchConvWithReflectPadding() {
        Tensor x = Tensor.of(new float[30], 1, 5, 6);
        float[] v = new float[30];
        for (int i = 0; i < 30; i++) v[i] = (i % 7) / 7f;
        x = Tensor.of(v, 1, 5, 6);
        // conv2d(pad(x, [1, 1, 2, 2], "reflect"), gauss(5, 0.8) outer gauss(3, 0.8))
        assertImage(GaussianBlur.blur(Image.of("test", x), 5, 3, 0.8), new float[] {0.27289492f, 0.20764011f,
            0.21837601f, 0.35075101f, 0.49360818f, 0.56818122f, 0.44159517f, 0.31409013f, 0.20789322f, 0.28468978f,
            0.42230585f, 0.49687892f, 0.65141398f, 0.54202819f, 0.31511471f, 0.21415883f, 0.29095536f,
            0.36028737f, 0.63549614f, 0.64924967f, 0.54305279f, 0.30469173f, 0.20373586f, 0.22369584f,
            0.57467598f, 0.63876688f, 0.64950275f, 0.42401993f, 0.19710638f, 0.1523935f}, 1e-6f, 1, 5, 6);
        Tensor constant = Tensor.full(0.3f, 2, 4, 4);
        assertArrayEquals(constant.toFloatArray(), new GaussianBlur(3).apply(constant, G).toFloatArray(), 1e-6f);
    }

    @Test
    void sharpnessBlendsWithTheSmoothedInterior() {
        float[] v = new float[30];
        for (int i = 0; i < 30; i++) v[i] = (i % 7) / 7f;
        Tensor x = Tensor.of(v, 1, 5, 6);
        // torchvision adjust_sharpness(x, 2.0)
        assertImage(new RandomAdjustSharpness(2, 1).apply(x, G), new float[] {0f, 0.14285715f, 0.2857143f,
            0.42857143f, 0.5714286f, 0.71428573f, 0.85714287f, 0f, 0.065934062f, 0.2857143f, 0.4285714f, 0.5714286f,
            0.71428573f, 1f, 0f, 0.065934062f, 0.2857143f, 0.42857143f, 0.5714286f, 0.7912088f, 1f, 0f,
            0.065934062f, 0.2857143f, 0.42857143f, 0.5714286f, 0.71428573f, 0.85714287f, 0f, 0.14285715f},
                1e-6f, 1, 5, 6);
        assertSame(x, new RandomAdjustSharpness(2, 0).apply(x, G));
    }

    @Test
    void randomErasingWritesOneRectangleOfTheValue() {
        Generator g = new Generator(4);
        Tensor x = Tensor.ones(2, 10, 12);
        RandomErasing t = new RandomErasing(1, new double[] {0.1, 0.2}, new double[] {0.5, 2}, new float[] {-1f, -2f});
        for (int i = 0; i < 20; i++) {
            float[] y = t.apply(x, g).toFloatArray();
            int erased0 = 0, erased1 = 0, minY = 99, maxY = -1, minX = 99, maxX = -1;
            for (int p = 0; p < 120; p++) {
                if (y[p] == -1f) {
                    erased0++;
                    minY = Math.min(minY, p / 12);
                    maxY = Math.max(maxY, p / 12);
                    minX = Math.min(minX, p % 12);
                    maxX = Math.max(maxX, p % 12);
                }
                if (y[120 + p] == -2f) erased1++;
            }
            assertEquals(erased0, erased1, "same rectangle in both channels");
            assertEquals((maxY - minY + 1) * (maxX - minX + 1), erased0, "a filled rectangle");
            assertTrue(erased0 >= 0.1 * 120 * 0.5 && erased0 <= 0.2 * 120 * 1.6, "area " + erased0);
        }
        RandomErasing never = new RandomErasing(0, new double[] {0.1, 0.2}, new double[] {0.5, 2}, new float[] {0});
        assertSame(x, never.apply(x, g));
    }
}
