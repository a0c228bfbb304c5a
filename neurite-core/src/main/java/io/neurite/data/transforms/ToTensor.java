package io.neurite.data.transforms;

import io.neurite.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Converts 8-bit pixels to a {@code C x H x W} float tensor in [0, 1] ({@code v / 255}), as
 * torchvision's ToTensor: from interleaved HWC bytes, a {@link BufferedImage} (grayscale images give
 * 1 channel, images with alpha 4 (RGBA), others 3 (RGB)), or encoded PNG/JPEG/BMP bytes.
 */
public final class ToTensor {

    private ToTensor() {
    }

    /** {@code H x W x C} unsigned bytes, row-major and interleaved, to {@code C x H x W}. */
    public static Tensor fromBytes(byte[] hwc, int height, int width, int channels) {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("ToTensor.fromBytes: expected positive height, width and channels, got "
                    + height + " x " + width + " x " + channels);
        }
        long n = (long) height * width * channels;
        if (hwc == null || hwc.length != n) {
            throw new IllegalArgumentException("ToTensor.fromBytes: expected " + n + " bytes for " + height + " x "
                    + width + " x " + channels + " (HWC), got " + (hwc == null ? "null" : hwc.length + " bytes"));
        }
        int plane = height * width;
        float[] out = new float[(int) n];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < channels; c++) out[c * plane + i] = (hwc[i * channels + c] & 0xff) / 255f;
        }
        return Image.tensor(out, channels, height, width);
    }

    /** The pixels of {@code image}: 1 channel for grayscale types, 4 with alpha, else 3 (sRGB). */
    public static Tensor fromImage(BufferedImage image) {
        if (image == null) throw new IllegalArgumentException("ToTensor.fromImage: expected an image, got null");
        int h = image.getHeight(), w = image.getWidth(), plane = h * w;
        int type = image.getType();
        if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_USHORT_GRAY) {
            Raster r = image.getRaster();
            float max = type == BufferedImage.TYPE_BYTE_GRAY ? 255f : 65535f;
            float[] out = new float[plane];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) out[y * w + x] = r.getSample(x, y, 0) / max;
            }
            return Image.tensor(out, 1, h, w);
        }
        int channels = image.getColorModel().hasAlpha() ? 4 : 3;
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] out = new float[channels * plane];
        for (int i = 0; i < plane; i++) {
            int p = argb[i];
            out[i] = ((p >> 16) & 0xff) / 255f;
            out[plane + i] = ((p >> 8) & 0xff) / 255f;
            out[2 * plane + i] = (p & 0xff) / 255f;
            if (channels == 4) out[3 * plane + i] = ((p >>> 24) & 0xff) / 255f;
        }
        return Image.tensor(out, channels, h, w);
    }

    /** Decodes PNG, JPEG, BMP or GIF bytes with the JDK's ImageIO, then {@link #fromImage}. */
    public static Tensor fromEncoded(byte[] encoded) {
        try {
            BufferedImage image = encoded == null ? null : ImageIO.read(new ByteArrayInputStream(encoded));
            if (image == null) {
                throw new IllegalArgumentException("ToTensor.fromEncoded: expected PNG, JPEG, BMP or GIF bytes, got "
                        + (encoded == null ? "null" : encoded.length + " bytes in no format ImageIO can read"));
            }
            return fromImage(image);
        } catch (IOException e) {
            throw new IllegalArgumentException("ToTensor.fromEncoded: the image data is corrupt: " + e.getMessage(), e);
        }
    }
}
