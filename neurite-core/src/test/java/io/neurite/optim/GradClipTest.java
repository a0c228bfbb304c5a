package io.neurite.optim;

import static io.neurite.optim.OptimFixtures.assertClose;
import static io.neurite.optim.OptimFixtures.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** clipGradNorm and clipGradValue against torch.nn.utils.clip_grad_norm_ / clip_grad_value_. */
class GradClipTest {

    static Stream<Arguments> cases() {
        return OptimFixtures.section("clipping");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void followsPyTorch(String name, JsonNode c) {
        List<Tensor> params = new ArrayList<>();
        for (JsonNode g : c.get("grads")) {
            Tensor p = (g.isNull() ? Tensor.zeros(2) : Tensor.zerosLike(tensor(g))).requiresGrad(true);
            p.setGrad(g.isNull() ? null : tensor(g));
            params.add(p);
        }
        double rtol = c.get("tol").get("rtol").asDouble(), atol = c.get("tol").get("atol").asDouble();
        if (c.get("kind").asText().equals("norm")) {
            double normType = c.get("normType").isTextual() ? Double.POSITIVE_INFINITY : c.get("normType").asDouble();
            float total = GradClip.clipGradNorm(params, c.get("value").asDouble(), normType);
            JsonNode want = c.get("totalNorm");
            if (want.isTextual()) {
                assertEquals(Float.POSITIVE_INFINITY, total, name);
            } else {
                assertClose(name + " total norm", new double[] {want.asDouble()}, new double[] {total}, rtol, atol);
            }
        } else {
            GradClip.clipGradValue(params, c.get("value").asDouble());
        }
        for (int i = 0; i < params.size(); i++) {
            JsonNode want = c.get("expected").get(i);
            if (want.isNull()) {
                assertNull(params.get(i).grad(), name + " param " + i + " had no gradient and keeps none");
            } else {
                assertClose(name + " grad " + i, tensor(want).toFloatArray(), params.get(i).grad().toFloatArray(), rtol,
                        atol);
            }
        }
    }

    @Test
    void nonFiniteNormFailsWhenAskedAndChangesNothing() {
        Tensor p = Tensor.zeros(3).requiresGrad(true);
        p.setGrad(Tensor.of(new float[] {1, Float.NaN, 2}, 3));
        var e = assertThrows(IllegalStateException.class, () -> GradClip.clipGradNorm(List.of(p), 1.0, 2, true));
        assertEquals("clipGradNorm: the total norm of order 2.0 of the gradients is NaN, so they cannot be clipped;"
                + " hint: look for a NaN or infinite loss, or pass errorIfNonfinite=false to scale by the non-finite"
                + " norm anyway", e.getMessage());
        assertArrayEquals(new float[] {1, Float.NaN, 2}, p.grad().toFloatArray());
    }

    @Test
    void noGradientsGiveZeroNorm() {
        assertEquals(0f, GradClip.clipGradNorm(List.of(Tensor.zeros(2).requiresGrad(true)), 1.0));
    }

    @Test
    void clipsNonContiguousGradientsThroughTheirView() {
        Tensor p = Tensor.zeros(2, 2).requiresGrad(true);
        p.setGrad(Tensor.of(new float[] {3, 0, 0, 4}, 2, 2).t());  // a transposed view as gradient
        assertEquals(5f, GradClip.clipGradNorm(List.of(p), 1.0));
        assertClose("clipped", new float[] {0.6f, 0, 0, 0.8f}, p.grad().toFloatArray(), 1e-6, 1e-7);
    }

    @Test
    void badArgumentsAreNamed() {
        List<Tensor> ps = List.of(Tensor.zeros(1).requiresGrad(true));
        assertEquals("clipGradNorm: normType must be > 0 (1, 2, ... or Double.POSITIVE_INFINITY), got 0.0",
                assertThrows(IllegalArgumentException.class, () -> GradClip.clipGradNorm(ps, 1, 0)).getMessage());
        assertEquals("clipGradValue: clipValue must be >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> GradClip.clipGradValue(ps, -1)).getMessage());
    }
}
