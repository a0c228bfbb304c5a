package io.neurite.data.transforms;

/**
 * torchvision's color adjustments on float images in [0, 1], written in place into {@code x}
 * (a private copy, {@code c x plane}). Each adjustment is a blend
 * {@code clamp(f * x + (1 - f) * other, 0, 1)} with the degenerate image {@code other}:
 * black (brightness), the mean of the grayscale (contrast), the grayscale (saturation), the 3x3
 * smoothed image (sharpness).
 */
final class Color {

    /** ITU-R 601-2 luma weights, as PIL's convert("L"). */
    static final float R = 0.299f, G = 0.587f, B = 0.114f;

    private Color() {
    }

    /** The luma plane of an RGB image (or the only plane of a grayscale one). */
    static float[] gray(float[] x, int channels, int plane) {
        float[] out = new float[plane];
        if (channels == 1) {
            System.arraycopy(x, 0, out, 0, plane);
            return out;
        }
        for (int i = 0; i < plane; i++) out[i] = R * x[i] + G * x[plane + i] + B * x[2 * plane + i];
        return out;
    }

    /** clamp(f * x, 0, 1). */
    static void brightness(float[] x, float f) {
        for (int i = 0; i < x.length; i++) x[i] = clamp(f * x[i]);
    }

    /** clamp(f * x + (1 - f) * mean(gray(x)), 0, 1). */
    static void contrast(float[] x, int channels, int plane, float f) {
        double sum = 0;
        float[] gray = gray(x, channels, plane);
        for (float v : gray) sum += v;
        float other = (1 - f) * (float) (sum / plane);
        for (int i = 0; i < x.length; i++) x[i] = clamp(f * x[i] + other);
    }

    /** clamp(f * x + (1 - f) * gray(x), 0, 1); a grayscale image is returned unchanged, as torchvision. */
    static void saturation(float[] x, int channels, int plane, float f) {
        if (channels == 1) return;
        float[] gray = gray(x, channels, plane);
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < plane; i++) x[c * plane + i] = clamp(f * x[c * plane + i] + (1 - f) * gray[i]);
        }
    }

    /** Hue shifted by {@code shift} turns in HSV (torchvision's _rgb2hsv / _hsv2rgb); grayscale unchanged. */
    static void hue(float[] x, int channels, int plane, float shift) {
        if (channels == 1) return;
        for (int i = 0; i < plane; i++) {
            float r = x[i], g = x[plane + i], b = x[2 * plane + i];
            float max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b)), cr = max - min;
            boolean flat = max == min;
            float s = cr / (flat ? 1f : max), div = flat ? 1f : cr;
            float rc = (max - r) / div, gc = (max - g) / div, bc = (max - b) / div;
            float h = max == r ? bc - gc : max == g ? 2f + rc - bc : 4f + gc - rc;
            h = (h / 6f + 1f) % 1f;
            h = floorMod1(h + shift);
            float h6 = h * 6f, fi = (float) Math.floor(h6), f = h6 - fi;
            int sector = Math.floorMod((int) fi, 6);
            float v = max;
            float p = clamp(v * (1 - s)), q = clamp(v * (1 - s * f)), t = clamp(v * (1 - s * (1 - f)));
            switch (sector) {
                case 0 -> { r = v; g = t; b = p; }
                case 1 -> { r = q; g = v; b = p; }
                case 2 -> { r = p; g = v; b = t; }
                case 3 -> { r = p; g = q; b = v; }
                case 4 -> { r = t; g = p; b = v; }
                default -> { r = v; g = p; b = q; }
            }
            x[i] = r;
            x[plane + i] = g;
            x[2 * plane + i] = b;
        }
    }

    /** clamp(gain * x^gamma, 0, 1) (torchvision's adjust_gamma). */
    static void gamma(float[] x, float gamma, float gain) {
        for (int i = 0; i < x.length; i++) x[i] = clamp(gain * (float) Math.pow(x[i], gamma));
    }

    /**
     * Blend with the image smoothed by {@code [[1,1,1],[1,5,1],[1,1,1]] / 13} on interior pixels (the
     * border keeps its values), as torchvision's adjust_sharpness; images of width or height 2 or less
     * are unchanged.
     */
    static void sharpness(float[] x, int channels, int h, int w, float f) {
        if (h <= 2 || w <= 2) return;
        float[] smooth = x.clone();
        for (int c = 0; c < channels; c++) {
            int base = c * h * w;
            for (int y = 1; y < h - 1; y++) {
                for (int xx = 1; xx < w - 1; xx++) {
                    int i = base + y * w + xx;
                    float s = x[i - w - 1] + x[i - w] + x[i - w + 1] + x[i - 1] + 5 * x[i] + x[i + 1]
                            + x[i + w - 1] + x[i + w] + x[i + w + 1];
                    smooth[i] = s / 13f;
                }
            }
        }
        for (int i = 0; i < x.length; i++) x[i] = clamp(f * x[i] + (1 - f) * smooth[i]);
    }

    private static float floorMod1(float v) {
        float m = v % 1f;
        return m < 0 ? m + 1f : m;
    }

    static float clamp(float v) {
        return v < 0f ? 0f : (v > 1f ? 1f : v);
    }
}
