package io.neurite.optim.lr;

import io.neurite.optim.Optimizer;
import io.neurite.optim.ParamGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The base of the learning-rate schedules, PyTorch's {@code _LRScheduler}: a schedule computes the
 * next learning rate of each parameter group ({@link #computeLr()}), and {@link #step()} writes it
 * into the optimizer. Call {@code step()} once per epoch or once per batch, after
 * {@code optimizer.step()}; the schedule counts whichever you choose.
 *
 * <pre>{@code
 * var optimizer = new SGD(model.parameters(), SGD.options(0.1).withMomentum(0.9));
 * var schedule = new StepLR(optimizer, 30, 0.1);     // lr 0.1, then 0.01 from epoch 30, ...
 * for (int epoch = 0; epoch < 90; epoch++) {
 *     trainOneEpoch(model, optimizer);
 *     schedule.step();
 * }
 * }</pre>
 *
 * <p>The first schedule attached to an optimizer records each group's learning rate as its
 * {@linkplain ParamGroup#initialLr() initial lr}, the {@code baseLrs} the schedule starts from.
 * Constructing a schedule takes its first step (epoch 0), as in PyTorch, so the optimizer's learning
 * rates may change at construction. Many schedules are recursive (the next lr is computed from the
 * current one), so chained schedules compose multiplicatively, as in PyTorch.
 *
 * <p>A subclass computes lrs in {@link #computeLr()} (and optionally a closed form in
 * {@link #closedFormLr()}), and must call {@link #initialStep()} at the end of its constructor.
 */
public abstract class LRScheduler {

    protected final Optimizer<?> optimizer;
    /** The learning rate of each group at epoch 0 of this schedule. */
    protected double[] baseLrs;
    /** The epoch (or batch) count: -1 before the initial step, 0 after it. */
    protected int lastEpoch = -1;
    private double[] lastLr;

    protected LRScheduler(Optimizer<?> optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        baseLrs = new double[groups.size()];
        for (int i = 0; i < baseLrs.length; i++) {
            ParamGroup<?> g = groups.get(i);
            if (g.initialLr().isEmpty()) g.setInitialLr(g.lr());
            baseLrs[i] = g.initialLr().getAsDouble();
        }
    }

    /** PyTorch's {@code _initial_step}: the step to epoch 0 that every schedule takes when constructed. */
    protected final void initialStep() {
        step();
    }

    /** Advances one epoch (or batch) and sets each group's learning rate. */
    public void step() {
        lastEpoch++;
        apply(computeLr());
    }

    /**
     * Jumps to {@code epoch} and sets the closed-form learning rate there (or {@link #computeLr()}'s
     * when there is none): how {@link SequentialLR} restarts a schedule at epoch 0.
     */
    void stepAt(int epoch) {
        lastEpoch = epoch;
        double[] closed = closedFormLr();
        apply(closed != null ? closed : computeLr());
    }

    /** The learning rate of each group at {@link #lastEpoch}, usually from the groups' current ones. */
    protected abstract double[] computeLr();

    /** The learning rates at {@link #lastEpoch} from {@link #baseLrs} alone, or null if there is no closed form. */
    protected double[] closedFormLr() {
        return null;
    }

    /** Writes {@code lrs} into the groups and records them as {@link #lastLr()}. */
    protected final void apply(double[] lrs) {
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        for (int i = 0; i < lrs.length; i++) groups.get(i).setLr(lrs[i]);
        lastLr = currentLrs();
    }

    /** Each group's learning rate now. */
    protected final double[] currentLrs() {
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        double[] out = new double[groups.size()];
        for (int i = 0; i < out.length; i++) out[i] = groups.get(i).lr();
        return out;
    }

    /** The learning rates this schedule set last, one per group. */
    public final double[] lastLr() {
        return lastLr == null ? currentLrs() : lastLr.clone();
    }

    /** The epoch (or batch) count, 0 after construction. */
    public final int lastEpoch() {
        return lastEpoch;
    }

    public final Optimizer<?> optimizer() {
        return optimizer;
    }

    /** The number of parameter groups, for checking per-group arguments. */
    protected final int groupCount() {
        return optimizer.paramGroups().size();
    }

    /** A per-group argument: one value for every group, or one per group. */
    protected final double[] perGroup(String name, double... values) {
        return perGroup(getClass().getSimpleName(), optimizer, name, values);
    }

    static double[] perGroup(String owner, Optimizer<?> optimizer, String name, double... values) {
        int groups = optimizer.paramGroups().size();
        if (values.length == 1) {
            double[] out = new double[groups];
            java.util.Arrays.fill(out, values[0]);
            return out;
        }
        if (values.length != groups) {
            throw new IllegalArgumentException(owner + ": expected " + (groups == 1 ? "1 value" : "1 or " + groups
                    + " values (one per parameter group)") + " for " + name + ", got " + values.length);
        }
        return values.clone();
    }

    // ---------------------------------------------------------------- state

    /**
     * The schedule's position as plain data ({@code lastEpoch}, {@code baseLrs}, {@code lastLr} and
     * what the subclass adds); its configuration is not included (a resumed run rebuilds the schedule
     * with the same arguments, then loads this). Functions such as LambdaLR's are not saved.
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lastEpoch", lastEpoch);
        out.put("baseLrs", toList(baseLrs));
        out.put("lastLr", toList(lastLr()));
        saveState(out);
        return Collections.unmodifiableMap(out);
    }

    /** Restores what {@link #stateDict()} saved from a schedule built with the same arguments. */
    public void loadStateDict(Map<String, Object> state) {
        String where = getClass().getSimpleName() + ".loadStateDict";
        int epoch = intOf(state, "lastEpoch", where);
        double[] base = doublesOf(state, "baseLrs", groupCount(), where);
        double[] last = doublesOf(state, "lastLr", groupCount(), where);
        loadState(state, where);
        lastEpoch = epoch;
        baseLrs = base;
        lastLr = last;
    }

    /** Adds a subclass's changing state to {@link #stateDict()}. */
    protected void saveState(Map<String, Object> out) {
    }

    /** Restores what {@link #saveState} added; checks before changing anything. */
    protected void loadState(Map<String, Object> state, String where) {
    }

    static List<Double> toList(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) out.add(v);
        return List.copyOf(out);
    }

    static int intOf(Map<String, Object> state, String key, String where) {
        if (state.get(key) instanceof Number n && n.doubleValue() == n.intValue()) return n.intValue();
        throw new IllegalArgumentException(where + ": expected an integer under '" + key + "', got " + state.get(key));
    }

    static double doubleOf(Map<String, Object> state, String key, String where) {
        if (state.get(key) instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException(where + ": expected a number under '" + key + "', got " + state.get(key));
    }

    static double[] doublesOf(Map<String, Object> state, String key, int size, String where) {
        if (state.get(key) instanceof List<?> list && list.size() == size) {
            double[] out = new double[size];
            for (int i = 0; i < size; i++) {
                if (!(list.get(i) instanceof Number n)) break;
                out[i] = n.doubleValue();
                if (i == size - 1) return out;
            }
            if (size == 0) return out;
        }
        throw new IllegalArgumentException(where + ": expected a list of " + size + " numbers (one per parameter"
                + " group) under '" + key + "', got " + state.get(key));
    }
}
