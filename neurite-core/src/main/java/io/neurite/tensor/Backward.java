package io.neurite.tensor;

/**
 * The backward rule of one recorded operation: given the gradient of the loss with respect to the
 * operation's output, returns the gradient with respect to each input, in input order ({@code null}
 * for an input that needs no gradient, i.e. whose {@link Tensor#requiresGrad()} is false).
 *
 * <p>Rules run with gradient recording off and must return gradients of exactly the inputs' shapes.
 */
@FunctionalInterface
public interface Backward {
    Tensor[] apply(Tensor gradOutput);
}
