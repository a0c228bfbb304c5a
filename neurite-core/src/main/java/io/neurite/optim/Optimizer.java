package io.neurite.optim;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The base of every optimizer: parameter groups with their own hyper-parameters, per-parameter
 * state, {@link #zeroGrad()}, {@link #step()} and a plain-data {@link #stateDict()}.
 *
 * <pre>{@code
 * var optimizer = new SGD(backbone.parameters(), SGD.options(1e-3).withMomentum(0.9));
 * optimizer.addParamGroup(head.parameters(), o -> o.withLr(1e-2));   // the new head learns faster
 * for (var batch : batches) {
 *     optimizer.zeroGrad();
 *     model.forward(batch.x()).sub(batch.y()).pow(2).mean().backward();
 *     optimizer.step();
 * }
 * }</pre>
 *
 * <p>A subclass supplies {@link #update}: the update of one parameter's flat data from its
 * gradient, its state and the group's options, run under no-grad.
 *
 * @param <O> the options record of the optimizer
 */
public abstract class Optimizer<O extends OptimizerOptions<O>> {

    /** Elements per task when an update splits over the shared pool (updates are memory-bound). */
    static final int GRAIN = 1 << 15;

    private final O defaults;
    private final List<ParamGroup<O>> groups = new ArrayList<>();
    private final Map<Tensor, ParamState> state = new IdentityHashMap<>();

    /** One group of {@code params} with the {@code defaults}; more groups come from {@link #addParamGroup}. */
    protected Optimizer(List<Tensor> params, O defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        if (!(defaults instanceof Record)) {
            throw new IllegalArgumentException(name() + ": options must be a record (they are saved by"
                    + " component name in stateDict), got " + defaults.getClass().getName());
        }
        addParamGroup(params);
    }

    /** The optimizer's name in messages ({@code "Adam"}). */
    protected String name() {
        return getClass().getSimpleName();
    }

    // ---------------------------------------------------------------- groups

    /** The options given at construction, from which each group's options derive. */
    public final O defaults() {
        return defaults;
    }

    /** The parameter groups, in order of addition. */
    public final List<ParamGroup<O>> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** Adds a group of parameters trained with the default options. */
    public final ParamGroup<O> addParamGroup(List<Tensor> params) {
        return addParamGroup(params, UnaryOperator.identity());
    }

    /**
     * Adds a group of parameters with the default options changed by {@code overrides}, e.g.
     * {@code o -> o.withWeightDecay(0)}. Fails if a parameter is already in a group or is not a leaf.
     */
    public final ParamGroup<O> addParamGroup(List<Tensor> params, UnaryOperator<O> overrides) {
        Objects.requireNonNull(params, "params");
        if (params.isEmpty()) {
            throw new IllegalArgumentException(name() + ": got an empty parameter list; hint: pass"
                    + " model.parameters(), and check that the model registered its parameters");
        }
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        for (ParamGroup<O> g : groups) for (Tensor p : g.params()) seen.put(p, true);
        Map<Tensor, Integer> inThisGroup = new IdentityHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            Tensor p = Objects.requireNonNull(params.get(i), "params[" + i + "]");
            if (!p.isLeaf()) {
                throw new IllegalArgumentException(name() + ": cannot optimize a non-leaf tensor (params[" + i
                        + "] of shape " + p.shape() + " was produced by '" + p.gradFn().op() + "'); hint: optimize"
                        + " the leaf it was computed from, or pass tensor.detach().requiresGrad(true)");
            }
            if (!p.isFloat()) {
                throw new IllegalArgumentException(name() + ": can only optimize float32 tensors, params[" + i
                        + "] is " + p.dtype().torchName());
            }
            if (seen.containsKey(p)) {
                throw new IllegalArgumentException(name() + ": params[" + i + "] (shape " + p.shape()
                        + ") already belongs to another parameter group; each tensor may appear in one group only");
            }
            Integer earlier = inThisGroup.put(p, i);
            if (earlier != null) {
                throw new IllegalArgumentException(name() + ": params[" + i + "] (shape " + p.shape()
                        + ") is the same tensor as params[" + earlier + "]; each tensor may appear once");
            }
        }
        O options = Objects.requireNonNull(overrides.apply(defaults), "overrides returned null");
        checkGroup(options);
        ParamGroup<O> group = new ParamGroup<>(params, options);
        groups.add(group);
        return group;
    }

    /** A subclass's extra check of a new group (LBFGS allows one group only). */
    protected void checkGroup(O options) {
    }

    // ---------------------------------------------------------------- stepping

    /** Clears the gradient of every parameter (sets it to null, as {@code zero_grad(set_to_none=True)}). */
    public void zeroGrad() {
        for (ParamGroup<O> g : groups) for (Tensor p : g.params()) p.setGrad(null);
    }

    /**
     * Updates every parameter that has a gradient (parameters whose gradient is null are skipped,
     * their state untouched). Runs under no-grad.
     */
    public void step() {
        try (var scope = Autograd.noGrad()) {
            for (ParamGroup<O> group : groups) {
                O options = group.options();
                for (Tensor p : group.params()) {
                    Tensor grad = p.grad();
                    if (grad == null) continue;
                    ParamState s = state.computeIfAbsent(p, k -> new ParamState(k.numel()));
                    float[] data = ParamData.open(p);
                    update(options, data, grad.contiguousData(), s);
                    ParamData.commit(p, data);
                }
            }
        }
    }

    /**
     * Evaluates {@code closure} (which zeroes the gradients, computes the loss and calls backward)
     * with grad mode on, then steps; returns the loss the closure computed.
     */
    public Tensor step(Supplier<Tensor> closure) {
        Tensor loss;
        try (var scope = Autograd.enableGrad()) {
            loss = closure.get();
        }
        step();
        return loss;
    }

    /**
     * Updates one parameter in place: {@code param} and {@code grad} are its flat data (row-major),
     * {@code state} what this optimizer stored for it (empty on its first step).
     */
    protected abstract void update(O options, float[] param, float[] grad, ParamState state);

    // ---------------------------------------------------------------- state

    /** The state of {@code param}, or null before its first step. */
    public final ParamState state(Tensor param) {
        return state.get(param);
    }

    /**
     * The optimizer's state as plain data, so training resumes exactly after
     * {@link #loadStateDict}: {@code "state"} maps a parameter's index (counted across groups, in
     * order) to its buffers (tensors shaped like the parameter, copies) and scalars (Double);
     * {@code "paramGroups"} lists each group's hyper-parameters by name (Double, Integer, Boolean,
     * String), its {@code "initialLr"} if a schedule set one, and {@code "params"}, the indices of its
     * parameters.
     */
    public Map<String, Object> stateDict() {
        Map<Integer, Object> packed = new LinkedHashMap<>();
        List<Object> groupList = new ArrayList<>();
        int index = 0;
        for (ParamGroup<O> g : groups) {
            Map<String, Object> gm = new LinkedHashMap<>(OptionsCodec.toMap((Record) g.options()));
            g.initialLr().ifPresent(lr -> gm.put("initialLr", lr));
            List<Integer> ids = new ArrayList<>();
            for (Tensor p : g.params()) {
                ParamState s = state.get(p);
                if (s != null) packed.put(index, packState(s, p));
                ids.add(index++);
            }
            gm.put("params", List.copyOf(ids));
            groupList.add(Collections.unmodifiableMap(gm));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", Collections.unmodifiableMap(packed));
        out.put("paramGroups", List.copyOf(groupList));
        return out;
    }

    private static Map<String, Object> packState(ParamState s, Tensor p) {
        Map<String, Object> m = new LinkedHashMap<>();
        s.scalars().forEach(m::put);
        s.buffers().forEach((k, v) -> m.put(k, Tensor.of(v, p.shape().dims())));
        return Collections.unmodifiableMap(m);
    }

    /**
     * Restores hyper-parameters and state saved by {@link #stateDict()} from an optimizer of the same
     * kind over parameters of the same shapes, in the same groups. Nothing changes unless every
     * check passes.
     */
    public void loadStateDict(Map<String, Object> saved) {
        String where = name() + ".loadStateDict";
        List<?> savedGroups = listOf(saved, "paramGroups", where);
        Map<?, ?> savedState = mapOf(saved, "state", where);
        if (savedGroups.size() != groups.size()) {
            throw new IllegalArgumentException(where + ": the state has " + savedGroups.size()
                    + " parameter groups, this optimizer has " + groups.size());
        }
        List<Tensor> all = new ArrayList<>();
        List<O> newOptions = new ArrayList<>();
        List<Double> newInitial = new ArrayList<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            ParamGroup<O> g = groups.get(gi);
            if (!(savedGroups.get(gi) instanceof Map<?, ?> gm)) {
                throw new IllegalArgumentException(where + ": paramGroups[" + gi + "] is not a map");
            }
            List<?> ids = listOf(gm, "params", where + ": paramGroups[" + gi + "]");
            if (ids.size() != g.params().size()) {
                throw new IllegalArgumentException(where + ": paramGroups[" + gi + "] has " + ids.size()
                        + " parameters, this optimizer's group has " + g.params().size());
            }
            Map<String, Object> hyper = new LinkedHashMap<>();
            gm.forEach((k, v) -> hyper.put(String.valueOf(k), v));
            hyper.remove("params");
            Object initial = hyper.remove("initialLr");
            newInitial.add(initial instanceof Number n ? n.doubleValue() : null);
            newOptions.add(restore(g.options(), hyper, where + ": paramGroups[" + gi + "]"));
            all.addAll(g.params());
        }
        Map<Tensor, ParamState> newState = new IdentityHashMap<>();
        for (var e : savedState.entrySet()) {
            int index = e.getKey() instanceof Number n ? n.intValue() : -1;
            if (index < 0 || index >= all.size()) {
                throw new IllegalArgumentException(where + ": state for parameter index " + e.getKey()
                        + ", but this optimizer has " + all.size() + " parameters");
            }
            if (!(e.getValue() instanceof Map<?, ?> sm)) {
                throw new IllegalArgumentException(where + ": state[" + index + "] is not a map");
            }
            newState.put(all.get(index), unpackState(sm, all.get(index), where + ": state[" + index + "]"));
        }
        for (int gi = 0; gi < groups.size(); gi++) {
            groups.get(gi).setOptions(newOptions.get(gi));
            if (newInitial.get(gi) != null) groups.get(gi).setInitialLr(newInitial.get(gi));
            else groups.get(gi).clearInitialLr();
        }
        state.clear();
        state.putAll(newState);
    }

    @SuppressWarnings("unchecked")
    private O restore(O current, Map<String, Object> hyper, String where) {
        return (O) OptionsCodec.fromMap((Record) current, hyper, where);
    }

    private static ParamState unpackState(Map<?, ?> saved, Tensor p, String where) {
        ParamState s = new ParamState(p.numel());
        for (var e : saved.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (e.getValue() instanceof Tensor t) {
                if (!t.shape().equals(p.shape())) {
                    throw new IllegalArgumentException(where + ": '" + key + "' has shape " + t.shape()
                            + ", the parameter has shape " + p.shape());
                }
                s.putBuffer(key, t.toFloatArray());
            } else if (e.getValue() instanceof Number n) {
                s.setScalar(key, n.doubleValue());
            } else {
                throw new IllegalArgumentException(where + ": '" + key + "' is neither a tensor nor a number: "
                        + e.getValue());
            }
        }
        return s;
    }

    static List<?> listOf(Map<?, ?> m, String key, String where) {
        if (m.get(key) instanceof List<?> l) return l;
        throw new IllegalArgumentException(where + ": expected a list under '" + key + "', got " + m.get(key));
    }

    static Map<?, ?> mapOf(Map<?, ?> m, String key, String where) {
        if (m.get(key) instanceof Map<?, ?> x) return x;
        throw new IllegalArgumentException(where + ": expected a map under '" + key + "', got " + m.get(key));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name()).append(" (");
        for (int i = 0; i < groups.size(); i++) {
            sb.append("\nParameter Group ").append(i).append("\n    ").append(groups.get(i).options());
        }
        return sb.append("\n)").toString();
    }
}
