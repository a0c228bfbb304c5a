package io.neurite.tensor;

/**
 * The flat array behind one or more tensor views, with a version counter that in-place operations
 * bump so autograd can tell when a tensor saved for backward was changed.
 */
final class Storage {

    final float[] floats;
    final int[] ints;
    private int version;

    private Storage(float[] floats, int[] ints) {
        this.floats = floats;
        this.ints = ints;
    }

    static Storage ofFloats(float[] data) {
        return new Storage(data, null);
    }

    static Storage ofInts(int[] data) {
        return new Storage(null, data);
    }

    DType dtype() {
        return floats != null ? DType.FLOAT32 : DType.INT32;
    }

    int length() {
        return floats != null ? floats.length : ints.length;
    }

    int version() {
        return version;
    }

    void bumpVersion() {
        version++;
    }
}
