package io.neurite.tensor;

import java.util.Arrays;

/** Operations that return views sharing storage with their input, each with its backward rule. */
final class Views {

    private Views() {}

    private static Tensor viewOf(Tensor t, Shape shape, int[] strides, int offset) {
        return new Tensor(t.storage, shape, strides, offset);
    }

    // ---------------------------------------------------------------- reshape

    static Tensor view(Tensor t, int[] sizes) {
        Shape target = inferShape("view", t.shape, sizes);
        int[] strides = viewStrides(t.shape, t.strides, target);
        if (strides == null) {
            throw new IllegalArgumentException("view: shape " + target + " is not compatible with the strides of the"
                    + " input (shape " + t.shape + ", strides " + Arrays.toString(t.strides) + "); hint: use"
                    + " reshape(), which copies when needed, or call contiguous() first");
        }
        return recordReshape("view", t, viewOf(t, target, strides, t.offset));
    }

    static Tensor reshape(Tensor t, int[] sizes) {
        Shape target = inferShape("reshape", t.shape, sizes);
        int[] strides = viewStrides(t.shape, t.strides, target);
        if (strides != null) return recordReshape("reshape", t, viewOf(t, target, strides, t.offset));
        return recordReshape("reshape", t, Copy.contiguousCopy(t).reshapeUnrecorded(target));
    }

    private static Tensor recordReshape(String op, Tensor t, Tensor out) {
        Shape in = t.shape;
        return Autograd.record(op, out, new Tensor[] {t}, g -> new Tensor[] {g.reshape(in.raw())});
    }

    /** Resolves one -1 entry and checks the element count. */
    static Shape inferShape(String op, Shape from, int[] sizes) {
        int infer = -1;
        long known = 1;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException(op + ": only one dimension can be inferred (-1), got "
                            + Arrays.toString(sizes));
                }
                infer = i;
            } else if (sizes[i] < 0) {
                throw new IllegalArgumentException(op + ": invalid size " + sizes[i] + " in " + Arrays.toString(sizes));
            } else {
                known *= sizes[i];
            }
        }
        int[] out = sizes.clone();
        int numel = from.numel();
        if (infer >= 0) {
            if (known == 0 || numel % known != 0) {
                throw new ShapeException(op + ": shape " + Arrays.toString(sizes) + " is invalid for input of shape "
                        + from + " (" + numel + " elements)", from);
            }
            out[infer] = (int) (numel / known);
        } else if (known != numel) {
            throw new ShapeException(op + ": shape " + Arrays.toString(sizes) + " is invalid for input of shape "
                    + from + " (" + numel + " elements vs " + known + ")", from);
        }
        return new Shape(out);
    }

    /**
     * Strides that view the old layout as {@code target} without copying, or null when impossible.
     * PyTorch's algorithm: walk chunks of dimensions that are contiguous among themselves and split
     * each chunk into the new sizes.
     */
    static int[] viewStrides(Shape old, int[] oldStrides, Shape target) {
        int[] newSizes = target.raw();
        int[] newStrides = new int[newSizes.length];
        if (old.numel() == 0 || old.rank() == 0) return target.contiguousStrides();
        int viewD = newSizes.length - 1;
        long chunkBaseStride = oldStrides[old.rank() - 1];
        long tensorNumel = 1, viewNumel = 1;
        for (int d = old.rank() - 1; d >= 0; d--) {
            tensorNumel *= old.raw()[d];
            if (d == 0 || (old.raw()[d - 1] != 1 && oldStrides[d - 1] != tensorNumel * chunkBaseStride)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newSizes[viewD] == 1)) {
                    newStrides[viewD] = (int) (viewNumel * chunkBaseStride);
                    viewNumel *= newSizes[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (d > 0) {
                    chunkBaseStride = oldStrides[d - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStrides : null;
    }

    // ---------------------------------------------------------------- reorder dimensions

    static Tensor permute(Tensor t, int[] dims) {
        int rank = t.dim();
        if (dims.length != rank) {
            throw new IllegalArgumentException("permute: expected " + rank + " dimensions for input of shape "
                    + t.shape + ", got " + Arrays.toString(dims));
        }
        int[] sizes = new int[rank], strides = new int[rank], inverse = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int d = t.shape.normalizeDim(dims[i], "permute");
            if (seen[d]) {
                throw new IllegalArgumentException("permute: dimension " + d + " repeats in " + Arrays.toString(dims));
            }
            seen[d] = true;
            sizes[i] = t.shape.raw()[d];
            strides[i] = t.strides[d];
            inverse[d] = i;
        }
        Tensor out = viewOf(t, new Shape(sizes), strides, t.offset);
        return Autograd.record("permute", out, new Tensor[] {t}, g -> new Tensor[] {g.permute(inverse)});
    }

    static Tensor transpose(Tensor t, int dim0, int dim1) {
        int a = t.shape.normalizeDim(dim0, "transpose"), b = t.shape.normalizeDim(dim1, "transpose");
        int[] order = new int[t.dim()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        if (order.length == 0) return t;
        order[a] = b;
        order[b] = a;
        return permute(t, order);
    }

    static Tensor t(Tensor t) {
        if (t.dim() > 2) {
            throw new IllegalArgumentException("t: expected a tensor with at most 2 dimensions, got shape " + t.shape
                    + "; hint: use transpose(dim0, dim1) or permute()");
        }
        return t.dim() < 2 ? t : transpose(t, 0, 1);
    }

    // ---------------------------------------------------------------- add or remove size-1 dimensions

    static Tensor squeeze(Tensor t) {
        int count = 0;
        for (int d : t.shape.raw()) if (d != 1) count++;
        int[] sizes = new int[count], strides = new int[count];
        for (int d = 0, k = 0; d < t.dim(); d++) {
            if (t.shape.raw()[d] != 1) {
                sizes[k] = t.shape.raw()[d];
                strides[k++] = t.strides[d];
            }
        }
        return recordReshape("squeeze", t, viewOf(t, new Shape(sizes), strides, t.offset));
    }

    static Tensor squeeze(Tensor t, int dim) {
        if (t.dim() == 0) return t;
        int d = t.shape.normalizeDim(dim, "squeeze");
        if (t.shape.raw()[d] != 1) return t;
        return recordReshape("squeeze", t, viewOf(t, removeAt(t.shape, d), removeAt(t.strides, d), t.offset));
    }

    static Tensor unsqueeze(Tensor t, int dim) {
        int d = Shape.normalizeDim(dim, t.dim() + 1, "unsqueeze", t.shape);
        int[] sizes = insertAt(t.shape.raw(), d, 1);
        int stride = d < t.dim() ? t.strides[d] * t.shape.raw()[d] : 1;
        int[] strides = insertAt(t.strides, d, stride);
        return recordReshape("unsqueeze", t, viewOf(t, new Shape(sizes), strides, t.offset));
    }

    static Tensor flatten(Tensor t, int startDim, int endDim) {
        if (t.dim() == 0) return reshape(t, new int[] {1});
        int s = t.shape.normalizeDim(startDim, "flatten"), e = t.shape.normalizeDim(endDim, "flatten");
        if (s > e) {
            throw new IllegalArgumentException("flatten: startDim " + startDim + " comes after endDim " + endDim
                    + " for shape " + t.shape);
        }
        int[] sizes = new int[t.dim() - (e - s)];
        int k = 0, merged = 1;
        for (int d = 0; d < t.dim(); d++) {
            if (d < s || d > e) {
                sizes[k++] = t.shape.raw()[d];
            } else {
                merged *= t.shape.raw()[d];
                if (d == e) sizes[k++] = merged;
            }
        }
        return reshape(t, sizes);
    }

    static Tensor unflatten(Tensor t, int dim, int[] sizes) {
        int d = t.shape.normalizeDim(dim, "unflatten");
        Shape part = inferShape("unflatten", Shape.of(t.shape.raw()[d]), sizes);
        int[] out = new int[t.dim() - 1 + sizes.length];
        System.arraycopy(t.shape.raw(), 0, out, 0, d);
        System.arraycopy(part.raw(), 0, out, d, sizes.length);
        System.arraycopy(t.shape.raw(), d + 1, out, d + sizes.length, t.dim() - d - 1);
        return view(t, out);
    }

    // ---------------------------------------------------------------- broadcast and slice

    static Tensor expand(Tensor t, int[] sizes) {
        if (sizes.length < t.dim()) {
            throw new ShapeException("expand: the target " + Arrays.toString(sizes) + " has fewer dimensions than the"
                    + " input of shape " + t.shape, t.shape);
        }
        int shift = sizes.length - t.dim();
        int[] outSizes = new int[sizes.length], strides = new int[sizes.length];
        for (int d = 0; d < sizes.length; d++) {
            int have = d < shift ? 1 : t.shape.raw()[d - shift];
            int want = sizes[d] == -1 && d >= shift ? have : sizes[d];
            if (want < 0 || (have != want && have != 1)) {
                throw new ShapeException("expand: cannot expand shape " + t.shape + " to " + Arrays.toString(sizes)
                        + " (size " + have + " at dimension " + d + " must match " + want + " or be 1)", t.shape);
            }
            outSizes[d] = want;
            strides[d] = d < shift || (have == 1 && want != 1) ? 0 : t.strides[d - shift];
        }
        Shape in = t.shape;
        Tensor out = viewOf(t, new Shape(outSizes), strides, t.offset);
        return Autograd.record("expand", out, new Tensor[] {t}, g -> new Tensor[] {Broadcast.sumTo(g, in)});
    }

    static Tensor slice(Tensor t, int dim, int start, int end, int step) {
        requireDims("slice", t);
        int d = t.shape.normalizeDim(dim, "slice");
        int size = t.shape.raw()[d];
        if (step <= 0) {
            throw new IllegalArgumentException("slice: step must be positive, got " + step);
        }
        int from = clampIndex(start < 0 ? start + size : start, size);
        int to = clampIndex(end < 0 ? end + size : end, size);
        int length = to > from ? (to - from + step - 1) / step : 0;
        int[] sizes = t.shape.raw().clone(), strides = t.strides.clone();
        sizes[d] = length;
        strides[d] = t.strides[d] * step;
        Tensor out = viewOf(t, new Shape(sizes), strides, t.offset + from * t.strides[d]);
        Shape in = t.shape;
        return Autograd.record("slice", out, new Tensor[] {t}, g -> {
            Tensor full = Tensor.zeros(in.raw());
            slice(full, d, from, to, step).copyInPlace(g);
            return new Tensor[] {full};
        });
    }

    static Tensor select(Tensor t, int dim, int index) {
        requireDims("select", t);
        int d = t.shape.normalizeDim(dim, "select");
        int size = t.shape.raw()[d];
        if (index < -size || index >= size) {
            throw new IllegalArgumentException("select: index " + index + " is out of range for dimension " + d
                    + " of size " + size + " (shape " + t.shape + ")");
        }
        int i = index < 0 ? index + size : index;
        Tensor out = viewOf(t, removeAt(t.shape, d), removeAt(t.strides, d), t.offset + i * t.strides[d]);
        Shape in = t.shape;
        return Autograd.record("select", out, new Tensor[] {t}, g -> {
            Tensor full = Tensor.zeros(in.raw());
            select(full, d, i).copyInPlace(g);
            return new Tensor[] {full};
        });
    }

    private static void requireDims(String op, Tensor t) {
        if (t.dim() == 0) {
            throw new IllegalArgumentException(op + ": cannot index a 0-dimensional tensor; hint: use item() to read"
                    + " its value, or reshape(1) first");
        }
    }

    private static int clampIndex(int i, int size) {
        return Math.max(0, Math.min(i, size));
    }

    private static Shape removeAt(Shape s, int d) {
        return new Shape(removeAt(s.raw(), d));
    }

    private static int[] removeAt(int[] a, int d) {
        int[] out = new int[a.length - 1];
        System.arraycopy(a, 0, out, 0, d);
        System.arraycopy(a, d + 1, out, d, a.length - d - 1);
        return out;
    }

    private static int[] insertAt(int[] a, int d, int value) {
        int[] out = new int[a.length + 1];
        System.arraycopy(a, 0, out, 0, d);
        out[d] = value;
        System.arraycopy(a, d, out, d + 1, a.length - d);
        return out;
    }
}
