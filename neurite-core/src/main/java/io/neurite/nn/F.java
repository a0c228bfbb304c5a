package io.neurite.nn;

/**
 * The stateless functions of {@code torch.nn.functional}, in one place: {@code F.conv2d(...)},
 * {@code F.crossEntropy(...)}. Layers are thin shells that own parameters and call these.
 *
 * <p>Each method delegates to the class in {@code io.neurite.nn.functional} that holds the
 * function's forward and backward together.
 */
public final class F {

    private F() {}

    // ---------------------------------------------------------------- linear and embedding

    // ---------------------------------------------------------------- activations

    // ---------------------------------------------------------------- convolution

    // ---------------------------------------------------------------- pooling and resampling

    // ---------------------------------------------------------------- normalization and dropout

    // ---------------------------------------------------------------- losses

    // ---------------------------------------------------------------- recurrent
}
