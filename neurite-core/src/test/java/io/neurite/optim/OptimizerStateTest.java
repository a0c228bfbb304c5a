package io.neurite.optim;

import static io.neurite.optim.OptimFixtures.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** stateDict / loadStateDict: plain data, and a resumed optimizer continues exactly as one never stopped. */
class OptimizerStateTest {

    static Stream<Arguments> optimizers() {
        return OptimFixtures.section("optimizers");
    }

    /** The fixture case's parameters (fresh copies) and optimizer. */
    private record Run(List<Tensor> params, Optimizer<?> opt) {
        static Run of(JsonNode c) {
            List<Tensor> params = new ArrayList<>();
            for (JsonNode p : c.get("params")) params.add(tensor(p).requiresGrad(true));
            return new Run(params, OptimizerTrajectoryTest.build(c, params));
        }

        void step(JsonNode c, int k) {
            JsonNode grads = c.get("grads").get(k);
            for (int i = 0; i < params.size(); i++) {
                params.get(i).setGrad(grads.get(i).isNull() ? null : tensor(grads.get(i)));
            }
            opt.step();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void resumesExactly(String name, JsonNode c) {
        int steps = c.get("grads").size(), half = steps / 2;
        Run straight = Run.of(c), first = Run.of(c);
        for (int k = 0; k < half; k++) {
            straight.step(c, k);
            first.step(c, k);
        }
        Map<String, Object> saved = first.opt().stateDict();
        assertPlainData(saved, name);
        List<Tensor> weights = new ArrayList<>();  // the model's weights, from the model's own checkpoint
        for (Tensor p : first.params()) weights.add(Tensor.of(p.toFloatArray(), p.shape().dims()).requiresGrad(true));
        Run resumed = new Run(weights, OptimizerTrajectoryTest.build(c, weights));
        resumed.opt().loadStateDict(saved);
        first.step(c, half);  // training on after saving must not change the saved state
        for (int k = half; k < steps; k++) {
            straight.step(c, k);
            resumed.step(c, k);
        }
        for (int i = 0; i < straight.params().size(); i++) {
            assertArrayEquals(straight.params().get(i).toFloatArray(), resumed.params().get(i).toFloatArray(),
                    name + " param " + i);
        }
        assertEquals(straight.opt().stateDict().toString(), resumed.opt().stateDict().toString(), name);
    }

    /** Everything in a state dict is a map, list, number, boolean, string or tensor. */
    private static void assertPlainData(Object v, String where) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> assertPlainData(x, where + "." + k));
        } else if (v instanceof List<?> l) {
            l.forEach(x -> assertPlainData(x, where + "[]"));
        } else {
            assertTrue(v instanceof Number || v instanceof Boolean || v instanceof String || v instanceof Tensor,
                    where + " holds a " + v.getClass());
        }
    }

    @Test
    void stateDictNamesHyperParametersAndBuffers() {
        Tensor w = Tensor.of(new float[] {1, 2}, 2).requiresGrad(true);
        Adam adam = new Adam(List.of(w), Adam.options().withAmsgrad(true));
        w.setGrad(Tensor.of(new float[] {0.5f, -0.5f}, 2));
        adam.step();
        Map<String, Object> sd = adam.stateDict();
        Map<?, ?> group = (Map<?, ?>) ((List<?>) sd.get("paramGroups")).get(0);
        assertEquals(0.001, group.get("lr"));
        assertEquals(0.9, group.get("beta1"));
        assertEquals(true, group.get("amsgrad"));
        assertEquals(List.of(0), group.get("params"));
        Map<?, ?> state = (Map<?, ?>) ((Map<?, ?>) sd.get("state")).get(0);
        assertEquals(List.of("step", "expAvg", "expAvgSq", "maxExpAvgSq"), List.copyOf(state.keySet()));
        assertEquals(1.0, state.get("step"));
        assertArrayEquals(new float[] {0.05f, -0.05f}, ((Tensor) state.get("expAvg")).toFloatArray(), 1e-7f);
    }

    @Test
    void loadRestoresHyperParametersAndInitialLr() {
        Tensor w = Tensor.zeros(2).requiresGrad(true);
        SGD a = new SGD(List.of(w), SGD.options(0.1).withMomentum(0.9));
        a.paramGroups().get(0).setInitialLr(0.1);
        a.paramGroups().get(0).setLr(0.025);
        SGD b = new SGD(List.of(Tensor.zeros(2).requiresGrad(true)), 0.5);
        b.loadStateDict(a.stateDict());
        assertEquals(a.paramGroups().get(0).options(), b.paramGroups().get(0).options());
        assertEquals(0.1, b.paramGroups().get(0).initialLr().getAsDouble());
    }

    @Test
    @SuppressWarnings("unchecked")
    void loadRefusesAStateThatDoesNotFit() {
        Tensor w = Tensor.zeros(2, 3).requiresGrad(true);
        Adam adam = new Adam(List.of(w));
        w.setGrad(Tensor.ones(2, 3));
        adam.step();
        Map<String, Object> saved = adam.stateDict();

        Adam twoGroups = new Adam(List.of(Tensor.zeros(2, 3).requiresGrad(true)));
        twoGroups.addParamGroup(List.of(Tensor.zeros(1).requiresGrad(true)));
        assertEquals("Adam.loadStateDict: the state has 1 parameter groups, this optimizer has 2",
                assertThrows(IllegalArgumentException.class, () -> twoGroups.loadStateDict(saved)).getMessage());

        Adam twoParams = new Adam(List.of(Tensor.zeros(2, 3).requiresGrad(true), Tensor.zeros(1).requiresGrad(true)));
        assertEquals("Adam.loadStateDict: paramGroups[0] has 1 parameters, this optimizer's group has 2",
                assertThrows(IllegalArgumentException.class, () -> twoParams.loadStateDict(saved)).getMessage());

        Adam otherShape = new Adam(List.of(Tensor.zeros(3, 2).requiresGrad(true)));
        assertEquals("Adam.loadStateDict: state[0]: 'expAvg' has shape [2, 3], the parameter has shape [3, 2]",
                assertThrows(IllegalArgumentException.class, () -> otherShape.loadStateDict(saved)).getMessage());

        SGD sgd = new SGD(List.of(Tensor.zeros(2, 3).requiresGrad(true)), 0.1);
        var e = assertThrows(IllegalArgumentException.class, () -> sgd.loadStateDict(saved));
        assertTrue(e.getMessage().startsWith("SGD.loadStateDict: paramGroups[0]: unknown hyper-parameter 'beta1';"
                + " expected [lr, momentum, dampening, weightDecay, nesterov, maximize]"), e.getMessage());
        assertEquals(0.1, sgd.paramGroups().get(0).lr(), "nothing changed");

        Map<String, Object> badValue = new LinkedHashMap<>(saved);
        var groups = (List<?>) saved.get("paramGroups");
        Map<String, Object> group = new LinkedHashMap<>((Map<String, Object>) groups.get(0));
        group.put("beta1", 1.5);
        badValue.put("paramGroups", List.of(group));
        assertEquals("Adam: beta1 must be in [0, 1), got 1.5",
                assertThrows(IllegalArgumentException.class, () -> adam.loadStateDict(badValue)).getMessage());
    }
}
