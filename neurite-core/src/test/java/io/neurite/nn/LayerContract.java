package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Autograd;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Shape;
import io.neurite.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contract every layer passes (as Keras' layer test harness): output shape, parameter count, a
 * state-dict round trip into a fresh layer giving the same output, and one gradient step on a random
 * regression target lowering the loss (for layers with parameters).
 *
 * <pre>{@code
 * LayerContract.check(() -> new Linear(8, 4), Shape.of(32, 8), Shape.of(32, 4), 36);
 * }</pre>
 */
public final class LayerContract {

    private LayerContract() {}

    public static void check(java.util.function.Supplier<? extends Layer> factory, Shape input, Shape expectedOutput,
                             long expectedParameters) {
        Generator g = new Generator(1234);
        Layer layer = factory.get();
        String name = layer.getClass().getSimpleName();
        Tensor x = Tensor.randn(g, input.dims());
        Tensor y = layer.forward(x);
        assertEquals(expectedOutput, y.shape(), name + ": output shape");
        assertEquals(expectedParameters, layer.parameterCount(), name + ": parameter count");

        Layer copy = factory.get();
        copy.loadStateDict(layer.stateDict(), true);
        layer.eval();
        copy.eval();
        try (var scope = Autograd.noGrad()) {
            assertArrayEquals(layer.forward(x).toFloatArray(), copy.forward(x).toFloatArray(), 1e-6f,
                    name + ": a fresh layer loaded with the state dict computes the same output");
        }
        layer.train();
        if (expectedParameters == 0) return;

        Tensor target = Tensor.randn(g, expectedOutput.dims());
        float before = mse(layer.forward(x), target).item();
        Map<String, Tensor> snapshot = new LinkedHashMap<>(layer.stateDict());
        layer.zeroGrad();
        Tensor loss = mse(layer.forward(x), target);
        loss.backward();
        float lr = 1e-2f;
        try (var scope = Autograd.noGrad()) {
            for (Tensor p : layer.parameters()) {
                assertTrue(p.grad() != null, name + ": every parameter gets a gradient");
                p.subInPlace(p.grad().mul(lr));
            }
        }
        float after = mse(layer.forward(x), target).item();
        assertTrue(after < before, name + ": one SGD step lowers the loss (" + before + " -> " + after + ")");
        assertTrue(!snapshot.isEmpty());
    }

    private static Tensor mse(Tensor a, Tensor b) {
        Tensor d = a.sub(b);
        return d.mul(d).mean();
    }
}
