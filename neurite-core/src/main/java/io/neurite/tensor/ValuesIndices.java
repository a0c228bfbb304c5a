package io.neurite.tensor;

/**
 * What {@link Tensor#max(int, boolean)} and {@link Tensor#min(int, boolean)} return, as PyTorch's
 * {@code (values, indices)} pair: the extreme values (float, differentiable) and their int32
 * positions along the reduced dimension.
 */
public record ValuesIndices(Tensor values, Tensor indices) {}
