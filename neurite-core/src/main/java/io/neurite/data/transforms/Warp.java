package io.neurite.data.transforms;

import io.neurite.tensor.Tensor;

/**
 * Affine warps by inverse mapping, as torchvision's tensor affine: each output pixel, taken relative
 * to the image center {@code ((W-1)/2, (H-1)/2)}, is mapped through the inverse matrix to a source
 * point sampled as {@code grid_sample(align_corners=False, padding_mode="zeros")}; the weight
 * {@code m} of the taps that fall inside the image blends in the fill:
 * {@code out = v * m + (1 - m) * fill} (bilinear), {@code fill} where {@code m < 0.5} (nearest).
 */
final class Warp {

    private Warp() {
    }

    /**
     * torchvision's {@code _get_inverse_affine_matrix} about the center: the 2x3 row-major inverse of
     * translate * rotate(angle) * shear * scale, angle and shears in degrees.
     */
    static double[] inverseMatrix(double angle, double tx, double ty, double scale, double shearX, double shearY) {
        double rot = Math.toRadians(angle), sx = Math.toRadians(shearX), sy = Math.toRadians(shearY);
        double a = Math.cos(rot - sy) / Math.cos(sy);
        double b = -Math.cos(rot - sy) * Math.tan(sx) / Math.cos(sy) - Math.sin(rot);
        double c = Math.sin(rot - sy) / Math.cos(sy);
        double d = -Math.sin(rot - sy) * Math.tan(sx) / Math.cos(sy) + Math.cos(rot);
        double[] m = {d / scale, -b / scale, 0, -c / scale, a / scale, 0};
        m[2] = m[0] * -tx + m[1] * -ty;
        m[5] = m[3] * -tx + m[4] * -ty;
        return m;
    }

    static Tensor apply(String op, Image im, double[] m, Interpolation mode, float[] fill) {
        int ch = im.channels(), h = im.height(), w = im.width(), plane = im.plane();
        float[] src = im.data(), out = new float[src.length], fills = new float[ch];
        for (int c = 0; c < ch; c++) fills[c] = Check.channelValue(op, "fill", fill, ch, c);
        double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
        for (int y = 0; y < h; y++) {
            double yr = y - cy;
            for (int x = 0; x < w; x++) {
                double xr = x - cx;
                double sx = m[0] * xr + m[1] * yr + m[2] + cx, sy = m[3] * xr + m[4] * yr + m[5] + cy;
                int o = y * w + x;
                if (mode == Interpolation.NEAREST) {
                    int ix = (int) Math.rint(sx), iy = (int) Math.rint(sy);
                    boolean inside = ix >= 0 && ix < w && iy >= 0 && iy < h;
                    for (int c = 0; c < ch; c++) out[c * plane + o] = inside ? src[c * plane + iy * w + ix] : fills[c];
                    continue;
                }
                int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
                float fx = (float) (sx - x0), fy = (float) (sy - y0);
                float w00 = inside(x0, y0, w, h) * (1 - fx) * (1 - fy), w01 = inside(x0 + 1, y0, w, h) * fx * (1 - fy);
                float w10 = inside(x0, y0 + 1, w, h) * (1 - fx) * fy, w11 = inside(x0 + 1, y0 + 1, w, h) * fx * fy;
                float mask = w00 + w01 + w10 + w11;
                if (mask == 0f) {
                    for (int c = 0; c < ch; c++) out[c * plane + o] = fills[c];
                    continue;
                }
                int i00 = y0 * w + x0;
                for (int c = 0; c < ch; c++) {
                    int b = c * plane + i00;
                    float v = (w00 == 0f ? 0f : w00 * src[b]) + (w01 == 0f ? 0f : w01 * src[b + 1])
                            + (w10 == 0f ? 0f : w10 * src[b + w]) + (w11 == 0f ? 0f : w11 * src[b + w + 1]);
                    out[c * plane + o] = v * mask + (1 - mask) * fills[c];
                }
            }
        }
        return Image.tensor(out, ch, h, w);
    }

    private static float inside(int x, int y, int w, int h) {
        return x >= 0 && x < w && y >= 0 && y < h ? 1f : 0f;
    }
}
