package io.neurite.nn.functional;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * Local response normalization across channels (Krizhevsky, Sutskever and Hinton, "ImageNet
 * classification with deep convolutional neural networks", 2012), with PyTorch's formula: channel
 * {@code c} is divided by {@code d_c^beta}, {@code d_c = k + alpha / size * sum(x_j^2)} over the
 * channels {@code j} from {@code c - size/2} to {@code c + (size-1)/2} that exist (the window is
 * zero-padded, and the sum always divided by {@code size}).
 *
 * <p>Backward: {@code dx_j = g_j d_j^-beta - (2 alpha beta / size) x_j sum(g_c x_c d_c^(-beta-1))}
 * over the channels {@code c} whose window holds {@code j}.
 */
public final class LocalResponse {

    private static final int GRAIN = 1 << 14;

    private LocalResponse() {}

    /**
     * {@code torch.nn.functional.local_response_norm}.
     *
     * <p>Shapes: input {@code [N, C, *]} with at least 3 dimensions; output as input.
     */
    public static Tensor localResponseNorm(Tensor input, int size, double alpha, double beta, double k) {
        String op = "localResponseNorm";
        if (input.dim() < 3) {
            throw new ShapeException(op + ": expected input of 3 or more dimensions [N, C, *], got shape "
                    + input.shape() + "; hint: add a spatial dimension with unsqueeze(-1)", input.shape());
        }
        if (size <= 0) throw new IllegalArgumentException(op + ": expected size > 0, got size=" + size);
        BatchNorm.Layout s = BatchNorm.Layout.of(op, input);
        if (input.numel() == 0) return input.clone();
        float[] x = input.contiguousData();
        int c = s.c(), l = s.l(), before = size / 2, after = (size - 1) / 2;
        float[] d = new float[x.length], dPow = new float[x.length], y = new float[x.length];
        float a = (float) (alpha / size);
        Parallel.forRange(s.n() * c, Math.max(1, GRAIN / (l * size)), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int ch = r % c, plane = (r - ch) * l, off = r * l;
                for (int j = Math.max(0, ch - before); j <= Math.min(c - 1, ch + after); j++) {
                    int o = plane + j * l;
                    for (int i = 0; i < l; i++) d[off + i] += x[o + i] * x[o + i];
                }
                for (int i = 0; i < l; i++) {
                    d[off + i] = d[off + i] * a + (float) k;
                    dPow[off + i] = power(d[off + i], beta);
                    y[off + i] = x[off + i] * dPow[off + i];
                }
            }
        });
        Tensor out = Tensor.wrap(y, input.shape());
        return Autograd.record(op, out, new Tensor[] {input}, new Tensor[] {input}, g -> {
            float[] gd = g.contiguousData();
            float[] t = new float[x.length], dx = new float[x.length];
            float coef = (float) (2 * alpha * beta / size);
            Parallel.forRange(t.length, GRAIN, (i0, i1) -> {
                for (int i = i0; i < i1; i++) t[i] = gd[i] * y[i] / d[i];
            });
            Parallel.forRange(s.n() * c, Math.max(1, GRAIN / (l * size)), (r0, r1) -> {
                float[] window = new float[l];
                for (int r = r0; r < r1; r++) {
                    int ch = r % c, plane = (r - ch) * l, off = r * l;
                    java.util.Arrays.fill(window, 0f);
                    for (int j = Math.max(0, ch - after); j <= Math.min(c - 1, ch + before); j++) {
                        int o = plane + j * l;
                        for (int i = 0; i < l; i++) window[i] += t[o + i];
                    }
                    for (int i = 0; i < l; i++) {
                        dx[off + i] = gd[off + i] * dPow[off + i] - coef * x[off + i] * window[i];
                    }
                }
            });
            return new Tensor[] {Tensor.wrap(dx, input.shape())};
        });
    }

    /** {@code d^-beta}; AlexNet's {@code beta = 0.75} as {@code 1 / (sqrt(d) sqrt(sqrt(d)))}, much faster than pow. */
    private static float power(float d, double beta) {
        if (beta == 0.75) {
            double r = Math.sqrt(d);
            return (float) (1.0 / (r * Math.sqrt(r)));
        }
        return (float) Math.pow(d, -beta);
    }
}
