package io.neurite.optim;

/**
 * Options of an Adam-family optimizer, whose {@code beta1} plays the part of momentum
 * ({@link io.neurite.optim.lr.OneCycleLR} cycles it).
 */
public interface BetasOptions<O extends BetasOptions<O>> extends OptimizerOptions<O> {

    double beta1();

    double beta2();

    /** A copy with other betas (validated). */
    O withBetas(double beta1, double beta2);
}
