package io.neurite.nn.functional;

import io.neurite.kernels.BinaryOp;
import io.neurite.kernels.Elementwise;
import io.neurite.kernels.Parallel;
import io.neurite.nn.loss.Reduction;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;

/**
 * An elementwise loss {@code l(x, y)} between an input and a target of the same shape, evaluated and
 * differentiated over ranges of flat arrays, so that each loss is two plain loops and the reduction,
 * threading and autograd live here once.
 */
interface Pointwise {

    /** The dense operands: input, target, and optional per-element weight and positive-class weight. */
    record Operands(float[] x, float[] y, float[] w, float[] pw) {}

    /** {@code out[i] = l(x_i, y_i)} for {@code i} in {@code [from, to)}. */
    void values(Operands o, float[] out, int from, int to);

    /** {@code gx[i] = dl/dx_i} and {@code gy[i] = dl/dy_i} on {@code [from, to)}; either array may be null (not wanted). */
    void grads(Operands o, float[] gx, float[] gy, int from, int to);

    int GRAIN = 1 << 14;

    /**
     * The reduced loss of {@code input} against {@code target} (already checked to have one shape), with
     * gradients for whichever of them requires grad. MEAN and BATCHMEAN divide by {@code denominator}.
     */
    static Tensor apply(String op, Pointwise loss, Tensor input, Tensor target, float[] w, float[] pw,
                        Reduction reduction, double denominator) {
        Operands o = new Operands(input.detach().contiguousData(), target.detach().contiguousData(), w, pw);
        int n = input.numel();
        float[] values = new float[n];
        Parallel.forRange(n, GRAIN, (from, to) -> loss.values(o, values, from, to));
        Tensor out = LossReduction.of(values, input.shape(), reduction, denominator);
        return Autograd.record(op, out, new Tensor[] {input, target}, new Tensor[] {input, target}, g -> {
            float[] scale = LossReduction.scales(g, reduction, denominator);
            float[] gx = input.requiresGrad() ? new float[n] : null;
            float[] gy = target.requiresGrad() ? new float[n] : null;
            Parallel.forRange(n, GRAIN, (from, to) -> {
                loss.grads(o, gx, gy, from, to);
                int sOff = scale.length == 1 ? 0 : from, sStride = scale.length == 1 ? 0 : 1;
                if (gx != null) Elementwise.binary(BinaryOp.MUL, to - from, gx, from, 1, scale, sOff, sStride, gx, from, 1);
                if (gy != null) Elementwise.binary(BinaryOp.MUL, to - from, gy, from, 1, scale, sOff, sStride, gy, from, 1);
            });
            return new Tensor[] {gx == null ? null : Tensor.wrap(gx, input.shape()),
                                 gy == null ? null : Tensor.wrap(gy, target.shape())};
        });
    }
}
