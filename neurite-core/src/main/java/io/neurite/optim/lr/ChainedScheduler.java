package io.neurite.optim.lr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Steps several schedules of one optimizer together, so their effects multiply (for example a
 * ConstantLR warm-up factor on top of an ExponentialLR decay).
 */
public final class ChainedScheduler extends LRScheduler {

    private final List<LRScheduler> schedulers;

    public ChainedScheduler(List<LRScheduler> schedulers) {
        super(first(schedulers).optimizer());
        for (int i = 1; i < schedulers.size(); i++) {
            if (schedulers.get(i).optimizer() != optimizer) {
                throw new IllegalArgumentException("ChainedScheduler: every schedule must belong to the same"
                        + " optimizer, but the ones at index 0 and " + i + " differ");
            }
        }
        this.schedulers = List.copyOf(schedulers);
        lastEpoch = 0;
        apply(currentLrs());
    }

    private static LRScheduler first(List<LRScheduler> schedulers) {
        if (schedulers.isEmpty()) {
            throw new IllegalArgumentException("ChainedScheduler: expected at least one schedule, got none");
        }
        return schedulers.get(0);
    }

    /** Steps every schedule in order; the lrs are what the last one leaves. */
    @Override
    protected double[] computeLr() {
        for (LRScheduler s : schedulers) s.step();
        return currentLrs();
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
