package io.neurite.optim;

import io.neurite.tensor.Tensor;

/**
 * Writable flat data of a tensor, for updates written as loops over {@code float[]}.
 *
 * <p>{@link Tensor#contiguousData()} returns the backing array itself when the tensor is dense
 * (every parameter a layer creates), so the update writes straight into the parameter; for any
 * other layout it is a copy that {@link #commit} writes back. Either way the storage's version is
 * bumped, as PyTorch's in-place update does, so a backward that saved the old values fails clearly
 * instead of using the new ones.
 */
final class ParamData {

    private ParamData() {}

    /** The elements of {@code t} in row-major order, to be changed and then passed to {@link #commit}. */
    static float[] open(Tensor t) {
        return t.contiguousData();
    }

    /** Makes the changes to {@code data} (from {@link #open}) visible in {@code t}. Call without grad mode. */
    static void commit(Tensor t, float[] data) {
        if (t.contiguousData() == data) {
            t.markModified();
        } else {
            t.copyInPlace(Tensor.wrap(data, t.shape()));
        }
    }
}
