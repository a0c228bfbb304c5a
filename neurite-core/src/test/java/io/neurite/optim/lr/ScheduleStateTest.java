package io.neurite.optim.lr;

import static io.neurite.optim.OptimFixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.neurite.optim.OptimFixtures;
import io.neurite.optim.Optimizer;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Saving the optimizer and the schedule mid-training, rebuilding both with the same arguments and
 * loading the states continues with the same learning rates (and momenta) as a run never stopped.
 */
class ScheduleStateTest {

    static Stream<Arguments> schedules() {
        return OptimFixtures.section("schedules");
    }

    static Stream<Arguments> plateaus() {
        return OptimFixtures.section("plateau");
    }

    private record Run(Optimizer<?> opt, LRScheduler schedule) {
        static Run of(JsonNode c) {
            Optimizer<?> opt = ScheduleFixtures.optimizer(c.get("optimizer").asText(), doubles(c.get("groupLrs")));
            return new Run(opt, ScheduleFixtures.build(c, opt));
        }

        void step(JsonNode c, int k) {
            opt.step();
            if (c.has("epochs")) {
                ((CosineAnnealingWarmRestarts) schedule).step(c.get("epochs").get(k).asDouble());
            } else {
                schedule.step();
            }
        }

        String snapshot() {
            return opt.stateDict().get("paramGroups").toString();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void resumesExactly(String name, JsonNode c) {
        int steps = c.get("lr").size() - 1, half = steps / 3;
        Run straight = Run.of(c), first = Run.of(c);
        for (int k = 0; k < half; k++) {
            straight.step(c, k);
            first.step(c, k);
        }
        Map<String, Object> optimizerState = first.opt().stateDict();
        Map<String, Object> scheduleState = first.schedule().stateDict();
        Run resumed = Run.of(c);
        resumed.opt().loadStateDict(optimizerState);
        resumed.schedule().loadStateDict(scheduleState);
        assertEquals(first.snapshot(), resumed.snapshot(), name + " right after loading");
        for (int k = half; k < steps; k++) {
            straight.step(c, k);
            resumed.step(c, k);
            assertEquals(straight.snapshot(), resumed.snapshot(), name + " after step " + (k + 1));
            assertArrayEquals(straight.schedule().lastLr(), resumed.schedule().lastLr(), name);
        }
        assertEquals(straight.schedule().stateDict().toString(), resumed.schedule().stateDict().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plateaus")
    void plateauResumesExactly(String name, JsonNode c) {
        JsonNode metrics = c.get("metrics");
        Optimizer<?> a = ScheduleFixtures.optimizer("SGD", doubles(c.get("groupLrs")));
        ReduceLROnPlateau straight = ScheduleFixtures.plateau(c.get("args"), a);
        Optimizer<?> b = ScheduleFixtures.optimizer("SGD", doubles(c.get("groupLrs")));
        ReduceLROnPlateau first = ScheduleFixtures.plateau(c.get("args"), b);
        int half = metrics.size() / 2;
        for (int k = 0; k < half; k++) {
            straight.step(metrics.get(k).asDouble());
            first.step(metrics.get(k).asDouble());
        }
        Optimizer<?> resumedOpt = ScheduleFixtures.optimizer("SGD", doubles(c.get("groupLrs")));
        ReduceLROnPlateau resumed = ScheduleFixtures.plateau(c.get("args"), resumedOpt);
        resumedOpt.loadStateDict(b.stateDict());
        resumed.loadStateDict(first.stateDict());
        for (int k = half; k < metrics.size(); k++) {
            straight.step(metrics.get(k).asDouble());
            resumed.step(metrics.get(k).asDouble());
            assertArrayEquals(straight.lastLr(), resumed.lastLr(), name + " after metric " + k);
            assertEquals(straight.numBadEpochs(), resumed.numBadEpochs());
        }
        assertEquals(straight.stateDict(), resumed.stateDict());
    }
}
