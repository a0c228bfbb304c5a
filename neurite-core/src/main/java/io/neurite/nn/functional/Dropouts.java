package io.neurite.nn.functional;

import io.neurite.kernels.Parallel;
import io.neurite.tensor.Generator;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;

/**
 * Dropout (Srivastava et al., "Dropout: a simple way to prevent neural networks from overfitting",
 * 2014), its channel-wise form and the SELU-preserving alpha dropout, as PyTorch computes them: in
 * training each element (or channel) is kept with probability {@code 1 - p}, drawing from the
 * {@link Generator#defaultGenerator() default generator} (so {@link Tensor#manualSeed} repeats the
 * masks); in evaluation, or with {@code p = 0}, the input is returned unchanged; {@code p = 1} gives
 * zeros. The output is {@code input * mask} (plus an offset for alpha dropout), so the gradient is
 * the upstream gradient times the same mask.
 */
public final class Dropouts {

    /** {@code alpha' = SELU scale * SELU alpha}: dropped activations are set to {@code -alpha'} before rescaling. */
    private static final double ALPHA = 1.7580993408473766;
    private static final int GRAIN = 1 << 15;

    private Dropouts() {}

    /**
     * {@code torch.nn.functional.dropout}: zeroes each element with probability {@code p} and scales
     * the rest by {@code 1 / (1 - p)}, so the expected value is unchanged.
     *
     * <p>Shapes: any; output as input.
     */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        checkProbability("dropout", p);
        if (!training || p == 0 || input.numel() == 0) return input;
        if (p == 1) return input.mul(0f);
        return input.mul(keepMask(input.shape().dims(), p));
    }

    /**
     * {@code torch.nn.functional.dropout2d}: zeroes whole channels (each {@code [H, W]} plane of each
     * sample) with probability {@code p} and scales the rest by {@code 1 / (1 - p)}. A 3-D input is
     * taken as {@code [N, C, L]}, as PyTorch 1.13 does.
     *
     * <p>Shapes: input {@code [N, C, H, W]} or {@code [N, C, L]}; output as input.
     */
    public static Tensor dropout2d(Tensor input, double p, boolean training) {
        checkProbability("dropout2d", p);
        if (input.dim() != 3 && input.dim() != 4) {
            throw new ShapeException("dropout2d: expected input of shape [N, C, H, W] or [N, C, L], got shape "
                    + input.shape() + "; hint: use dropout for element-wise dropout of other shapes", input.shape());
        }
        if (!training || p == 0 || input.numel() == 0) return input;
        if (p == 1) return input.mul(0f);
        int[] maskShape = input.shape().dims();
        for (int d = 2; d < maskShape.length; d++) maskShape[d] = 1;
        return input.mul(keepMask(maskShape, p));
    }

    /**
     * {@code torch.nn.functional.alpha_dropout} (Klambauer et al., "Self-normalizing neural
     * networks", 2017): dropped elements are set to SELU's negative saturation {@code -alpha'}, then
     * everything is mapped by {@code a x + b} with {@code a = ((1 - p)(1 + p alpha'^2))^-1/2} and
     * {@code b = a alpha' p} on kept, {@code a alpha' (p - 1)} on dropped elements, so that zero mean
     * and unit variance are kept.
     *
     * <p>Shapes: any; output as input.
     */
    public static Tensor alphaDropout(Tensor input, double p, boolean training) {
        checkProbability("alphaDropout", p);
        if (!training || p == 0 || input.numel() == 0) return input;
        if (p == 1) return input.mul(0f);
        double a = 1 / Math.sqrt((ALPHA * ALPHA * p + 1) * (1 - p));
        float keptOffset = (float) (ALPHA * a * p), droppedOffset = -(float) (ALPHA * a) + keptOffset;
        int[] shape = input.shape().dims();
        float[] u = uniform(shape);
        float[] scale = new float[u.length], offset = new float[u.length];
        float keep = (float) (1 - p), fa = (float) a;
        Parallel.forRange(u.length, GRAIN, (i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                boolean kept = u[i] < keep;
                scale[i] = kept ? fa : 0f;
                offset[i] = kept ? keptOffset : droppedOffset;
            }
        });
        return input.mul(Tensor.wrap(scale, input.shape())).add(Tensor.wrap(offset, input.shape()));
    }

    /** Fails unless {@code 0 <= p <= 1}, naming {@code op}. */
    public static void checkProbability(String op, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(op + ": dropout probability has to be between 0 and 1, but got p="
                    + p + "; hint: p is the probability of zeroing an element, e.g. 0.5");
        }
    }

    /** A tensor of {@code shape} holding {@code 1 / (1 - p)} with probability {@code 1 - p}, else 0. */
    private static Tensor keepMask(int[] shape, double p) {
        float[] u = uniform(shape);
        float[] mask = new float[u.length];
        float keep = (float) (1 - p), kept = 1f / keep;
        Parallel.forRange(u.length, GRAIN, (i0, i1) -> {
            for (int i = i0; i < i1; i++) mask[i] = u[i] < keep ? kept : 0f;
        });
        return Tensor.wrap(mask, io.neurite.tensor.Shape.of(shape));
    }

    private static float[] uniform(int[] shape) {
        return Tensor.rand(Generator.defaultGenerator(), shape).contiguousData();
    }
}
