package io.neurite.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neurite.testing.Fixtures.FixtureCase;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PyTorch case of {@code nn_losses.json}: output and the gradient of each input, through the
 * functions of {@code F} and again through the loss modules.
 */
class LossFixtureTest {

    static Stream<FixtureCase> cases() {
        return LossFixtures.FILE.cases().stream();
    }

    static Stream<FixtureCase> moduleCases() {
        return cases().filter(c -> LossFixtures.MODULES.containsKey(c.op()));
    }

    @Test
    void everyOpOfTheFixturesIsMapped() {
        Set<String> missing = new TreeSet<>(LossFixtures.FILE.ops());
        missing.removeAll(LossFixtures.FUNCTIONS.keySet());
        assertEquals(Set.of(), missing, "fixture ops with no Neurite function");
        Set<String> losses = new TreeSet<>(LossFixtures.FILE.ops());
        losses.removeAll(Set.of("softmax", "logSoftmax"));
        losses.removeAll(LossFixtures.MODULES.keySet());
        assertEquals(Set.of(), losses, "loss ops with no module mapping");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void functionalMatchesPyTorch(FixtureCase c) {
        LossFixtures.check(c, LossFixtures.FUNCTIONS.get(c.op()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moduleCases")
    void moduleMatchesPyTorch(FixtureCase c) {
        LossFixtures.check(c, LossFixtures.MODULES.get(c.op()));
    }
}
