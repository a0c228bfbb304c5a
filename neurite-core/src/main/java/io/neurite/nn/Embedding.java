package io.neurite.nn;

import io.neurite.nn.functional.Lookup;
import io.neurite.tensor.Tensor;

/**
 * A lookup table of learned vectors, one row per index ({@code torch.nn.Embedding}).
 *
 * <p>Shapes: int32 indices of any shape {@code [*]}, each in {@code [0, num_embeddings)}; output
 * {@code [*, embedding_dim]}; weight {@code [num_embeddings, embedding_dim]}.
 *
 * <p>Initialization (PyTorch's): weight from N(0, 1), with the row {@code padding_idx} (if set) zero;
 * that row never receives a gradient, so it stays fixed during training.
 *
 * <pre>{@code
 * Embedding words = Embedding.builder(10000, 64).paddingIdx(0).build();
 * Tensor vectors = words.forward(Tensor.ofInts(new int[] {4, 7, 0}, 3));   // [3, 64]
 * }</pre>
 */
public final class Embedding extends Layer {

    private final int numEmbeddings;
    private final int embeddingDim;
    private final int paddingIdx;

    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, Lookup.NO_PADDING, null);
    }

    private Embedding(int numEmbeddings, int embeddingDim, int paddingIdx, Tensor pretrained) {
        if (numEmbeddings < 0 || embeddingDim < 0) {
            throw new IllegalArgumentException("Embedding: expected non-negative sizes, got num_embeddings="
                    + numEmbeddings + ", embedding_dim=" + embeddingDim);
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx == Lookup.NO_PADDING ? paddingIdx
                : normalizePaddingIdx("Embedding", paddingIdx, numEmbeddings);
        registerParameter("weight", pretrained != null ? pretrained : Tensor.zeros(numEmbeddings, embeddingDim));
        if (pretrained == null) resetParameters();
    }

    public static Builder builder(int numEmbeddings, int embeddingDim) {
        return new Builder(numEmbeddings, embeddingDim);
    }

    /** Optional settings of an {@link Embedding}. */
    public static final class Builder {
        private final int numEmbeddings;
        private final int embeddingDim;
        private int paddingIdx = Lookup.NO_PADDING;

        private Builder(int numEmbeddings, int embeddingDim) {
            this.numEmbeddings = numEmbeddings;
            this.embeddingDim = embeddingDim;
        }

        /** The index whose row is zero-initialized and gets no gradient (negative counts from the end). */
        public Builder paddingIdx(int paddingIdx) {
            this.paddingIdx = paddingIdx;
            return this;
        }

        public Embedding build() {
            return new Embedding(numEmbeddings, embeddingDim, paddingIdx, null);
        }
    }

    /** An embedding whose weight is {@code embeddings} itself (shared, not copied), frozen. */
    public static Embedding fromPretrained(Tensor embeddings) {
        return fromPretrained(embeddings, true);
    }

    /** An embedding whose weight is {@code embeddings} (shared storage); {@code freeze} stops its training. */
    public static Embedding fromPretrained(Tensor embeddings, boolean freeze) {
        if (embeddings.dim() != 2 || !embeddings.isFloat()) {
            throw new IllegalArgumentException("Embedding.fromPretrained: expected a 2-D float32 tensor"
                    + " [num_embeddings, embedding_dim], got " + embeddings.dtype().torchName() + " of shape "
                    + embeddings.shape());
        }
        Embedding e = new Embedding(embeddings.size(0), embeddings.size(1), Lookup.NO_PADDING, embeddings.detach());
        e.weight().requiresGrad(!freeze);
        return e;
    }

    /** PyTorch's default: N(0, 1), then the padding row zeroed. */
    public void resetParameters() {
        Init.normal(weight(), 0, 1);
        if (paddingIdx != Lookup.NO_PADDING) Init.zeros(weight().select(0, paddingIdx));
    }

    public Tensor weight() {
        return parameter("weight");
    }

    public int numEmbeddings() {
        return numEmbeddings;
    }

    public int embeddingDim() {
        return embeddingDim;
    }

    @Override
    public Tensor forward(Tensor indices) {
        return Lookup.embedding(toString(), indices, weight(), paddingIdx);
    }

    @Override
    public String extraRepr() {
        String padding = paddingIdx == Lookup.NO_PADDING ? "" : ", padding_idx=" + paddingIdx;
        return numEmbeddings + ", " + embeddingDim + padding;
    }

    /** A padding index in [-num, num) mapped into [0, num), or a failure naming {@code op}. */
    static int normalizePaddingIdx(String op, int paddingIdx, int numEmbeddings) {
        if (paddingIdx < -numEmbeddings || paddingIdx >= numEmbeddings) {
            throw new IllegalArgumentException(op + ": padding_idx=" + paddingIdx + " must be within num_embeddings"
                    + " (expected -" + numEmbeddings + " <= padding_idx < " + numEmbeddings + ")");
        }
        return paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
    }
}
