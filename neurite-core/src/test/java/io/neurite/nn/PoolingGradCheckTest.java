package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.nn.functional.Interpolation;
import io.neurite.nn.functional.Interpolation.Mode;
import io.neurite.nn.functional.PoolOptions;
import io.neurite.tensor.Generator;
import io.neurite.tensor.GradCheck;
import io.neurite.tensor.Tensor;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Finite differences against backward for every differentiable pooling and resampling function. Max
 * pooling inputs are a shuffled ramp with steps of 0.1, ten times the perturbation, so no maximum changes
 * place while differencing (ties would make the function non-differentiable).
 */
class PoolingGradCheckTest {

    /** Distinct values {@code 0.1 * (0 .. n-1) - n / 20}, shuffled: far apart, no ties. */
    private static Tensor distinct(long seed, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = 0.1f * i - n / 20f;
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            float t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return Tensor.of(v, shape).requiresGrad(true);
    }

    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), shape).requiresGrad(true);
    }

    private static void check(Function<Tensor, Tensor> f, Tensor x) {
        GradCheck.Result r = GradCheck.check(in -> f.apply(in[0]), x);
        assertTrue(r.passed(), r.report());
    }

    @Test
    void maxPooling() {
        check(x -> F.maxPool1d(x, PoolOptions.of(3).withStride(2).withPadding(1)), distinct(1, 2, 2, 9));
        check(x -> F.maxPool2d(x, PoolOptions.of(3).withStride(2).withPadding(1).withCeilMode(true)),
                distinct(2, 1, 2, 6, 6));
        check(x -> F.maxPool2d(x, PoolOptions.of(2, 3).withStride(1, 2).withDilation(2, 1)), distinct(3, 1, 1, 6, 7));
        check(x -> F.maxPool2d(x, 2, 1), distinct(4, 2, 5, 5));
        check(x -> F.maxPool3d(x, PoolOptions.of(2).withStride(1).withPadding(1)), distinct(5, 1, 1, 3, 3, 4));
        check(x -> F.adaptiveMaxPool2d(x, 3, 2), distinct(6, 1, 2, 7, 5));
    }

    @Test
    void maxUnpooling() {
        Tensor indices = F.maxPool2dWithIndices(distinct(7, 1, 2, 5, 5), PoolOptions.of(2)).indices();
        check(x -> F.maxUnpool2d(x, indices, PoolOptions.of(2), 5, 5), randn(8, 1, 2, 2, 2));
    }

    @Test
    void averagePooling() {
        check(x -> F.avgPool1d(x, PoolOptions.of(3).withStride(2).withPadding(1).withCountIncludePad(false)),
                randn(9, 2, 2, 8));
        check(x -> F.avgPool2d(x, PoolOptions.of(3).withStride(2).withPadding(1).withCeilMode(true)),
                randn(10, 1, 2, 6, 6));
        check(x -> F.avgPool2d(x, PoolOptions.of(2, 3).withStride(1).withPadding(1).withDivisorOverride(4)),
                randn(11, 1, 1, 4, 5));
        check(x -> F.adaptiveAvgPool1d(x, 4), randn(12, 2, 2, 10));
        check(x -> F.adaptiveAvgPool2d(x, 3, 4), randn(13, 1, 2, 7, 5));
    }

    @Test
    void resampling() {
        check(x -> F.interpolate(x, Interpolation.scaleFactor(1.5)), randn(14, 1, 2, 3, 4));
        check(x -> F.interpolate(x, Interpolation.size(2, 3, 5)), randn(15, 1, 1, 3, 2, 4));
        check(x -> F.interpolate(x, Interpolation.size(5, 7).withMode(Mode.BILINEAR).withAlignCorners(true)),
                randn(16, 1, 2, 3, 4));
        check(x -> F.interpolate(x, Interpolation.scaleFactor(1.7, 0.6).withMode(Mode.BILINEAR)),
                randn(17, 2, 1, 4, 5));
        check(x -> F.interpolate(x, Interpolation.size(9).withMode(Mode.LINEAR)), randn(18, 1, 2, 4));
        check(x -> F.pixelShuffle(x, 2), randn(19, 1, 8, 2, 3));
        check(x -> F.pixelUnshuffle(x, 2), randn(20, 2, 1, 4, 6));
    }
}
