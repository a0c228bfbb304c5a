package io.neurite.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Joining tensors along a dimension ({@code cat}, {@code stack}) and cutting one into views
 * ({@code split}, {@code chunk}), as PyTorch. Float and int32 tensors alike; gradients flow to float
 * inputs.
 */
final class Joining {

    private Joining() {}

    /**
     * Concatenates along {@code dim}; shapes must match except on {@code dim}. As PyTorch's legacy
     * rule, 1-D empty tensors (shape [0]) are skipped whatever the others' shape. The gradient of
     * each input is its slice of the output gradient.
     */
    static Tensor cat(List<Tensor> tensors, int dim) {
        Tensor[] ts = nonEmpty("cat", tensors);
        int refPos = 0;
        while (refPos < ts.length - 1 && isLegacyEmpty(ts[refPos])) refPos++;
        Tensor ref = ts[refPos];
        for (int i = 0; i < ts.length; i++) {
            if (ts[i].dim() == 0) {
                throw new IllegalArgumentException("cat: zero-dimensional tensor (at position " + i
                        + ") cannot be concatenated; hint: unsqueeze(0) it first, or use stack()");
            }
        }
        requireSameDtype("cat", ts);
        int d = ref.shape.normalizeDim(dim, "cat");
        int total = 0;
        for (int i = 0; i < ts.length; i++) {
            Tensor t = ts[i];
            if (isLegacyEmpty(t) && !isLegacyEmpty(ref)) continue;
            if (!sameExcept(t.shape, ref.shape, d)) {
                throw new ShapeException("cat: tensors must have the same shape except in dimension " + d
                        + ", got shapes " + shapes(ts) + " (tensor at position " + i + " has shape " + t.shape
                        + ", tensor at position " + refPos + " has shape " + ref.shape + ")", shapeArray(ts));
            }
            total += t.shape.raw()[d];
        }
        Shape outShape = ref.shape.withSize(d, total);
        Tensor out = ref.isFloat() ? Tensor.contiguous(new float[outShape.numel()], outShape)
                : Tensor.contiguousInts(new int[outShape.numel()], outShape);
        int[] starts = new int[ts.length];
        for (int i = 0, at = 0; i < ts.length; i++) {
            if (isLegacyEmpty(ts[i]) && !isLegacyEmpty(ref)) continue;
            int length = ts[i].shape.raw()[d];
            starts[i] = at;
            Copy.copyInto(ts[i], Views.slice(out, d, at, at + length, 1));
            at += length;
        }
        return Autograd.record("cat", out, ts, g -> {
            Tensor[] grads = new Tensor[ts.length];
            for (int i = 0; i < ts.length; i++) {
                if (!ts[i].requiresGrad()) continue;
                grads[i] = isLegacyEmpty(ts[i]) && !isLegacyEmpty(ref) ? Tensor.zeros(0)
                        : g.narrow(d, starts[i], ts[i].shape.raw()[d]);
            }
            return grads;
        });
    }

    /** Joins same-shaped tensors along a new dimension {@code dim} (in [-(rank+1), rank]). */
    static Tensor stack(List<Tensor> tensors, int dim) {
        Tensor[] ts = nonEmpty("stack", tensors);
        requireSameDtype("stack", ts);
        for (int i = 1; i < ts.length; i++) {
            if (!ts[i].shape.equals(ts[0].shape)) {
                throw new ShapeException("stack: all tensors must have the same shape, got shapes " + shapes(ts)
                        + " (tensor at position " + i + " has shape " + ts[i].shape + ", tensor at position 0 has "
                        + ts[0].shape + ")", shapeArray(ts));
            }
        }
        int d = Shape.normalizeDim(dim, ts[0].dim() + 1, "stack", ts[0].shape);
        List<Tensor> expanded = new ArrayList<>(ts.length);
        for (Tensor t : ts) expanded.add(Views.unsqueeze(t, d));
        return cat(expanded, d);
    }

    /** Views of {@code splitSize} elements along {@code dim}; the last may be smaller. */
    static List<Tensor> split(Tensor t, int splitSize, int dim) {
        int d = splitDim("split", t, dim);
        int size = t.shape.raw()[d];
        if (splitSize < 0 || (splitSize == 0 && size != 0)) {
            throw new IllegalArgumentException("split: splitSize must be positive, got " + splitSize
                    + " for dimension " + d + " of size " + size + " (shape " + t.shape + ")");
        }
        int count = size == 0 ? 1 : (size + splitSize - 1) / splitSize;
        List<Tensor> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int start = i * splitSize;
            parts.add(Views.slice(t, d, start, Math.min(size, start + splitSize), 1));
        }
        return List.copyOf(parts);
    }

    /** Views of the given sizes along {@code dim}, which must sum to that dimension's size. */
    static List<Tensor> split(Tensor t, int[] sizes, int dim) {
        int d = splitDim("split", t, dim);
        int size = t.shape.raw()[d];
        long sum = 0;
        for (int s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException("split: sizes must be non-negative, got " + Arrays.toString(sizes));
            }
            sum += s;
        }
        if (sum != size) {
            throw new IllegalArgumentException("split: sizes " + Arrays.toString(sizes) + " sum to " + sum
                    + " but dimension " + d + " has size " + size + " (shape " + t.shape + ")");
        }
        List<Tensor> parts = new ArrayList<>(sizes.length);
        int at = 0;
        for (int s : sizes) {
            parts.add(Views.slice(t, d, at, at + s, 1));
            at += s;
        }
        return List.copyOf(parts);
    }

    /**
     * Up to {@code chunks} views of {@code ceil(size / chunks)} elements along {@code dim} (fewer when
     * that size covers the dimension sooner), as {@code torch.chunk}.
     */
    static List<Tensor> chunk(Tensor t, int chunks, int dim) {
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk: chunks must be positive, got " + chunks);
        }
        int d = splitDim("chunk", t, dim);
        int size = t.shape.raw()[d];
        if (size == 0) {
            List<Tensor> parts = new ArrayList<>(chunks);
            for (int i = 0; i < chunks; i++) parts.add(Views.slice(t, d, 0, 0, 1));
            return List.copyOf(parts);
        }
        return split(t, (size + chunks - 1) / chunks, d);
    }

    private static int splitDim(String op, Tensor t, int dim) {
        if (t.dim() == 0) {
            throw new IllegalArgumentException(op + ": expected a tensor with at least one dimension, got a"
                    + " zero-dimensional tensor");
        }
        return t.shape.normalizeDim(dim, op);
    }

    private static Tensor[] nonEmpty(String op, List<Tensor> tensors) {
        if (tensors == null || tensors.isEmpty()) {
            throw new IllegalArgumentException(op + ": expected a non-empty list of tensors, got "
                    + (tensors == null ? "null" : "an empty list"));
        }
        Tensor[] ts = new Tensor[tensors.size()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = tensors.get(i);
            if (ts[i] == null) throw new IllegalArgumentException(op + ": tensor at position " + i + " is null");
        }
        return ts;
    }

    private static void requireSameDtype(String op, Tensor[] ts) {
        for (int i = 1; i < ts.length; i++) {
            if (ts[i].dtype() != ts[0].dtype()) {
                throw new IllegalArgumentException(op + ": all tensors must have the same dtype, got "
                        + ts[0].dtype().torchName() + " at position 0 and " + ts[i].dtype().torchName()
                        + " at position " + i + "; hint: convert with toFloat() or toInt()");
            }
        }
    }

    private static boolean isLegacyEmpty(Tensor t) {
        return t.dim() == 1 && t.shape.raw()[0] == 0;
    }

    private static boolean sameExcept(Shape a, Shape b, int dim) {
        if (a.rank() != b.rank()) return false;
        for (int i = 0; i < a.rank(); i++) if (i != dim && a.raw()[i] != b.raw()[i]) return false;
        return true;
    }

    private static Shape[] shapeArray(Tensor[] ts) {
        Shape[] s = new Shape[ts.length];
        for (int i = 0; i < ts.length; i++) s[i] = ts[i].shape;
        return s;
    }

    private static String shapes(Tensor[] ts) {
        return Arrays.toString(shapeArray(ts));
    }
}
