package io.neurite.optim.lr;

import io.neurite.optim.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs schedules one after another, switching at milestone epochs; at a switch the next schedule
 * restarts at its epoch 0. A linear warm-up then cosine annealing:
 *
 * <pre>{@code
 * var warmup = new LinearLR(optimizer, 0.1, 1.0, 5);
 * var cosine = new CosineAnnealingLR(optimizer, 95);
 * var schedule = new SequentialLR(optimizer, List.of(warmup, cosine), new int[] {5});
 * }</pre>
 */
public final class SequentialLR extends LRScheduler {

    private final List<LRScheduler> schedulers;
    private final int[] milestones;

    public SequentialLR(Optimizer<?> optimizer, List<LRScheduler> schedulers, int[] milestones) {
        super(optimizer);
        if (schedulers.isEmpty()) {
            throw new IllegalArgumentException("SequentialLR: expected at least one schedule, got none");
        }
        for (int i = 0; i < schedulers.size(); i++) {
            if (schedulers.get(i).optimizer() != optimizer) {
                throw new IllegalArgumentException("SequentialLR: every schedule must belong to the optimizer"
                        + " passed in, but the one at index " + i + " belongs to another optimizer");
            }
        }
        if (milestones.length != schedulers.size() - 1) {
            throw new IllegalArgumentException("SequentialLR: expected one milestone fewer than schedules, got "
                    + schedulers.size() + " schedules and " + milestones.length + " milestones "
                    + Arrays.toString(milestones));
        }
        for (int i = 1; i < milestones.length; i++) {
            if (milestones[i] < milestones[i - 1]) {
                throw new IllegalArgumentException("SequentialLR: milestones must be increasing, got "
                        + Arrays.toString(milestones));
            }
        }
        this.schedulers = List.copyOf(schedulers);
        this.milestones = milestones.clone();
        // as PyTorch: restore the initial lrs the schedules' constructors changed, and restart the first
        var groups = optimizer.paramGroups();
        for (var g : groups) g.setLr(g.initialLr().getAsDouble());
        for (LRScheduler s : this.schedulers) s.lastEpoch -= 1;
        this.schedulers.get(0).initialStep();
        lastEpoch = 0;
        apply(this.schedulers.get(0).lastLr());
    }

    /** Steps the schedule whose turn it is (restarting it at epoch 0 on its milestone). */
    @Override
    protected double[] computeLr() {
        int index = 0;
        while (index < milestones.length && milestones[index] <= lastEpoch) index++;
        LRScheduler current = schedulers.get(index);
        if (index > 0 && milestones[index - 1] == lastEpoch) {
            current.stepAt(0);
        } else {
            current.step();
        }
        return current.lastLr();
    }

    @Override
    protected void saveState(Map<String, Object> out) {
        List<Object> states = new ArrayList<>();
        for (LRScheduler s : schedulers) states.add(s.stateDict());
        out.put("schedulers", List.copyOf(states));
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void loadState(Map<String, Object> state, String where) {
        if (!(state.get("schedulers") instanceof List<?> list) || list.size() != schedulers.size()) {
            throw new IllegalArgumentException(where + ": expected a list of " + schedulers.size()
                    + " schedule states under 'schedulers', got " + state.get("schedulers"));
        }
        for (int i = 0; i < list.size(); i++) schedulers.get(i).loadStateDict((Map<String, Object>) list.get(i));
    }
}
