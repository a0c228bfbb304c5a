package io.neurite.cli.train;

import io.neurite.optim.Adagrad;
import io.neurite.optim.Adam;
import io.neurite.optim.AdamW;
import io.neurite.optim.Optimizer;
import io.neurite.optim.RMSprop;
import io.neurite.optim.SGD;
import io.neurite.optim.lr.CosineAnnealingLR;
import io.neurite.optim.lr.OneCycleLR;
import io.neurite.optim.lr.ReduceLROnPlateau;
import io.neurite.optim.lr.StepLR;
import io.neurite.tensor.Tensor;
import io.neurite.train.ScheduleStep;
import io.neurite.train.Trainer;
import java.util.List;

/**
 * The optimizers and learning-rate schedules {@code neurite train} offers by name, with PyTorch's defaults where
 * PyTorch has one (SGD's learning rate, which PyTorch requires, defaults to 0.01 and its momentum to 0.9).
 */
public final class Optimizers {

    /** {@code sgd} (momentum only with --momentum), {@code momentum} (heavy ball) and {@code nesterov}: SGD. */
    public static final String[] NAMES = {"sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad"};
    public static final String[] SCHEDULES = {"none", "step", "cosine", "onecycle", "plateau"};

    private static final double SGD_LR = 0.01, SGD_MOMENTUM = 0.9;
    /** StepLR divides the rate by 10 at a third and at two thirds of the epochs. */
    private static final double STEP_GAMMA = 0.1;
    /** ReduceLROnPlateau divides the rate by 10 after 2 epochs without a lower (validation) loss. */
    private static final int PLATEAU_PATIENCE = 2;

    private Optimizers() {}

    /** The optimizer {@code c.optimizer()} over {@code params}, with the configured lr, momentum and weight decay. */
    public static Optimizer<?> create(TrainConfig c, List<Tensor> params) {
        if (c.momentum() != null && List.of("adam", "adamw", "adagrad").contains(c.optimizer())) {
            throw new IllegalArgumentException("train: --momentum applies to sgd, momentum, nesterov and rmsprop, not "
                    + c.optimizer() + " (Adam's momentum is its beta1, left at 0.9)");
        }
        return switch (c.optimizer()) {
            case "sgd", "momentum", "nesterov" -> {
                double m = c.momentum() != null ? c.momentum() : c.optimizer().equals("sgd") ? 0 : SGD_MOMENTUM;
                if (c.optimizer().equals("nesterov") && m == 0) {
                    throw new IllegalArgumentException("train: --optimizer nesterov needs --momentum > 0, got 0");
                }
                yield new SGD(params, SGD.options(or(c.lr(), SGD_LR)).withMomentum(m)
                        .withNesterov(c.optimizer().equals("nesterov")).withWeightDecay(or(c.weightDecay(), 0)));
            }
            case "adam" -> new Adam(params, Adam.options().withLr(or(c.lr(), Adam.options().lr()))
                    .withWeightDecay(or(c.weightDecay(), 0)));
            case "adamw" -> new AdamW(params, AdamW.options().withLr(or(c.lr(), AdamW.options().lr()))
                    .withWeightDecay(or(c.weightDecay(), AdamW.options().weightDecay())));
            case "rmsprop" -> new RMSprop(params, RMSprop.options().withLr(or(c.lr(), RMSprop.options().lr()))
                    .withMomentum(or(c.momentum(), 0)).withWeightDecay(or(c.weightDecay(), 0)));
            case "adagrad" -> new Adagrad(params, Adagrad.options().withLr(or(c.lr(), Adagrad.options().lr()))
                    .withWeightDecay(or(c.weightDecay(), 0)));
            default -> throw new IllegalArgumentException("train: unknown --optimizer '" + c.optimizer()
                    + "', expected one of " + String.join(", ", NAMES));
        };
    }

    private static double or(Double value, double fallback) {
        return value != null ? value : fallback;
    }

    /**
     * Adds schedule {@code name} to {@code trainer}, stepped as it needs: {@code step} (StepLR, lr x0.1 every third
     * of the epochs, per epoch), {@code cosine} (CosineAnnealingLR to 0 over every batch), {@code onecycle}
     * (OneCycleLR peaking at the configured lr, per batch), {@code plateau} (ReduceLROnPlateau on {@code monitor},
     * lr x0.1 after 2 epochs without improvement). {@code none} adds nothing.
     */
    public static void schedule(Trainer.Builder trainer, Optimizer<?> optimizer, String name, int epochs,
            int batchesPerEpoch, String monitor) {
        int steps = Math.multiplyExact(epochs, batchesPerEpoch);
        switch (name) {
            case "none" -> { }
            case "step" -> trainer.schedule(new StepLR(optimizer, Math.max(1, epochs / 3), STEP_GAMMA),
                    ScheduleStep.PER_EPOCH);
            case "cosine" -> trainer.schedule(new CosineAnnealingLR(optimizer, steps), ScheduleStep.PER_BATCH);
            case "onecycle" -> trainer.schedule(OneCycleLR.builder(optimizer, optimizer.paramGroups().get(0).lr())
                    .totalSteps(steps).build(), ScheduleStep.PER_BATCH);
            case "plateau" -> trainer.plateau(ReduceLROnPlateau.builder(optimizer).patience(PLATEAU_PATIENCE).build(),
                    monitor);
            default -> throw new IllegalArgumentException("train: unknown --schedule '" + name + "', expected one of "
                    + String.join(", ", SCHEDULES));
        }
    }
}
