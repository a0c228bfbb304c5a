package io.neurite.optim;

import static io.neurite.optim.OptimFixtures.assertClose;
import static io.neurite.optim.OptimFixtures.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** LBFGS on a small ridge regression, with a fixed step and with the strong-Wolfe line search, against torch 1.13. */
class LBFGSTest {

    static Stream<Arguments> cases() {
        return OptimFixtures.section("lbfgs");
    }

    /** The fixture's problem: loss = mean((x w + b - y)^2) + 0.1 |w|^2. */
    record Problem(Tensor x, Tensor y, Tensor w, Tensor b, LBFGS lbfgs) {
        static Problem of(JsonNode c) {
            Tensor w = tensor(c.get("params").get(0)).requiresGrad(true);
            Tensor b = tensor(c.get("params").get(1)).requiresGrad(true);
            LBFGS lbfgs = (LBFGS) OptimFixtures.create("LBFGS", List.of(w, b), OptimFixtures.map(c.get("options")));
            return new Problem(tensor(c.get("x")), tensor(c.get("y")), w, b, lbfgs);
        }

        Supplier<Tensor> closure() {
            return () -> {
                lbfgs.zeroGrad();
                Tensor loss = x.matmul(w).add(b).sub(y).pow(2).mean().add(w.pow(2).sum().mul(0.1f));
                loss.backward();
                return loss;
            };
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void followsPyTorch(String name, JsonNode c) {
        Problem p = Problem.of(c);
        double rtol = c.get("tol").get("rtol").asDouble(), atol = c.get("tol").get("atol").asDouble();
        for (int k = 0; k < c.get("expected").size(); k++) {
            double loss = p.lbfgs().step(p.closure()).item();
            assertClose(name + " loss " + (k + 1), new double[] {c.get("losses").get(k).asDouble()},
                    new double[] {loss}, rtol, atol);
            assertClose(name + " w after step " + (k + 1), tensor(c.get("expected").get(k).get(0)).toFloatArray(),
                    p.w().toFloatArray(), rtol, atol);
            assertClose(name + " b after step " + (k + 1), tensor(c.get("expected").get(k).get(1)).toFloatArray(),
                    p.b().toFloatArray(), rtol, atol);
        }
    }

    @Test
    void stateRoundTripContinuesIdentically() {
        for (String name : List.of("lbfgs_short_history", "lbfgs_strong_wolfe")) {
            JsonNode c = OptimFixtures.byName("lbfgs", name);
            Problem straight = Problem.of(c);
            Problem resumed = Problem.of(c);
            for (int k = 0; k < 2; k++) {
                straight.lbfgs().step(straight.closure());
                resumed.lbfgs().step(resumed.closure());
            }
            Map<String, Object> saved = resumed.lbfgs().stateDict();
            Problem fresh = Problem.of(c);
            try (var scope = Autograd.noGrad()) {
                fresh.w().copyInPlace(resumed.w());
                fresh.b().copyInPlace(resumed.b());
            }
            fresh.lbfgs().loadStateDict(saved);
            for (int k = 0; k < 2; k++) {
                straight.lbfgs().step(straight.closure());
                fresh.lbfgs().step(fresh.closure());
            }
            assertArrayEquals(straight.w().toFloatArray(), fresh.w().toFloatArray(), name);
            assertArrayEquals(straight.b().toFloatArray(), fresh.b().toFloatArray(), name);
        }
    }

    @Test
    void stepWithoutClosureFails() {
        LBFGS lbfgs = new LBFGS(List.of(Tensor.zeros(2).requiresGrad(true)));
        var e = assertThrows(IllegalStateException.class, lbfgs::step);
        assertTrue(e.getMessage().startsWith("LBFGS: step() needs a closure"), e.getMessage());
    }

    @Test
    void refusesASecondGroup() {
        LBFGS lbfgs = new LBFGS(List.of(Tensor.zeros(2).requiresGrad(true)));
        var e = assertThrows(IllegalArgumentException.class,
                () -> lbfgs.addParamGroup(List.of(Tensor.zeros(1).requiresGrad(true))));
        assertTrue(e.getMessage().startsWith("LBFGS: supports one parameter group only"), e.getMessage());
    }

    @Test
    void closureMustReturnAScalarLoss() {
        Tensor w = Tensor.zeros(2).requiresGrad(true);
        LBFGS lbfgs = new LBFGS(List.of(w));
        var e = assertThrows(IllegalArgumentException.class, () -> lbfgs.step(() -> w.mul(2f)));
        assertEquals("LBFGS: the closure must return the loss as a one-element tensor, got shape [2]", e.getMessage());
    }
}
