package io.neurite.optim;

/** Arithmetic on flat float vectors for LBFGS, with PyTorch's float32 results. */
final class FlatVectors {

    private FlatVectors() {}

    /** The dot product, accumulated in double and rounded to float (PyTorch's float32 dot). */
    static float dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return (float) s;
    }

    static float maxAbs(float[] a) {
        float m = 0;
        for (float v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    static float sumAbs(float[] a) {
        double s = 0;
        for (float v : a) s += Math.abs(v);
        return (float) s;
    }

    /** {@code c * a} as a new vector. */
    static float[] scaled(float[] a, float c) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] * c;
        return out;
    }

    /** {@code y += alpha * x}. */
    static void axpy(float[] y, float[] x, float alpha) {
        for (int i = 0; i < y.length; i++) y[i] = y[i] + alpha * x[i];
    }
}
