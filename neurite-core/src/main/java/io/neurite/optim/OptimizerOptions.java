package io.neurite.optim;

/**
 * The hyper-parameters of one optimizer for one parameter group: an immutable record whose
 * constructor validates every value, with {@code withX} methods returning modified copies.
 *
 * @param <O> the record type itself
 */
public interface OptimizerOptions<O extends OptimizerOptions<O>> {

    /** The learning rate. */
    double lr();

    /** A copy with another learning rate (validated). */
    O withLr(double lr);
}
