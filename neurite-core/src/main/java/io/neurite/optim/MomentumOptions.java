package io.neurite.optim;

/** Options of an optimizer with a {@code momentum} hyper-parameter (SGD, RMSprop), which schedules may cycle. */
public interface MomentumOptions<O extends MomentumOptions<O>> extends OptimizerOptions<O> {

    double momentum();

    /** A copy with another momentum (validated). */
    O withMomentum(double momentum);
}
