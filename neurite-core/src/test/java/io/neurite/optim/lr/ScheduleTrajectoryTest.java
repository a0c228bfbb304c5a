package io.neurite.optim.lr;

import static io.neurite.optim.OptimFixtures.assertClose;
import static io.neurite.optim.OptimFixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.neurite.optim.OptimFixtures;
import io.neurite.optim.Optimizer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every schedule gives PyTorch 1.13's learning rate (and momentum or beta1 where it cycles them) at every step. */
class ScheduleTrajectoryTest {

    static Stream<Arguments> schedules() {
        return OptimFixtures.section("schedules");
    }

    static Stream<Arguments> plateaus() {
        return OptimFixtures.section("plateau");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void followsPyTorch(String name, JsonNode c) {
        Optimizer<?> opt = ScheduleFixtures.optimizer(c.get("optimizer").asText(), doubles(c.get("groupLrs")));
        LRScheduler schedule = ScheduleFixtures.build(c, opt);
        double rtol = c.get("tol").get("rtol").asDouble();
        String tracked = c.has("momentum") ? "momentum" : c.has("beta1") ? "beta1" : null;
        int steps = c.get("lr").size() - 1;
        for (int k = 0; k <= steps; k++) {
            if (k > 0) {
                opt.step();
                if (c.has("epochs")) {
                    ((CosineAnnealingWarmRestarts) schedule).step(c.get("epochs").get(k - 1).asDouble());
                } else {
                    schedule.step();
                }
            }
            String at = name + " after " + k + " steps";
            assertClose(at + ": lr", doubles(c.get("lr").get(k)), lrs(opt), rtol, 1e-15);
            assertClose(at + ": lastLr", doubles(c.get("lr").get(k)), schedule.lastLr(), rtol, 1e-15);
            if (tracked != null) {
                assertClose(at + ": " + tracked, doubles(c.get(tracked).get(k)), ScheduleFixtures.tracked(opt, tracked),
                        rtol, 1e-15);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plateaus")
    void plateauFollowsPyTorch(String name, JsonNode c) {
        Optimizer<?> opt = ScheduleFixtures.optimizer("SGD", doubles(c.get("groupLrs")));
        ReduceLROnPlateau plateau = ScheduleFixtures.plateau(c.get("args"), opt);
        for (int k = 0; k < c.get("metrics").size(); k++) {
            opt.step();
            plateau.step(c.get("metrics").get(k).asDouble());
            String at = name + " after metric " + k;
            assertClose(at + ": lr", doubles(c.get("lr").get(k)), lrs(opt), c.get("tol").get("rtol").asDouble(), 1e-15);
            assertEquals(c.get("numBadEpochs").get(k).asInt(), plateau.numBadEpochs(), at + ": numBadEpochs");
        }
    }

    static double[] lrs(Optimizer<?> opt) {
        return opt.paramGroups().stream().mapToDouble(g -> g.lr()).toArray();
    }
}
