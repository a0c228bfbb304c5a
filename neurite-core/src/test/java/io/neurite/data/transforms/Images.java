package io.neurite.data.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.neurite.tensor.Tensor;

/** Small known images and comparisons for the transform tests. */
final class Images {

    private Images() {
    }

    /** A c x h x w image whose pixels are 0, 1, 2, ... in row-major order, divided by {@code scale}. */
    static Tensor ramp(int c, int h, int w, float scale) {
        float[] v = new float[c * h * w];
        for (int i = 0; i < v.length; i++) v[i] = i / scale;
        return Tensor.of(v, c, h, w);
    }

    static Tensor ramp(int c, int h, int w) {
        return ramp(c, h, w, 1f);
    }

    static void assertImage(Tensor actual, float[] expected, float tol, int... shape) {
        assertArrayEquals(shape, actual.shape().dims(), "shape");
        assertArrayEquals(expected, actual.toFloatArray(), tol);
    }
}
