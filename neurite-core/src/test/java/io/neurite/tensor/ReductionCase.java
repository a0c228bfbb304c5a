package io.neurite.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;

/**
 * One line per reduction case: an op applied to an input, checked against PyTorch's values and
 * shape, then against PyTorch's gradient for {@code backward(w)} with {@code w_i = (i + 1) / 4}.
 * The references come from {@code src/test/python/reductions_reference.py}.
 */
final class ReductionCase {

    /** The [2, 3, 4] input most cases reduce (one zero, one tie of 2.0 along dimension 1). */
    static final float[] X = {0.5f, -1.25f, 2.0f, 3.5f, -0.75f, 1.5f, 2.0f, -2.5f, 0.25f, 4.0f, -3.0f, 1.0f,
        2.5f, 0.75f, -1.5f, 3.0f, -0.5f, 1.25f, 0.0f, 2.25f, -2.0f, 3.25f, 1.75f, -1.0f};

    private ReductionCase() {}

    static Tensor x() {
        return Tensor.of(X, 2, 3, 4);
    }

    static void check(Tensor input, Function<Tensor, Tensor> op, int[] shape, float[] values, float[] grad) {
        Tensor x = input.detach().requiresGrad(true);
        Tensor out = op.apply(x);
        assertEquals(Shape.of(shape), out.shape(), "output shape");
        assertClose(values, out.toFloatArray(), "values");
        float[] w = new float[out.numel()];
        for (int i = 0; i < w.length; i++) w[i] = (i + 1) / 4f;
        out.backward(Tensor.of(w, shape));
        assertEquals(x.shape(), x.grad().shape(), "gradient shape");
        assertClose(grad, x.grad().toFloatArray(), "gradient");
    }

    /** Equal within {@code 1e-6 + 1e-5 |expected|}; NaN matches NaN, infinities match exactly. */
    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": element count");
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i], a = actual[i];
            boolean ok = Float.isNaN(e) ? Float.isNaN(a) : Float.isInfinite(e) ? e == a
                    : Math.abs(e - a) <= 1e-6 + 1e-5 * Math.abs(e);
            assertTrue(ok, what + " element " + i + ": expected " + e + ", got " + a);
        }
    }

    static void assertPasses(GradCheck.Result r) {
        assertTrue(r.passed(), r.report());
    }

    /** Asserts {@code action} fails with a message containing every one of {@code parts}. */
    static void assertFailsMentioning(Runnable action, String... parts) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                action::run);
        for (String part : parts) assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
