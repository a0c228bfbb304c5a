package io.neurite.train;

import io.neurite.optim.ParamGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Logs the learning rate each parameter group used during the epoch (read when the epoch begins, before
 * any per-epoch schedule step) as {@code lr_group0}, {@code lr_group1}, ... and keeps them in {@link #values()}.
 */
public final class LearningRateLogger implements Callback {

    private final List<double[]> values = new ArrayList<>();
    private Trainer trainer;
    private double[] current;

    @Override
    public void onTrainBegin(Trainer trainer) {
        this.trainer = trainer;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        List<? extends ParamGroup<?>> groups = trainer.optimizer().paramGroups();
        current = new double[groups.size()];
        for (int i = 0; i < current.length; i++) current[i] = groups.get(i).lr();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        for (int i = 0; i < current.length; i++) logs.put("lr_group" + i, current[i]);
        values.add(current);
    }

    /** Per epoch logged, each group's learning rate during that epoch. */
    public List<double[]> values() {
        return Collections.unmodifiableList(values);
    }
}
