package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleTest {

    /** y = x W^T + b, written the short way a user would. */
    static final class Affine extends Layer {
        final Tensor weight;
        final Tensor bias;
        final int in;
        final int out;

        Affine(int in, int out) {
            this.in = in;
            this.out = out;
            weight = registerParameter("weight", Tensor.full(0.1f, out, in));
            bias = registerParameter("bias", Tensor.zeros(out));
            registerBuffer("calls", Tensor.zeros(1));
        }

        @Override
        public Tensor forward(Tensor x) {
            return x.matmul(weight.t()).add(bias);
        }

        @Override
        public String extraRepr() {
            return "in_features=" + in + ", out_features=" + out;
        }
    }

    static final class Net extends Layer {
        final Sequential features = register("features", new Sequential(new Affine(3, 4), Layer.of("ReLU", Tensor::relu)));
        final Affine head = register("head", new Affine(4, 2));

        @Override
        public Tensor forward(Tensor x) {
            return head.forward(features.forward(x));
        }
    }

    @Test
    void namesFollowPyTorchsDottedConvention() {
        Net net = new Net();
        assertEquals(List.of("features.0.weight", "features.0.bias", "head.weight", "head.bias"),
                List.copyOf(net.namedParameters().keySet()));
        assertEquals(List.of("features.0.weight", "features.0.bias", "features.0.calls", "head.weight", "head.bias",
                "head.calls"), List.copyOf(net.stateDict().keySet()));
        assertEquals(List.of("", "features", "features.0", "features.1", "head"),
                List.copyOf(net.namedModules().keySet()));
        assertEquals(4 * 3 + 4 + 2 * 4 + 2, net.parameterCount());
        assertEquals(Tensor.class, net.parameters().get(0).getClass());
    }

    @Test
    void printsLikePyTorch() {
        assertEquals("""
                Net(
                  (features): Sequential(
                    (0): Affine(in_features=3, out_features=4)
                    (1): ReLU()
                  )
                  (head): Affine(in_features=4, out_features=2)
                )""", new Net().toString());
    }

    @Test
    void modeReachesEveryChildAndFreezingStopsGradients() {
        Net net = new Net();
        net.eval();
        assertTrue(net.modules().stream().noneMatch(Module::isTraining));
        net.train();
        assertTrue(net.modules().stream().allMatch(Module::isTraining));

        net.features.requiresGrad(false);
        net.forward(Tensor.ones(5, 3)).sum().backward();
        assertNull(net.features.parameters().get(0).grad());
        assertTrue(net.head.weight.grad() != null);
        net.zeroGrad();
        assertNull(net.head.weight.grad());
    }

    @Test
    void stateDictRoundTripAndClearErrors() {
        Net a = new Net(), b = new Net();
        a.head.weight.detach().fillInPlace(3f);
        b.loadStateDict(a.stateDict(), true);
        assertArrayEquals(a.head.weight.toFloatArray(), b.head.weight.toFloatArray());

        Map<String, Tensor> partial = Map.of("head.bias", Tensor.ones(2), "extra.weight", Tensor.ones(1));
        var e = assertThrows(ShapeException.class, () -> b.loadStateDict(partial, true));
        assertTrue(e.getMessage().contains("missing keys: [features.0.weight"), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected keys: [extra.weight]"), e.getMessage());
        var loose = b.loadStateDict(partial, false);
        assertEquals(List.of("extra.weight"), loose.unexpectedKeys());
        assertArrayEquals(new float[] {1, 1}, b.head.bias.toFloatArray());

        var shape = assertThrows(ShapeException.class,
                () -> b.loadStateDict(Map.of("head.bias", Tensor.ones(3)), false));
        assertTrue(shape.getMessage().contains("head.bias: checkpoint [3], model [2]"), shape.getMessage());
    }

    @Test
    void registrationRejectsBadNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Layer() {
            {
                registerParameter("a.b", Tensor.ones(1));
            }

            @Override
            public Tensor forward(Tensor x) {
                return x;
            }
        });
        assertTrue(e.getMessage().contains("'a.b'"), e.getMessage());
        assertTrue(new Sequential().isTraining(), "modules start in training mode");
    }

    @Test
    void residualAddsItsInput() {
        Layer block = Layer.residual(new Affine(2, 2));
        assertArrayEquals(new float[] {1.3f, 2.3f}, block.forward(Tensor.of(new float[] {1, 2}, 2)).toFloatArray(), 1e-6f);
        assertEquals(List.of("body.weight", "body.bias"), List.copyOf(block.namedParameters().keySet()));
    }
}
