package io.neurite.optim.lr;

import com.fasterxml.jackson.databind.JsonNode;
import io.neurite.optim.Adam;
import io.neurite.optim.OptimFixtures;
import io.neurite.optim.Optimizer;
import io.neurite.optim.SGD;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

/** Builds the optimizers and schedules that {@code fixtures/optim.json} describes by name. */
final class ScheduleFixtures {

    /** The generator's FUNCTIONS, by name. */
    static final Map<String, DoubleUnaryOperator> FUNCTIONS = Map.of(
            "warmup10", e -> Math.min(1.0, (e + 1) / 10),
            "pow095", e -> Math.pow(0.95, e),
            "const09", e -> 0.9,
            "invSqrt", e -> 1 / Math.sqrt(e + 1),
            "cycleDecay", x -> 1 / Math.pow(1.5, x - 1),
            "iterDecay", x -> Math.pow(0.99, x));

    private ScheduleFixtures() {}

    /** Two groups (lr 0.1 and 0.05): SGD with momentum 0.9, or Adam. */
    static Optimizer<?> optimizer(String kind, double[] groupLrs) {
        List<Tensor> a = List.of(Tensor.zeros(2).requiresGrad(true));
        List<Tensor> b = List.of(Tensor.zeros(3).requiresGrad(true));
        if (kind.equals("Adam")) {
            Adam adam = new Adam(a, Adam.options().withLr(groupLrs[0]));
            adam.addParamGroup(b, o -> o.withLr(groupLrs[1]));
            return adam;
        }
        SGD sgd = new SGD(a, SGD.options(groupLrs[0]).withMomentum(0.9));
        sgd.addParamGroup(b, o -> o.withLr(groupLrs[1]));
        return sgd;
    }

    /** The schedule a fixture spec {scheduler, args} describes, on {@code opt}. */
    static LRScheduler build(JsonNode spec, Optimizer<?> opt) {
        JsonNode a = spec.get("args");
        return switch (spec.get("scheduler").asText()) {
            case "StepLR" -> a.has("gamma") ? new StepLR(opt, a.get("stepSize").asInt(), a.get("gamma").asDouble())
                    : new StepLR(opt, a.get("stepSize").asInt());
            case "MultiStepLR" -> new MultiStepLR(opt, OptimFixtures.ints(a.get("milestones")),
                    a.get("gamma").asDouble());
            case "ExponentialLR" -> new ExponentialLR(opt, a.get("gamma").asDouble());
            case "CosineAnnealingLR" -> new CosineAnnealingLR(opt, a.get("tMax").asInt(), a.path("etaMin").asDouble(0));
            case "CosineAnnealingWarmRestarts" -> new CosineAnnealingWarmRestarts(opt, a.get("t0").asInt(),
                    a.path("tMult").asInt(1), a.path("etaMin").asDouble(0));
            case "LinearLR" -> new LinearLR(opt, a.get("startFactor").asDouble(), a.get("endFactor").asDouble(),
                    a.get("totalIters").asInt());
            case "ConstantLR" -> new ConstantLR(opt, a.get("factor").asDouble(), a.get("totalIters").asInt());
            case "PolynomialLR" -> new PolynomialLR(opt, a.get("totalIters").asInt(), a.get("power").asDouble());
            case "LambdaLR" -> new LambdaLR(opt, lambdas(a));
            case "MultiplicativeLR" -> new MultiplicativeLR(opt, lambdas(a));
            case "CyclicLR" -> cyclic(a, opt);
            case "OneCycleLR" -> oneCycle(a, opt);
            case "SequentialLR" -> new SequentialLR(opt, children(a, opt), OptimFixtures.ints(a.get("milestones")));
            case "ChainedScheduler" -> new ChainedScheduler(children(a, opt));
            default -> throw new IllegalArgumentException("unknown schedule " + spec.get("scheduler"));
        };
    }

    private static List<IntToDoubleFunction> lambdas(JsonNode a) {
        List<IntToDoubleFunction> out = new ArrayList<>();
        for (JsonNode name : a.get("lambdas")) {
            DoubleUnaryOperator f = FUNCTIONS.get(name.asText());
            out.add(e -> f.applyAsDouble(e));
        }
        return out;
    }

    private static List<LRScheduler> children(JsonNode a, Optimizer<?> opt) {
        List<LRScheduler> out = new ArrayList<>();
        for (JsonNode child : a.get("schedulers")) out.add(build(child, opt));
        return out;
    }

    private static CyclicLR cyclic(JsonNode a, Optimizer<?> opt) {
        var b = CyclicLR.builder(opt, a.get("baseLr").asDouble(), a.get("maxLr").asDouble())
                .stepSizeUp(a.get("stepSizeUp").asInt())
                .cycleMomentum(a.path("cycleMomentum").asBoolean(true));
        if (a.has("stepSizeDown")) b.stepSizeDown(a.get("stepSizeDown").asInt());
        if (a.has("mode")) b.mode(CyclicLR.Mode.valueOf(a.get("mode").asText().toUpperCase()));
        if (a.has("gamma")) b.gamma(a.get("gamma").asDouble());
        if (a.has("baseMomentum")) b.baseMomentum(a.get("baseMomentum").asDouble());
        if (a.has("maxMomentum")) b.maxMomentum(a.get("maxMomentum").asDouble());
        if (a.has("scaleFn")) {
            b.scaleFn(FUNCTIONS.get(a.get("scaleFn").asText()),
                    CyclicLR.ScaleMode.valueOf(a.get("scaleMode").asText().toUpperCase()));
        }
        return b.build();
    }

    private static OneCycleLR oneCycle(JsonNode a, Optimizer<?> opt) {
        var b = OneCycleLR.builder(opt, a.get("maxLr").asDouble()).totalSteps(a.get("totalSteps").asInt());
        if (a.has("pctStart")) b.pctStart(a.get("pctStart").asDouble());
        if (a.has("anneal")) b.anneal(OneCycleLR.Anneal.valueOf(a.get("anneal").asText().toUpperCase()));
        if (a.has("cycleMomentum")) b.cycleMomentum(a.get("cycleMomentum").asBoolean());
        if (a.has("baseMomentum")) b.baseMomentum(a.get("baseMomentum").asDouble());
        if (a.has("maxMomentum")) b.maxMomentum(a.get("maxMomentum").asDouble());
        if (a.has("divFactor")) b.divFactor(a.get("divFactor").asDouble());
        if (a.has("finalDivFactor")) b.finalDivFactor(a.get("finalDivFactor").asDouble());
        if (a.has("threePhase")) b.threePhase(a.get("threePhase").asBoolean());
        return b.build();
    }

    /** ReduceLROnPlateau with a plateau case's arguments. */
    static ReduceLROnPlateau plateau(JsonNode a, Optimizer<?> opt) {
        var b = ReduceLROnPlateau.builder(opt);
        if (a.has("mode")) b.mode(ReduceLROnPlateau.Mode.valueOf(a.get("mode").asText().toUpperCase()));
        if (a.has("factor")) b.factor(a.get("factor").asDouble());
        if (a.has("patience")) b.patience(a.get("patience").asInt());
        if (a.has("threshold") || a.has("thresholdMode")) {
            b.threshold(a.path("threshold").asDouble(1e-4),
                    ReduceLROnPlateau.ThresholdMode.valueOf(a.path("thresholdMode").asText("rel").toUpperCase()));
        }
        if (a.has("cooldown")) b.cooldown(a.get("cooldown").asInt());
        if (a.has("minLr")) {
            JsonNode m = a.get("minLr");
            b.minLr(m.isArray() ? OptimFixtures.doubles(m) : new double[] {m.asDouble()});
        }
        if (a.has("eps")) b.eps(a.get("eps").asDouble());
        return b.build();
    }

    /** Each group's momentum (SGD) or beta1 (Adam). */
    static double[] tracked(Optimizer<?> opt, String what) {
        var groups = opt.paramGroups();
        double[] out = new double[groups.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = what.equals("beta1") ? groups.get(i).beta1() : groups.get(i).momentum();
        }
        return out;
    }
}
