package io.neurite.tensor;

import io.neurite.kernels.BinaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A multi-dimensional array that records the operations applied to it, so that {@link #backward()}
 * can compute gradients: Neurite's {@code torch.Tensor}.
 *
 * <p>A tensor is a view: a storage array, a {@link Shape}, strides and an offset. Reshaping,
 * transposing, slicing and expanding make views that share the storage; {@link #contiguous()} copies
 * only when needed. Arithmetic broadcasts as NumPy does. Methods ending in {@code InPlace} change
 * this tensor and refuse to run when autograd needs it.
 *
 * <p>This class is the facade: each method delegates to the small class that holds the operation's
 * forward and backward together ({@link Views}, {@link Arithmetic}, {@link Reductions}, ...).
 */
public final class Tensor {

    final Storage storage;
    final Shape shape;
    final int[] strides;
    final int offset;

    private boolean requiresGrad;
    private Tensor grad;
    private Node gradFn;
    private List<UnaryOperator<Tensor>> leafHooks = List.of();

    Tensor(Storage storage, Shape shape, int[] strides, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    /** A contiguous tensor over {@code data} (not copied). */
    static Tensor contiguous(float[] data, Shape shape) {
        return new Tensor(Storage.ofFloats(data), shape, shape.contiguousStrides(), 0);
    }

    static Tensor contiguousInts(int[] data, Shape shape) {
        return new Tensor(Storage.ofInts(data), shape, shape.contiguousStrides(), 0);
    }

    // ---------------------------------------------------------------- creation

    /** A float tensor holding a copy of {@code data} in the given shape (a scalar when no shape). */
    public static Tensor of(float[] data, int... shape) {
        Shape s = Shape.of(shape);
        if (data.length != s.numel()) {
            throw new ShapeException("Tensor.of: " + data.length + " values cannot fill shape " + s
                    + " (" + s.numel() + " elements)", s);
        }
        return contiguous(data.clone(), s);
    }

    /** An int32 tensor (labels, indices) holding a copy of {@code data}. */
    public static Tensor ofInts(int[] data, int... shape) {
        Shape s = Shape.of(shape);
        if (data.length != s.numel()) {
            throw new ShapeException("Tensor.ofInts: " + data.length + " values cannot fill shape " + s
                    + " (" + s.numel() + " elements)", s);
        }
        return contiguousInts(data.clone(), s);
    }

    /** A 0-dimensional float tensor. */
    public static Tensor scalar(float value) {
        return contiguous(new float[] {value}, Shape.of());
    }

    /**
     * Wraps {@code data} without copying, for kernel writers: the tensor and the array share
     * storage. Prefer {@link #of(float[], int...)}.
     */
    public static Tensor wrap(float[] data, Shape shape) {
        if (data.length != shape.numel()) {
            throw new ShapeException("Tensor.wrap: " + data.length + " values cannot fill shape " + shape, shape);
        }
        return contiguous(data, shape);
    }

    public static Tensor zeros(int... shape) {
        return full(0f, shape);
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public static Tensor full(float value, int... shape) {
        Shape s = Shape.of(shape);
        float[] data = new float[s.numel()];
        if (value != 0f) java.util.Arrays.fill(data, value);
        return contiguous(data, s);
    }

    public static Tensor zerosLike(Tensor t) {
        return full(0f, t.shape.raw());
    }

    public static Tensor onesLike(Tensor t) {
        return full(1f, t.shape.raw());
    }

    public static Tensor fullLike(Tensor t, float value) {
        return full(value, t.shape.raw());
    }

    // ---------------------------------------------------------------- properties

    public Shape shape() {
        return shape;
    }

    /** The size of dimension {@code dim} (negative counts from the end). */
    public int size(int dim) {
        return shape.size(dim);
    }

    /** The number of dimensions (PyTorch's {@code dim()}). */
    public int dim() {
        return shape.rank();
    }

    public int numel() {
        return shape.numel();
    }

    public DType dtype() {
        return storage.dtype();
    }

    public boolean isFloat() {
        return storage.floats != null;
    }

    /** A copy of the strides, in elements. */
    public int[] strides() {
        return strides.clone();
    }

    /** True when the elements lie in row-major order without gaps (size-1 dimensions ignored). */
    public boolean isContiguous() {
        int expected = 1;
        for (int d = shape.rank() - 1; d >= 0; d--) {
            int size = shape.raw()[d];
            if (size == 1) continue;
            if (strides[d] != expected) return false;
            expected *= size;
        }
        return true;
    }

    // ---------------------------------------------------------------- reading values

    /** The elements in row-major order, as a new array (int tensors are converted). */
    public float[] toFloatArray() {
        if (isFloat()) return Copy.toContiguousFloats(this);
        int[] ints = Copy.toContiguousInts(this);
        float[] out = new float[ints.length];
        for (int i = 0; i < ints.length; i++) out[i] = ints[i];
        return out;
    }

    /** The elements in row-major order as ints (float tensors are truncated toward zero). */
    public int[] toIntArray() {
        if (!isFloat()) return Copy.toContiguousInts(this);
        float[] floats = Copy.toContiguousFloats(this);
        int[] out = new int[floats.length];
        for (int i = 0; i < floats.length; i++) out[i] = (int) floats[i];
        return out;
    }

    /** The value of a one-element tensor. */
    public float item() {
        if (numel() != 1) {
            throw new ShapeException("item: expected a tensor with one element, got shape " + shape
                    + " (" + numel() + " elements); hint: reduce it first, e.g. sum() or mean()", shape);
        }
        return isFloat() ? storage.floats[offset] : storage.ints[offset];
    }

    /**
     * The elements in row-major order, for kernels that only read: the backing array itself when
     * this tensor is dense and starts at 0, else a contiguous copy. Never write into the result.
     */
    public float[] contiguousData() {
        requireFloat("contiguousData");
        if (isContiguous() && offset == 0 && storage.floats.length == numel()) return storage.floats;
        return Copy.toContiguousFloats(this);
    }

    /**
     * Records that a kernel changed this tensor's elements by writing into the array from
     * {@link #contiguousData()} (which is the storage itself for a dense tensor): bumps the version
     * autograd checks, so a backward that saved the old values fails instead of using the new ones.
     */
    public void markModified() {
        checkInPlace("markModified");
        storage.bumpVersion();
    }

    // ---------------------------------------------------------------- autograd

    /** True if gradients flow to or through this tensor. */
    public boolean requiresGrad() {
        return requiresGrad || gradFn != null;
    }

    /** Marks a leaf tensor as one whose gradient {@link #backward()} accumulates; returns this. */
    public Tensor requiresGrad(boolean value) {
        if (gradFn != null && !value) {
            throw new IllegalStateException("requiresGrad: the tensor of shape " + shape + " was produced by '"
                    + gradFn.op() + "' and always requires grad; hint: use detach() for a copy without history");
        }
        if (value && !isFloat()) {
            throw new IllegalArgumentException("requiresGrad: only float tensors can require grad, got "
                    + dtype().torchName());
        }
        this.requiresGrad = value;
        return this;
    }

    /** True for tensors not produced by a recorded operation. */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** The recorded operation that produced this tensor, or null for a leaf. */
    public Node gradFn() {
        return gradFn;
    }

    /** The accumulated gradient, or null before the first backward (or after zeroing to null). */
    public Tensor grad() {
        return grad;
    }

    /** Replaces the gradient (null clears it, as {@code param.grad = None}). */
    public void setGrad(Tensor grad) {
        if (grad != null && !grad.shape.equals(shape)) {
            throw new ShapeException("setGrad: gradient of shape " + grad.shape + " does not match tensor of shape "
                    + shape, grad.shape, shape);
        }
        this.grad = grad;
    }

    /** Computes the gradient of this scalar with respect to every leaf that requires grad. */
    public void backward() {
        BackwardEngine.run(this, null, false);
    }

    /** Backward from a non-scalar output, given the gradient with respect to it. */
    public void backward(Tensor gradient) {
        BackwardEngine.run(this, gradient, false);
    }

    /** As {@link #backward(Tensor)}; with {@code retainGraph} the graph stays usable for another pass. */
    public void backward(Tensor gradient, boolean retainGraph) {
        BackwardEngine.run(this, gradient, retainGraph);
    }

    /** A tensor sharing this one's storage, cut from the graph. */
    public Tensor detach() {
        return new Tensor(storage, shape, strides, offset);
    }

    /**
     * Registers a hook called with this tensor's gradient during backward; a non-null return value
     * replaces the gradient. Returns this.
     */
    public Tensor registerHook(UnaryOperator<Tensor> hook) {
        if (!requiresGrad()) {
            throw new IllegalStateException("registerHook: cannot register a hook on a tensor that does not require grad");
        }
        if (gradFn != null) {
            gradFn.addHook(hook);
        } else {
            List<UnaryOperator<Tensor>> copy = new ArrayList<>(leafHooks);
            copy.add(Objects.requireNonNull(hook, "hook"));
            leafHooks = List.copyOf(copy);
        }
        return this;
    }

    /** Makes backward keep the gradient of this non-leaf tensor in {@link #grad()}. Returns this. */
    public Tensor retainGrad() {
        if (gradFn != null) gradFn.retainGradOf(this);
        return this;
    }

    /**
     * Adds {@code g} into this tensor's gradient (leaf hooks applied first). An {@code owned} gradient
     * (a fresh dense tensor nothing else refers to) becomes the gradient without a copy.
     */
    void accumulateGrad(Tensor g, boolean owned) {
        if (gradFn == null) {
            for (UnaryOperator<Tensor> hook : leafHooks) {
                Tensor replaced = hook.apply(g);
                if (replaced != null && replaced != g) {
                    g = replaced;
                    owned = false;
                }
            }
        }
        boolean previous = GradMode.set(false);
        try {
            if (grad != null) {
                grad = grad.add(g);
            } else {
                boolean dense = g.isContiguous() && g.offset == 0 && g.storage.length() == g.numel();
                grad = owned && dense ? g.detach() : Copy.contiguousCopy(g);
            }
        } finally {
            GradMode.set(previous);
        }
    }

    /** This contiguous, offset-0 tensor seen with another shape of the same element count. */
    Tensor reshapeUnrecorded(Shape target) {
        return new Tensor(storage, target, target.contiguousStrides(), offset);
    }

    /** Attaches the node that produced this freshly computed tensor (see {@link Autograd}). */
    void attachGradFn(Node node) {
        this.gradFn = node;
    }

    // ---------------------------------------------------------------- checks shared by operations

    void requireFloat(String op) {
        if (!isFloat()) {
            throw new IllegalArgumentException(op + ": expected a float32 tensor, got " + dtype().torchName()
                    + " of shape " + shape + "; hint: convert with toFloat()");
        }
    }

    /** Fails if an in-place change here would corrupt a gradient. */
    void checkInPlace(String op) {
        for (int d = 0; d < dim(); d++) {
            if (strides[d] == 0 && shape.raw()[d] > 1) {
                throw new IllegalArgumentException(op + ": the tensor of shape " + shape + " is an expanded view in"
                        + " which several elements share one memory location; hint: clone() it before writing");
            }
        }
        if (GradMode.isEnabled() && requiresGrad()) {
            throw new IllegalStateException(op + ": cannot change in place a tensor that requires grad (shape "
                    + shape + (gradFn == null ? ", a leaf" : ", produced by '" + gradFn.op() + "'")
                    + "); hint: use the out-of-place variant, or run inside Autograd.noGrad()");
        }
    }

    // ---------------------------------------------------------------- copies and conversions

    /** This tensor if contiguous, else a contiguous copy (recorded for autograd). */
    public Tensor contiguous() {
        return isContiguous() ? this : clone();
    }

    /** A contiguous copy with its own storage; gradients flow back to this tensor. */
    @Override
    public Tensor clone() {
        Tensor out = Copy.contiguousCopy(this);
        return Autograd.record("clone", out, new Tensor[] {this}, g -> new Tensor[] {g});
    }

    /** A float32 copy of an int tensor (this tensor when already float). */
    public Tensor toFloat() {
        return isFloat() ? this : contiguous(toFloatArray(), shape);
    }

    /** An int32 copy (values truncated toward zero); this tensor when already int. */
    public Tensor toInt() {
        return isFloat() ? contiguousInts(toIntArray(), shape) : this;
    }

    /** Copies {@code src} (broadcast to this shape) into this tensor. */
    public Tensor copyInPlace(Tensor src) {
        checkInPlace("copyInPlace");
        Copy.copyInto(src, this);
        storage.bumpVersion();
        return this;
    }

    // ---------------------------------------------------------------- views (Views)

    public Tensor view(int... shape) {
        return Views.view(this, shape);
    }

    public Tensor reshape(int... shape) {
        return Views.reshape(this, shape);
    }

    public Tensor permute(int... dims) {
        return Views.permute(this, dims);
    }

    public Tensor transpose(int dim0, int dim1) {
        return Views.transpose(this, dim0, dim1);
    }

    /** Transpose of a matrix (a 0-D or 1-D tensor is returned as is). */
    public Tensor t() {
        return Views.t(this);
    }

    public Tensor squeeze() {
        return Views.squeeze(this);
    }

    public Tensor squeeze(int dim) {
        return Views.squeeze(this, dim);
    }

    public Tensor unsqueeze(int dim) {
        return Views.unsqueeze(this, dim);
    }

    public Tensor flatten() {
        return Views.flatten(this, 0, -1);
    }

    public Tensor flatten(int startDim, int endDim) {
        return Views.flatten(this, startDim, endDim);
    }

    public Tensor unflatten(int dim, int... sizes) {
        return Views.unflatten(this, dim, sizes);
    }

    /** Broadcasts to {@code shape}; -1 keeps a size. A view with stride 0 on repeated dimensions. */
    public Tensor expand(int... shape) {
        return Views.expand(this, shape);
    }

    public Tensor expandAs(Tensor other) {
        return Views.expand(this, other.shape.raw());
    }

    /** Elements {@code [start, start + length)} of dimension {@code dim}. */
    public Tensor narrow(int dim, int start, int length) {
        return Views.slice(this, dim, start, start + length, 1);
    }

    /** Python's {@code t[..., start:end:step, ...]} on dimension {@code dim} (negative bounds allowed). */
    public Tensor slice(int dim, int start, int end, int step) {
        return Views.slice(this, dim, start, end, step);
    }

    /** Index {@code index} of dimension {@code dim}, removing that dimension. */
    public Tensor select(int dim, int index) {
        return Views.select(this, dim, index);
    }

    // ---------------------------------------------------------------- arithmetic (Arithmetic)

    public Tensor add(Tensor other) {
        return Arithmetic.add(this, other);
    }

    public Tensor add(float value) {
        return Arithmetic.add(this, scalarLike(value));
    }

    public Tensor sub(Tensor other) {
        return Arithmetic.sub(this, other);
    }

    public Tensor sub(float value) {
        return Arithmetic.sub(this, scalarLike(value));
    }

    /** {@code value - this}. */
    public Tensor rsub(float value) {
        return Arithmetic.sub(scalarLike(value), this);
    }

    public Tensor mul(Tensor other) {
        return Arithmetic.mul(this, other);
    }

    public Tensor mul(float value) {
        return Arithmetic.mul(this, scalarLike(value));
    }

    public Tensor div(Tensor other) {
        return Arithmetic.div(this, other);
    }

    public Tensor div(float value) {
        return Arithmetic.div(this, scalarLike(value));
    }

    public Tensor pow(Tensor exponent) {
        return Arithmetic.pow(this, exponent);
    }

    public Tensor pow(float exponent) {
        return Arithmetic.pow(this, scalarLike(exponent));
    }

    public Tensor maximum(Tensor other) {
        return Arithmetic.maximum(this, other);
    }

    public Tensor minimum(Tensor other) {
        return Arithmetic.minimum(this, other);
    }

    private Tensor scalarLike(float value) {
        return scalar(value);
    }

    // ---------------------------------------------------------------- in place (Arithmetic)

    public Tensor addInPlace(Tensor other) {
        return Arithmetic.inPlace("addInPlace", BinaryOp.ADD, this, other);
    }

    public Tensor addInPlace(float value) {
        return Arithmetic.inPlace("addInPlace", BinaryOp.ADD, this, scalar(value));
    }

    public Tensor subInPlace(Tensor other) {
        return Arithmetic.inPlace("subInPlace", BinaryOp.SUB, this, other);
    }

    public Tensor subInPlace(float value) {
        return Arithmetic.inPlace("subInPlace", BinaryOp.SUB, this, scalar(value));
    }

    public Tensor mulInPlace(Tensor other) {
        return Arithmetic.inPlace("mulInPlace", BinaryOp.MUL, this, other);
    }

    public Tensor mulInPlace(float value) {
        return Arithmetic.inPlace("mulInPlace", BinaryOp.MUL, this, scalar(value));
    }

    public Tensor divInPlace(Tensor other) {
        return Arithmetic.inPlace("divInPlace", BinaryOp.DIV, this, other);
    }

    public Tensor divInPlace(float value) {
        return Arithmetic.inPlace("divInPlace", BinaryOp.DIV, this, scalar(value));
    }

    /** {@code this += alpha * other}, the update step of optimizers. */
    public Tensor addInPlace(Tensor other, float alpha) {
        return addInPlace(alpha == 1f ? other : other.mul(alpha));
    }

    /** Sets every element to {@code value}. */
    public Tensor fillInPlace(float value) {
        checkInPlace("fillInPlace");
        Copy.copyInto(scalar(value), this);
        storage.bumpVersion();
        return this;
    }

    public Tensor zeroInPlace() {
        return fillInPlace(0f);
    }

    // ---------------------------------------------------------------- comparisons (float 0/1 masks)

    public Tensor eq(Tensor other) {
        return Arithmetic.compare(BinaryOp.EQ, "eq", this, other);
    }

    public Tensor ne(Tensor other) {
        return Arithmetic.compare(BinaryOp.NE, "ne", this, other);
    }

    public Tensor lt(Tensor other) {
        return Arithmetic.compare(BinaryOp.LT, "lt", this, other);
    }

    public Tensor le(Tensor other) {
        return Arithmetic.compare(BinaryOp.LE, "le", this, other);
    }

    public Tensor gt(Tensor other) {
        return Arithmetic.compare(BinaryOp.GT, "gt", this, other);
    }

    public Tensor ge(Tensor other) {
        return Arithmetic.compare(BinaryOp.GE, "ge", this, other);
    }

    public Tensor eq(float value) {
        return eq(scalar(value));
    }

    public Tensor ne(float value) {
        return ne(scalar(value));
    }

    public Tensor lt(float value) {
        return lt(scalar(value));
    }

    public Tensor gt(float value) {
        return gt(scalar(value));
    }

    public Tensor le(float value) {
        return le(scalar(value));
    }

    public Tensor ge(float value) {
        return ge(scalar(value));
    }

    // ---------------------------------------------------------------- unary math (UnaryMath)

    public Tensor neg() {
        return UnaryMath.neg(this);
    }

    public Tensor exp() {
        return UnaryMath.exp(this);
    }

    public Tensor log() {
        return UnaryMath.log(this);
    }

    public Tensor log1p() {
        return UnaryMath.log1p(this);
    }

    public Tensor sqrt() {
        return UnaryMath.sqrt(this);
    }

    public Tensor rsqrt() {
        return UnaryMath.rsqrt(this);
    }

    public Tensor abs() {
        return UnaryMath.abs(this);
    }

    public Tensor sign() {
        return UnaryMath.sign(this);
    }

    public Tensor sin() {
        return UnaryMath.sin(this);
    }

    public Tensor cos() {
        return UnaryMath.cos(this);
    }

    public Tensor tanh() {
        return UnaryMath.tanh(this);
    }

    public Tensor sigmoid() {
        return UnaryMath.sigmoid(this);
    }

    public Tensor relu() {
        return UnaryMath.relu(this);
    }

    /** Clamps into {@code [min, max]}; pass NaN for a missing bound. */
    public Tensor clamp(float min, float max) {
        return UnaryMath.clamp(this, min, max);
    }

    public Tensor clampMin(float min) {
        return UnaryMath.clamp(this, min, Float.NaN);
    }

    public Tensor clampMax(float max) {
        return UnaryMath.clamp(this, Float.NaN, max);
    }

    // ---------------------------------------------------------------- reductions (Reductions)

    /** Sum of all elements, as a 0-D tensor. */
    public Tensor sum() {
        return Reductions.sum(this, allDims(), false);
    }

    public Tensor sum(int dim) {
        return Reductions.sum(this, new int[] {dim}, false);
    }

    public Tensor sum(int dim, boolean keepdim) {
        return Reductions.sum(this, new int[] {dim}, keepdim);
    }

    public Tensor sum(int[] dims, boolean keepdim) {
        return Reductions.sum(this, dims, keepdim);
    }

    public Tensor mean() {
        return Reductions.mean(this, allDims(), false);
    }

    public Tensor mean(int dim) {
        return Reductions.mean(this, new int[] {dim}, false);
    }

    public Tensor mean(int dim, boolean keepdim) {
        return Reductions.mean(this, new int[] {dim}, keepdim);
    }

    public Tensor mean(int[] dims, boolean keepdim) {
        return Reductions.mean(this, dims, keepdim);
    }

    int[] allDims() {
        int[] dims = new int[dim()];
        for (int i = 0; i < dims.length; i++) dims[i] = i;
        return dims;
    }

    // ---------------------------------------------------------------- more reductions (helper section)

    /** Product of all elements, as a 0-D tensor (1 for an empty tensor). */
    public Tensor prod() {
        return Reductions.prod(this, allDims(), false);
    }

    /** Product over dimension {@code dim}. */
    public Tensor prod(int dim, boolean keepdim) {
        return Reductions.prod(this, new int[] {dim}, keepdim);
    }

    /** Product over {@code dims} (empty means all). */
    public Tensor prod(int[] dims, boolean keepdim) {
        return Reductions.prod(this, dims, keepdim);
    }

    /** The largest element as a 0-D tensor (NaN if any element is NaN); fails on an empty tensor. */
    public Tensor max() {
        return IndexedReductions.extreme("max", this, true);
    }

    /** The largest values along {@code dim} and their int32 indices (the first on ties). */
    public ValuesIndices max(int dim, boolean keepdim) {
        return IndexedReductions.extreme("max", this, dim, keepdim, true);
    }

    /** The smallest element as a 0-D tensor (NaN if any element is NaN); fails on an empty tensor. */
    public Tensor min() {
        return IndexedReductions.extreme("min", this, false);
    }

    /** The smallest values along {@code dim} and their int32 indices (the first on ties). */
    public ValuesIndices min(int dim, boolean keepdim) {
        return IndexedReductions.extreme("min", this, dim, keepdim, false);
    }

    /** The row-major index of the largest element, as a 0-D int32 tensor. */
    public Tensor argmax() {
        return IndexedReductions.argExtreme("argmax", this, true);
    }

    /** The int32 indices of the largest values along {@code dim} (the first on ties). */
    public Tensor argmax(int dim, boolean keepdim) {
        return IndexedReductions.argExtreme("argmax", this, dim, keepdim, true);
    }

    /** The row-major index of the smallest element, as a 0-D int32 tensor. */
    public Tensor argmin() {
        return IndexedReductions.argExtreme("argmin", this, false);
    }

    /** The int32 indices of the smallest values along {@code dim} (the first on ties). */
    public Tensor argmin(int dim, boolean keepdim) {
        return IndexedReductions.argExtreme("argmin", this, dim, keepdim, false);
    }

    /** Variance over {@code dims} (empty means all), dividing by {@code N - correction}. */
    public Tensor var(int[] dims, int correction, boolean keepdim) {
        return Statistics.var(this, dims, correction, keepdim);
    }

    /** Unbiased variance (correction 1) of all elements. */
    public Tensor var() {
        return Statistics.var(this, allDims(), 1, false);
    }

    /** Standard deviation over {@code dims} (empty means all), dividing by {@code N - correction}. */
    public Tensor std(int[] dims, int correction, boolean keepdim) {
        return Statistics.std(this, dims, correction, keepdim);
    }

    /** Unbiased standard deviation (correction 1) of all elements. */
    public Tensor std() {
        return Statistics.std(this, allDims(), 1, false);
    }

    /** {@code log(sum(exp(x)))} over {@code dims} (empty means all), computed without overflow. */
    public Tensor logsumexp(int[] dims, boolean keepdim) {
        return Statistics.logsumexp(this, dims, keepdim);
    }

    /** {@code log(sum(exp(x)))} over dimension {@code dim}. */
    public Tensor logsumexp(int dim) {
        return Statistics.logsumexp(this, new int[] {dim}, false);
    }

    /** The Euclidean (Frobenius) norm of all elements. */
    public Tensor norm() {
        return Norms.norm(this, 2f, allDims(), false);
    }

    /** The p-norm of all elements ({@code p > 0}, or {@code Float.POSITIVE_INFINITY} for max |x|). */
    public Tensor norm(float p) {
        return Norms.norm(this, p, allDims(), false);
    }

    /** The p-norm over {@code dims} (empty means all). */
    public Tensor norm(float p, int[] dims, boolean keepdim) {
        return Norms.norm(this, p, dims, keepdim);
    }

    // ---------------------------------------------------------------- matrix products (MatMul)

    /** {@code torch.matmul}: vectors, matrices and broadcast batches of matrices. */
    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, other);
    }

    /** Two matrices only. */
    public Tensor mm(Tensor other) {
        return MatMul.mm(this, other);
    }

    /** Batches of matrices of equal batch size, [B, n, m] x [B, m, p]. */
    public Tensor bmm(Tensor other) {
        return MatMul.bmm(this, other);
    }

    /** Outer product of two vectors. */
    public Tensor outer(Tensor other) {
        return MatMul.outer(this, other);
    }

    // ---------------------------------------------------------------- joining and indexing (helper section)

    /** Concatenates along {@code dim}; shapes must match except on {@code dim} ({@code torch.cat}). */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Joining.cat(tensors, dim);
    }

    /** Concatenates along {@code dim}; shapes must match except on {@code dim} ({@code torch.cat}). */
    public static Tensor cat(int dim, Tensor... tensors) {
        return Joining.cat(java.util.Arrays.asList(tensors), dim);
    }

    /** Joins same-shaped tensors along a new dimension {@code dim} ({@code torch.stack}). */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Joining.stack(tensors, dim);
    }

    /** Joins same-shaped tensors along a new dimension {@code dim} ({@code torch.stack}). */
    public static Tensor stack(int dim, Tensor... tensors) {
        return Joining.stack(java.util.Arrays.asList(tensors), dim);
    }

    /** Views of {@code splitSize} elements along {@code dim}, the last possibly smaller. */
    public List<Tensor> split(int splitSize, int dim) {
        return Joining.split(this, splitSize, dim);
    }

    /** Views of the given sizes along {@code dim} (they must sum to its size). */
    public List<Tensor> split(int[] sizes, int dim) {
        return Joining.split(this, sizes, dim);
    }

    /** At most {@code chunks} views of {@code ceil(size / chunks)} elements along {@code dim}. */
    public List<Tensor> chunk(int chunks, int dim) {
        return Joining.chunk(this, chunks, dim);
    }

    /** {@code out[p] = this[p with p[dim] = index[p]]}, index int32 of this tensor's rank. */
    public Tensor gather(int dim, Tensor index) {
        return Indexing.gather(this, dim, index);
    }

    /** A copy with {@code out[p with p[dim] = index[p]] = src[p]}. */
    public Tensor scatter(int dim, Tensor index, Tensor src) {
        return Indexing.scatter(this, dim, index, src);
    }

    /** A copy with {@code value} written at {@code p with p[dim] = index[p]}. */
    public Tensor scatter(int dim, Tensor index, float value) {
        return Indexing.scatter(this, dim, index, value);
    }

    /** A copy with {@code src[p]} added at {@code p with p[dim] = index[p]}. */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
        return Indexing.scatterAdd(this, dim, index, src);
    }

    /** The entries of dimension {@code dim} listed by the 1-D int32 {@code index}. */
    public Tensor indexSelect(int dim, Tensor index) {
        return Indexing.indexSelect(this, dim, index);
    }

    /** {@code value} where the 0/1 {@code mask} (broadcast) is 1, else this tensor's element. */
    public Tensor maskedFill(Tensor mask, float value) {
        return Selection.maskedFill(this, mask, value);
    }

    /** Writes {@code value} where the 0/1 {@code mask} (broadcast to this shape) is 1; returns this. */
    public Tensor maskedFillInPlace(Tensor mask, float value) {
        return Selection.maskedFillInPlace(this, mask, value);
    }

    /** {@code condition ? a : b} elementwise, with a 0/1 condition; all three broadcast. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Selection.where(condition, a, b);
    }

    /** int32 labels as float32 one-hot rows {@code [..., numClasses]}; -1 infers {@code max + 1}. */
    public static Tensor oneHot(Tensor labels, int numClasses) {
        return Selection.oneHot(labels, numClasses);
    }

    // ---------------------------------------------------------------- random creation (helper section)

    /** Reseeds the {@link Generator#defaultGenerator() default generator} (PyTorch's {@code torch.manual_seed}). */
    public static void manualSeed(long seed) {
        Generator.defaultGenerator().manualSeed(seed);
    }

    /** {@code [0, 1, ..., ceil(end) - 1]} as float32 (see {@link #arange(double, double, double)}). */
    public static Tensor arange(double end) {
        return Factories.arange(0, end, 1);
    }

    /** Float32 values {@code start + i * step} for i below ceil((end - start) / step); end excluded. */
    public static Tensor arange(double start, double end, double step) {
        return Factories.arange(start, end, step);
    }

    /** Int32 {@code [0, 1, ..., end - 1]}. */
    public static Tensor arangeInt(int end) {
        return Factories.arangeInt(0, end, 1);
    }

    /** Int32 {@code start, start + step, ...} with end excluded. */
    public static Tensor arangeInt(int start, int end, int step) {
        return Factories.arangeInt(start, end, step);
    }

    /** {@code steps} evenly spaced float32 values from start to end, both included. */
    public static Tensor linspace(double start, double end, int steps) {
        return Factories.linspace(start, end, steps);
    }

    /** The n x n identity matrix. */
    public static Tensor eye(int n) {
        return Factories.eye(n, n);
    }

    /** An n x m matrix with ones on the main diagonal. */
    public static Tensor eye(int n, int m) {
        return Factories.eye(n, m);
    }

    /** Uniform in [0, 1), from the default generator. */
    public static Tensor rand(int... shape) {
        return Factories.rand(Generator.defaultGenerator(), shape);
    }

    /** Uniform in [0, 1), from {@code g}. */
    public static Tensor rand(Generator g, int... shape) {
        return Factories.rand(g, shape);
    }

    /** Standard normal, from the default generator. */
    public static Tensor randn(int... shape) {
        return Factories.randn(Generator.defaultGenerator(), shape);
    }

    /** Standard normal, from {@code g}. */
    public static Tensor randn(Generator g, int... shape) {
        return Factories.randn(g, shape);
    }

    /** Int32 uniform in [low, high), from the default generator. */
    public static Tensor randint(int low, int high, int... shape) {
        return Factories.randint(Generator.defaultGenerator(), low, high, shape);
    }

    /** Int32 uniform in [low, high), from {@code g}. */
    public static Tensor randint(Generator g, int low, int high, int... shape) {
        return Factories.randint(g, low, high, shape);
    }

    /** {@link #rand(int...)} with the shape of {@code t}. */
    public static Tensor randLike(Tensor t) {
        return Factories.rand(Generator.defaultGenerator(), t.shape.raw());
    }

    /** {@link #randn(int...)} with the shape of {@code t}. */
    public static Tensor randnLike(Tensor t) {
        return Factories.randn(Generator.defaultGenerator(), t.shape.raw());
    }

    /** Uniform integers in [low, high) with the shape and dtype of {@code t} (whole-number floats for a float t). */
    public static Tensor randintLike(Tensor t, int low, int high) {
        return Factories.randintLike(t, low, high);
    }

    /** Fills this tensor with values from N(mean, std^2), from the default generator; returns this. */
    public Tensor normalInPlace(float mean, float std) {
        return Factories.normalInPlace(this, mean, std, Generator.defaultGenerator());
    }

    /** Fills this tensor with values from N(mean, std^2), from {@code g}; returns this. */
    public Tensor normalInPlace(float mean, float std, Generator g) {
        return Factories.normalInPlace(this, mean, std, g);
    }

    /** Fills this tensor with values uniform in [from, to), from the default generator; returns this. */
    public Tensor uniformInPlace(float from, float to) {
        return Factories.uniformInPlace(this, from, to, Generator.defaultGenerator());
    }

    /** Fills this tensor with values uniform in [from, to), from {@code g}; returns this. */
    public Tensor uniformInPlace(float from, float to, Generator g) {
        return Factories.uniformInPlace(this, from, to, g);
    }

    // ---------------------------------------------------------------- printing

    /** The values as PyTorch prints them, e.g. {@code tensor([[1.5000, 2.0000],\n        [3.0000, 4.0000]])}. */
    @Override
    public String toString() {
        return TensorFormatter.format(this);
    }

    /** True when every element (broadcast) satisfies |this - other| <= atol + rtol * |other|; NaN never. */
    public boolean allClose(Tensor other, double rtol, double atol) {
        return Comparison.allClose(this, other, rtol, atol);
    }

    /** {@link #allClose(Tensor, double, double)} with PyTorch's defaults rtol = 1e-5, atol = 1e-8. */
    public boolean allClose(Tensor other) {
        return Comparison.allClose(this, other, 1e-5, 1e-8);
    }
}
