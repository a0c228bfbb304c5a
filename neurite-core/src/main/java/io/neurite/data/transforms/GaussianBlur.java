package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/**
 * Blurs with a Gaussian kernel whose sigma is uniform in {@code [sigmaMin, sigmaMax]} (torchvision's
 * GaussianBlur): the separable kernel is {@code exp(-x^2 / (2 sigma^2))} normalized, over
 * {@code x = -(k-1)/2 .. (k-1)/2}; borders are reflected.
 */
public final class GaussianBlur implements Transform {

    private final int kernelH, kernelW;
    private final double sigmaMin, sigmaMax;

    /** A square kernel of odd size {@code kernel}, sigma in torchvision's default (0.1, 2.0). */
    public GaussianBlur(int kernel) {
        this(new int[] {kernel}, 0.1, 2.0);
    }

    /** @param kernel odd {@code (k)} or {@code (kh, kw)} */
    public GaussianBlur(int[] kernel, double sigmaMin, double sigmaMax) {
        int[] hw = Check.size("GaussianBlur", "kernelSize", kernel);
        if (hw[0] % 2 == 0 || hw[1] % 2 == 0) {
            throw Check.bad("GaussianBlur", "kernelSize", java.util.Arrays.toString(kernel), "odd and positive");
        }
        Check.range("GaussianBlur", "sigma", sigmaMin, sigmaMax);
        if (sigmaMin <= 0) throw Check.bad("GaussianBlur", "sigma", "(" + sigmaMin + ", " + sigmaMax + ")", "> 0");
        this.kernelH = hw[0];
        this.kernelW = hw[1];
        this.sigmaMin = sigmaMin;
        this.sigmaMax = sigmaMax;
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        return blur(Image.of("GaussianBlur", image), kernelH, kernelW, Rand.uniform(g, sigmaMin, sigmaMax));
    }

    /** The normalized 1-d Gaussian kernel of odd size k. */
    static float[] kernel(int k, double sigma) {
        float[] out = new float[k];
        double half = (k - 1) * 0.5, sum = 0;
        double[] pdf = new double[k];
        for (int i = 0; i < k; i++) {
            double x = (i - half) / sigma;
            pdf[i] = Math.exp(-0.5 * x * x);
            sum += pdf[i];
        }
        for (int i = 0; i < k; i++) out[i] = (float) (pdf[i] / sum);
        return out;
    }

    static Tensor blur(Image im, int kh, int kw, double sigma) {
        float[] ky = kernel(kh, sigma), kx = kernel(kw, sigma);
        int h = im.height(), w = im.width(), rx = kw / 2, ry = kh / 2;
        float[] src = im.data(), tmp = new float[src.length], out = new float[src.length];
        int[] cols = new int[w + 2 * rx], rows = new int[h + 2 * ry];
        for (int i = 0; i < cols.length; i++) cols[i] = PaddingMode.REFLECT.source(i - rx, w);
        for (int i = 0; i < rows.length; i++) rows[i] = PaddingMode.REFLECT.source(i - ry, h);
        for (int c = 0; c < im.channels(); c++) {
            int base = c * h * w;
            for (int y = 0; y < h; y++) {
                int row = base + y * w;
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    for (int k = 0; k < kw; k++) s += kx[k] * src[row + cols[x + k]];
                    tmp[row + x] = s;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    for (int k = 0; k < kh; k++) s += ky[k] * tmp[base + rows[y + k] * w + x];
                    out[base + y * w + x] = s;
                }
            }
        }
        return Image.tensor(out, im.channels(), h, w);
    }

    @Override
    public String toString() {
        return "GaussianBlur(kernelSize=(" + kernelH + ", " + kernelW + "), sigma=(" + sigmaMin + ", " + sigmaMax
                + "))";
    }
}
