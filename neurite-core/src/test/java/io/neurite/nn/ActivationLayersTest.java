package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.GradCheck;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ActivationLayersTest {

    /** Values at least 0.1 away from every kink (0, +-1, +-3, 6, the thresholds used below). */
    private static Tensor smoothPoints() {
        return Tensor.of(new float[] {-4.2f, -2.7f, -1.6f, -0.6f, -0.25f, 0.3f, 0.8f, 1.4f, 2.4f, 3.6f, 5.3f, 7.1f},
                3, 4).requiresGrad(true);
    }

    private static Map<String, UnaryOperator<Tensor>> functions() {
        Map<String, UnaryOperator<Tensor>> f = new LinkedHashMap<>();
        f.put("relu", F::relu);
        f.put("relu6", F::relu6);
        f.put("leakyRelu", x -> F.leakyRelu(x, 0.2));
        f.put("elu", x -> F.elu(x, 0.7));
        f.put("selu", F::selu);
        f.put("celu", x -> F.celu(x, 2));
        f.put("gelu", F::gelu);
        f.put("geluTanh", x -> F.gelu(x, GELU.Approximate.TANH));
        f.put("silu", F::silu);
        f.put("mish", F::mish);
        f.put("sigmoid", F::sigmoid);
        f.put("tanh", F::tanh);
        f.put("hardtanh", x -> F.hardtanh(x, -2, 2));
        f.put("hardsigmoid", F::hardsigmoid);
        f.put("hardswish", F::hardswish);
        f.put("softplus", x -> F.softplus(x, 2, 5));
        f.put("softsign", F::softsign);
        f.put("threshold", x -> F.threshold(x, 0.5, -3));
        f.put("softmax", x -> new Softmax(1).forward(x));
        f.put("logSoftmax", x -> new LogSoftmax(0).forward(x));
        f.put("softmin", x -> new Softmin(-1).forward(x));
        return f;
    }

    @Test
    void everyActivationPassesGradCheck() {
        functions().forEach((name, f) -> {
            GradCheck.Result r = GradCheck.check(in -> f.apply(in[0]), smoothPoints());
            assertTrue(r.passed(), name + ": " + r.report());
        });
    }

    @Test
    void parametricActivationsPassGradCheck() {
        Tensor x = Tensor.of(new float[] {-1.5f, 0.7f, -0.4f, 2.2f, 1.1f, -2.6f, 0.35f, -0.9f, 1.8f, -0.2f, 0.6f,
            -3.1f}, 2, 3, 2).requiresGrad(true);
        Tensor w = Tensor.of(new float[] {0.1f, -0.3f, 0.6f}, 3).requiresGrad(true);
        GradCheck.Result prelu = GradCheck.check(in -> F.prelu(in[0], in[1]), x, w);
        assertTrue(prelu.passed(), prelu.report());
        Tensor shared = Tensor.of(new float[] {0.25f}, 1).requiresGrad(true);
        GradCheck.Result preluShared = GradCheck.check(in -> F.prelu(in[0], in[1]), x, shared);
        assertTrue(preluShared.passed(), preluShared.report());

        Tensor xm = Tensor.of(new float[] {0.3f, -1.2f, 0.8f, 1.5f, -0.4f, 0.9f}, 2, 3).requiresGrad(true);
        Tensor wm = Tensor.of(new float[] {0.5f, -0.2f, 0.1f, -0.7f, 0.4f, 0.3f, 0.2f, 0.9f, -0.6f, 0.05f, -0.3f, 0.8f},
                4, 3).requiresGrad(true);
        Tensor bm = Tensor.of(new float[] {0.1f, -0.2f, 0.3f, 0f}, 4).requiresGrad(true);
        GradCheck.Result maxout = GradCheck.check(in -> F.maxout(in[0], in[1], in[2], 2), xm, wm, bm);
        assertTrue(maxout.passed(), maxout.report());

        Tensor c = Tensor.of(new float[] {0.2f, -0.5f, 1f, 0.3f, 0.7f, -0.1f, -1f, 0.4f, 0.5f}, 3, 3)
                .requiresGrad(true);
        GradCheck.Result rbf = GradCheck.check(in -> F.gaussianRbf(in[0], in[1], 0.8), xm, c);
        assertTrue(rbf.passed(), rbf.report());
    }

    @Test
    void activationsPrintAsPyTorch() {
        assertEquals("ReLU()", new ReLU().toString());
        assertEquals("ReLU6()", new ReLU6().toString());
        assertEquals("LeakyReLU(negative_slope=0.01)", new LeakyReLU().toString());
        assertEquals("LeakyReLU(negative_slope=1e-05)", new LeakyReLU(1e-5).toString());
        assertEquals("PReLU(num_parameters=1)", new PReLU().toString());
        assertEquals("ELU(alpha=1.0)", new ELU().toString());
        assertEquals("SELU()", new SELU().toString());
        assertEquals("CELU(alpha=1.0)", new CELU().toString());
        assertEquals("GELU(approximate='none')", new GELU().toString());
        assertEquals("GELU(approximate='tanh')", new GELU(GELU.Approximate.TANH).toString());
        assertEquals("SiLU()", new SiLU().toString());
        assertEquals("Mish()", new Mish().toString());
        assertEquals("Sigmoid()", new Sigmoid().toString());
        assertEquals("Tanh()", new Tanh().toString());
        assertEquals("Hardtanh(min_val=-1.0, max_val=1.0)", new Hardtanh().toString());
        assertEquals("Hardsigmoid()", new Hardsigmoid().toString());
        assertEquals("Hardswish()", new Hardswish().toString());
        assertEquals("Softplus(beta=1, threshold=20)", new Softplus().toString());
        assertEquals("Softsign()", new Softsign().toString());
        assertEquals("Threshold(threshold=0.1, value=20)", new Threshold(0.1, 20).toString());
        assertEquals("Softmax(dim=1)", new Softmax(1).toString());
        assertEquals("LogSoftmax(dim=-1)", new LogSoftmax(-1).toString());
        assertEquals("Softmin(dim=0)", new Softmin(0).toString());
        assertEquals("Maxout(in_features=4, out_features=3, pieces=2)", new Maxout(4, 3, 2).toString());
        assertEquals("GaussianRBF(in_features=2, num_centers=5, gamma=2.0)",
                GaussianRBF.builder(2, 5).sigma(0.5).build().toString());
    }

    @Test
    void everyActivationLayerPassesTheContract() {
        Shape s = Shape.of(4, 3, 5);
        Supplier<?>[] layers = {ReLU::new, ReLU6::new, LeakyReLU::new, ELU::new, SELU::new, CELU::new, GELU::new,
            SiLU::new, Mish::new, Sigmoid::new, Tanh::new, Hardtanh::new, Hardsigmoid::new, Hardswish::new,
            Softplus::new, Softsign::new, () -> new Threshold(0.1, 20), () -> new Softmax(1), () -> new LogSoftmax(-1),
            () -> new Softmin(0), () -> new GELU(GELU.Approximate.TANH)};
        for (Supplier<?> layer : layers) {
            @SuppressWarnings("unchecked") Supplier<Layer> l = (Supplier<Layer>) layer;
            LayerContract.check(l, s, s, 0);
        }
        LayerContract.check(PReLU::new, s, s, 1);
        LayerContract.check(() -> new PReLU(3), s, s, 3);
        LayerContract.check(() -> new Maxout(5, 2, 3), s, Shape.of(4, 3, 2), (5 + 1) * 2 * 3);
        LayerContract.check(() -> GaussianRBF.builder(5, 7).sigma(2).build(), s, Shape.of(4, 3, 7), 35);
    }

    @Test
    void layersComputeTheirFunctions() {
        Tensor x = Tensor.of(new float[] {-2f, -0.5f, 0f, 1f, 4f, 8f}, 2, 3);
        assertArrayEquals(new float[] {0, 0, 0, 1, 4, 6}, new ReLU6().forward(x).toFloatArray());
        assertArrayEquals(new float[] {-0.4f, -0.1f, 0, 1, 4, 8}, new LeakyReLU(0.2).forward(x).toFloatArray(), 1e-7f);
        assertArrayEquals(new float[] {-1, -0.5f, 0, 1, 1, 1}, new Hardtanh().forward(x).toFloatArray());
        assertArrayEquals(new float[] {20, 20, 20, 1, 4, 8}, new Threshold(0.5, 20).forward(x).toFloatArray());
        float[] sm = new Softmax(1).forward(x).toFloatArray();
        assertEquals(1f, sm[0] + sm[1] + sm[2], 1e-6f);
        float[] pr = new PReLU(3, 0.5).forward(x).toFloatArray();
        assertArrayEquals(new float[] {-1f, -0.25f, 0, 1, 4, 8}, pr);
    }

    @Test
    void misuseFailsClearly() {
        var e = assertThrows(ShapeException.class, () -> new PReLU(3).forward(Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().startsWith("PReLU(num_parameters=3): expected input with 3 channels (dimension 1),"
                + " got shape [2, 4]"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> new Softmax(2).forward(Tensor.zeros(2, 3)));
        assertTrue(f.getMessage().contains("Softmax(dim=2)") && f.getMessage().contains("[2, 3]"), f.getMessage());
        var g = assertThrows(IllegalArgumentException.class, () -> F.relu(Tensor.ofInts(new int[] {1, 2}, 2)));
        assertTrue(g.getMessage().startsWith("relu: expected a float32 tensor, got int32 of shape [2]"),
                g.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Hardtanh(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new CELU(0));
        var h = assertThrows(ShapeException.class, () -> new Maxout(4, 3, 2).forward(Tensor.zeros(2, 5)));
        assertTrue(h.getMessage().startsWith("Maxout(in_features=4, out_features=3, pieces=2): expected last"
                + " dimension 4, got input shape [2, 5]"), h.getMessage());
    }

    @Test
    void maxoutWithTwoPiecesCanBeReLU() {
        Maxout m = new Maxout(1, 1, 2);
        try (var scope = io.neurite.tensor.Autograd.noGrad()) {
            m.weight().copyInPlace(Tensor.of(new float[] {1f, 0f}, 2, 1));
            m.bias().zeroInPlace();
        }
        Tensor y = m.forward(Tensor.of(new float[] {-3f, 0f, 2.5f}, 3, 1));
        assertArrayEquals(new float[] {0f, 0f, 2.5f}, y.toFloatArray());
    }

    @Test
    void rbfPeaksAtItsCenter() {
        GaussianRBF rbf = GaussianRBF.builder(2, 1).sigma(1).build();
        try (var scope = io.neurite.tensor.Autograd.noGrad()) {
            rbf.centers().copyInPlace(Tensor.of(new float[] {1f, 2f}, 1, 2));
        }
        float[] y = rbf.forward(Tensor.of(new float[] {1f, 2f, 2f, 2f, 1f, 4f}, 3, 2)).toFloatArray();
        assertArrayEquals(new float[] {1f, (float) Math.exp(-0.5), (float) Math.exp(-2)}, y, 1e-6f);
    }
}
