package io.neurite.optim;

import static io.neurite.optim.OptimFixtures.assertClose;
import static io.neurite.optim.OptimFixtures.tensor;

import com.fasterxml.jackson.databind.JsonNode;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every optimizer and option combination follows PyTorch 1.13's parameters step by step, with fixed gradients. */
class OptimizerTrajectoryTest {

    static Stream<Arguments> optimizers() {
        return OptimFixtures.section("optimizers");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void followsPyTorch(String name, JsonNode c) {
        List<Tensor> params = new ArrayList<>();
        for (JsonNode p : c.get("params")) params.add(tensor(p).requiresGrad(true));
        Optimizer<?> opt = build(c, params);
        double rtol = c.get("tol").get("rtol").asDouble(), atol = c.get("tol").get("atol").asDouble();
        for (int k = 0; k < c.get("grads").size(); k++) {
            JsonNode grads = c.get("grads").get(k);
            for (int i = 0; i < params.size(); i++) {
                params.get(i).setGrad(grads.get(i).isNull() ? null : tensor(grads.get(i)));
            }
            opt.step();
            for (int i = 0; i < params.size(); i++) {
                assertClose(name + " step " + (k + 1) + " param " + i,
                        tensor(c.get("expected").get(k).get(i)).toFloatArray(), params.get(i).toFloatArray(), rtol,
                        atol);
            }
        }
    }

    /** The optimizer of a fixture case, with its groups (all parameters in one group when it has none). */
    static Optimizer<?> build(JsonNode c, List<Tensor> params) {
        JsonNode groups = c.get("groups");
        Optimizer<?> opt = OptimFixtures.create(c.get("optimizer").asText(), pick(params, groups.get(0)),
                OptimFixtures.map(c.get("options")));
        addGroups(opt, params, groups);
        return opt;
    }

    private static <O extends OptimizerOptions<O>> void addGroups(Optimizer<O> opt, List<Tensor> params,
                                                                  JsonNode groups) {
        OptimFixtures.override(opt, 0, OptimFixtures.map(groups.get(0).get("options")));
        for (int g = 1; g < groups.size(); g++) {
            OptimFixtures.addGroup(opt, pick(params, groups.get(g)), OptimFixtures.map(groups.get(g).get("options")));
        }
    }

    private static List<Tensor> pick(List<Tensor> params, JsonNode group) {
        List<Tensor> out = new ArrayList<>();
        for (JsonNode i : group.get("params")) out.add(params.get(i.asInt()));
        return out;
    }
}
