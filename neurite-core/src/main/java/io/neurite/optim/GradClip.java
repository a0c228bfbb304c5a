package io.neurite.optim;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient clipping against exploding gradients, as {@code torch.nn.utils.clip_grad_norm_} and
 * {@code clip_grad_value_}: call it between {@code backward()} and {@code step()}.
 *
 * <pre>{@code
 * loss.backward();
 * float norm = GradClip.clipGradNorm(model.parameters(), 1.0);
 * optimizer.step();
 * }</pre>
 */
public final class GradClip {

    private GradClip() {}

    /** {@link #clipGradNorm(List, double, double, boolean)} with the 2-norm, without the non-finite check. */
    public static float clipGradNorm(List<Tensor> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, 2, false);
    }

    /** {@link #clipGradNorm(List, double, double, boolean)} without the non-finite check. */
    public static float clipGradNorm(List<Tensor> params, double maxNorm, double normType) {
        return clipGradNorm(params, maxNorm, normType, false);
    }

    /**
     * Scales the gradients of {@code params} in place so that their joint {@code normType}-norm (as
     * if concatenated into one vector) is at most {@code maxNorm}: each gradient is multiplied by
     * {@code min(1, maxNorm / (total + 1e-6))}. Parameters without gradient are skipped.
     *
     * @param normType p > 0, or {@code Double.POSITIVE_INFINITY} for the largest |g|
     * @param errorIfNonfinite fail, changing nothing, when the total norm is NaN or infinite
     * @return the total norm before clipping (0 when no parameter has a gradient)
     */
    public static float clipGradNorm(List<Tensor> params, double maxNorm, double normType, boolean errorIfNonfinite) {
        if (!(normType > 0)) {
            throw new IllegalArgumentException("clipGradNorm: normType must be > 0 (1, 2, ... or"
                    + " Double.POSITIVE_INFINITY), got " + normType);
        }
        if (Double.isNaN(maxNorm)) {
            throw new IllegalArgumentException("clipGradNorm: maxNorm must be a number, got NaN");
        }
        List<Tensor> grads = grads(params);
        if (grads.isEmpty()) return 0f;
        float total = totalNorm(grads, normType);
        if (errorIfNonfinite && !Float.isFinite(total)) {
            throw new IllegalStateException("clipGradNorm: the total norm of order " + normType + " of the"
                    + " gradients is " + total + ", so they cannot be clipped; hint: look for a NaN or"
                    + " infinite loss, or pass errorIfNonfinite=false to scale by the non-finite norm anyway");
        }
        // PyTorch's float32 arithmetic: max_norm / (total + 1e-6) is reciprocal() * max_norm; NaN stays NaN
        float coef = Math.min(1f / (total + 1e-6f) * (float) maxNorm, 1f);
        try (var scope = Autograd.noGrad()) {
            for (Tensor g : grads) {
                float[] data = ParamData.open(g);
                for (int i = 0; i < data.length; i++) data[i] = data[i] * coef;
                ParamData.commit(g, data);
            }
        }
        return total;
    }

    /** Clamps every gradient element of {@code params} into {@code [-clipValue, clipValue]}, in place. */
    public static void clipGradValue(List<Tensor> params, double clipValue) {
        if (!(clipValue >= 0)) {
            throw new IllegalArgumentException("clipGradValue: clipValue must be >= 0, got " + clipValue);
        }
        float c = (float) clipValue;
        try (var scope = Autograd.noGrad()) {
            for (Tensor g : grads(params)) {
                float[] data = ParamData.open(g);
                for (int i = 0; i < data.length; i++) {
                    float v = data[i];
                    data[i] = v > c ? c : v < -c ? -c : v;  // NaN stays NaN, as torch.clamp
                }
                ParamData.commit(g, data);
            }
        }
    }

    private static List<Tensor> grads(List<Tensor> params) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor p : params) if (p.grad() != null) out.add(p.grad());
        return out;
    }

    /** The norm of the per-tensor norms (each rounded to float, as PyTorch stacks float32 norms). */
    private static float totalNorm(List<Tensor> grads, double p) {
        if (p == Double.POSITIVE_INFINITY) {
            float max = 0f;
            for (Tensor g : grads) {
                for (float v : g.contiguousData()) {
                    float a = Math.abs(v);
                    if (a > max || Float.isNaN(a)) max = a;
                    if (Float.isNaN(max)) return Float.NaN;
                }
            }
            return max;
        }
        double outer = 0;
        for (Tensor g : grads) {
            double inner = 0;
            for (float v : g.contiguousData()) inner += pow(Math.abs((double) v), p);
            float norm = (float) root(inner, p);
            outer += pow(norm, p);
        }
        return (float) root(outer, p);
    }

    private static double pow(double x, double p) {
        return p == 1 ? x : p == 2 ? x * x : Math.pow(x, p);
    }

    private static double root(double x, double p) {
        return p == 1 ? x : p == 2 ? Math.sqrt(x) : Math.pow(x, 1 / p);
    }
}
