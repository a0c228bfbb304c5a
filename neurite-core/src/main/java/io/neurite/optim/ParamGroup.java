package io.neurite.optim;

import io.neurite.tensor.Tensor;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Parameters that share hyper-parameters inside an {@link Optimizer} (PyTorch's
 * {@code param_groups[i]}): a pretrained backbone with a small learning rate beside a new head, or
 * the biases and norms of a model without weight decay. Schedules change the learning rate (and
 * the momentum, where they cycle it) through this object.
 *
 * @param <O> the optimizer's options record
 */
public final class ParamGroup<O extends OptimizerOptions<O>> {

    private final List<Tensor> params;
    private O options;
    private Double initialLr;

    ParamGroup(List<Tensor> params, O options) {
        this.params = List.copyOf(params);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The parameters, in the order given. */
    public List<Tensor> params() {
        return params;
    }

    /** The hyper-parameters in effect. */
    public O options() {
        return options;
    }

    /** Replaces the hyper-parameters (records validate themselves). */
    public void setOptions(O options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public double lr() {
        return options.lr();
    }

    public void setLr(double lr) {
        options = options.withLr(lr);
    }

    /**
     * The learning rate a schedule started from (PyTorch's {@code group['initial_lr']}), set by the
     * first schedule attached to the optimizer; empty before.
     */
    public OptionalDouble initialLr() {
        return initialLr == null ? OptionalDouble.empty() : OptionalDouble.of(initialLr);
    }

    public void setInitialLr(double lr) {
        this.initialLr = lr;
    }

    void clearInitialLr() {
        this.initialLr = null;
    }

    /** True when the optimizer has a {@code momentum} hyper-parameter (SGD, RMSprop). */
    public boolean hasMomentum() {
        return options instanceof MomentumOptions<?>;
    }

    public double momentum() {
        return momentumOptions("momentum").momentum();
    }

    @SuppressWarnings("unchecked")
    public void setMomentum(double momentum) {
        options = (O) momentumOptions("setMomentum").withMomentum(momentum);
    }

    /** True when the optimizer has {@code betas} (the Adam family). */
    public boolean hasBetas() {
        return options instanceof BetasOptions<?>;
    }

    public double beta1() {
        return betasOptions("beta1").beta1();
    }

    /** Changes beta1 and keeps beta2 (how OneCycleLR cycles Adam's momentum). */
    @SuppressWarnings("unchecked")
    public void setBeta1(double beta1) {
        BetasOptions<?> b = betasOptions("setBeta1");
        options = (O) b.withBetas(beta1, b.beta2());
    }

    private MomentumOptions<?> momentumOptions(String op) {
        if (options instanceof MomentumOptions<?> m) return m;
        throw new IllegalStateException("ParamGroup." + op + ": " + optimizerName() + " has no momentum"
                + " hyper-parameter; hint: momentum exists for SGD and RMSprop (Adam's counterpart is beta1)");
    }

    private BetasOptions<?> betasOptions(String op) {
        if (options instanceof BetasOptions<?> b) return b;
        throw new IllegalStateException("ParamGroup." + op + ": " + optimizerName() + " has no betas"
                + " hyper-parameters; hint: betas exist for Adam, AdamW, Adamax, NAdam and RAdam");
    }

    private String optimizerName() {
        Class<?> owner = options.getClass().getEnclosingClass();
        return owner != null ? owner.getSimpleName() : options.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "ParamGroup(" + params.size() + " tensors, " + options + ")";
    }
}
