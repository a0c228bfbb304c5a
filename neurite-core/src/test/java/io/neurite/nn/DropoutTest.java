package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DropoutTest {

    private static int zeros(float[] values) {
        int n = 0;
        for (float v : values) if (v == 0f) n++;
        return n;
    }

    @Test
    void dropsTheExpectedFractionAndScalesTheRest() {
        Tensor.manualSeed(123);
        int n = 200_000;
        for (double p : new double[] {0.1, 0.5, 0.8}) {
            float[] y = F.dropout(Tensor.ones(n), p, true).toFloatArray();
            double fraction = zeros(y) / (double) n;
            double sigma = Math.sqrt(p * (1 - p) / n);
            assertEquals(p, fraction, 5 * sigma, "fraction dropped for p=" + p);
            float scale = 1f / (float) (1 - p);
            for (float v : y) assertTrue(v == 0f || v == scale, "kept values are scaled by 1/(1-p): " + v);
        }
    }

    @Test
    void keptValuesAreTheInputTimesTheScale() {
        Tensor.manualSeed(5);
        Tensor x = Tensor.randn(new Generator(1), 40, 30).add(10f);
        float[] in = x.toFloatArray(), out = F.dropout(x, 0.25, true).toFloatArray();
        for (int i = 0; i < in.length; i++) {
            assertTrue(out[i] == 0f || out[i] == in[i] * (1f / 0.75f), "element " + i);
        }
        assertTrue(zeros(out) > 0 && zeros(out) < in.length);
    }

    @Test
    void evalModeAndZeroProbabilityAreTheIdentity() {
        Tensor x = Tensor.randn(new Generator(2), 3, 4);
        Dropout dropout = new Dropout(0.9);
        dropout.eval();
        assertSame(x, dropout.forward(x));
        assertSame(x, F.dropout(x, 0.0, true));
        Dropout2d channels = new Dropout2d(0.9);
        channels.eval();
        Tensor planes = x.reshape(1, 3, 4);
        assertSame(planes, channels.forward(planes));
        AlphaDropout alpha = new AlphaDropout(0.9);
        alpha.eval();
        assertSame(x, alpha.forward(x));
    }

    @Test
    void probabilityOneGivesZerosWithZeroGradient() {
        Tensor x = Tensor.randn(new Generator(3), 5).requiresGrad(true);
        Tensor y = F.dropout(x, 1.0, true);
        assertArrayEquals(new float[5], y.toFloatArray(), 0f);
        y.sum().backward();
        assertArrayEquals(new float[5], x.grad().toFloatArray(), 0f);
        assertArrayEquals(new float[5], F.alphaDropout(x.detach(), 1.0, true).toFloatArray(), 0f);
    }

    @Test
    void aSeedRepeatsTheMask() {
        Tensor x = Tensor.ones(1000);
        Tensor.manualSeed(42);
        float[] first = F.dropout(x, 0.5, true).toFloatArray();
        float[] second = F.dropout(x, 0.5, true).toFloatArray();
        Tensor.manualSeed(42);
        assertArrayEquals(first, F.dropout(x, 0.5, true).toFloatArray(), 0f);
        assertFalse(Arrays.equals(first, second), "the stream moves on between calls");
        Tensor.manualSeed(42);
        Dropout layer = new Dropout(0.5);
        assertArrayEquals(first, layer.forward(x).toFloatArray(), 0f, "the layer draws from the default generator");
    }

    @Test
    void gradientIsTheMaskTimesTheScale() {
        Tensor.manualSeed(9);
        Tensor x = Tensor.randn(new Generator(4), 6, 7).add(5f).detach().requiresGrad(true);
        Tensor upstream = Tensor.randn(new Generator(5), 6, 7);
        Tensor y = F.dropout(x, 0.4, true);
        y.backward(upstream);
        float[] out = y.toFloatArray(), grad = x.grad().toFloatArray(), g = upstream.toFloatArray();
        float scale = 1f / 0.6f;
        for (int i = 0; i < out.length; i++) {
            assertEquals(out[i] == 0f ? 0f : g[i] * scale, grad[i], 0f, "element " + i);
        }
    }

    @Test
    void dropout2dZeroesWholeChannels() {
        Tensor.manualSeed(17);
        int n = 40, c = 50, h = 3, w = 2;
        Tensor x = Tensor.rand(new Generator(6), n, c, h, w).add(1f).detach().requiresGrad(true);
        Tensor y = F.dropout2d(x, 0.5, true);
        y.sum().backward();
        float[] in = x.toFloatArray(), out = y.toFloatArray(), grad = x.grad().toFloatArray();
        int dropped = 0;
        for (int plane = 0; plane < n * c; plane++) {
            boolean zero = out[plane * h * w] == 0f;
            if (zero) dropped++;
            for (int i = plane * h * w; i < (plane + 1) * h * w; i++) {
                assertEquals(zero ? 0f : in[i] * 2f, out[i], 0f, "plane " + plane);
                assertEquals(zero ? 0f : 2f, grad[i], 0f, "gradient of plane " + plane);
            }
        }
        double sigma = Math.sqrt(0.25 / (n * c));
        assertEquals(0.5, dropped / (double) (n * c), 5 * sigma);
        // a 3-D input is [N, C, L], as PyTorch 1.13
        float[] rows = F.dropout2d(Tensor.ones(8, 16, 5), 0.5, true).toFloatArray();
        for (int r = 0; r < 8 * 16; r++) {
            for (int i = 1; i < 5; i++) assertEquals(rows[r * 5], rows[r * 5 + i], 0f);
        }
    }

    @Test
    void alphaDropoutFollowsPyTorchsFormulaAndKeepsSeluStatistics() {
        // p = 0.2: a = 0.8789035834435328, kept a x + 0.30903996, dropped -1.23615985 (PyTorch's constants)
        Tensor.manualSeed(31);
        Tensor x = Tensor.randn(new Generator(7), 200_000).detach().requiresGrad(true);
        Tensor y = F.alphaDropout(x, 0.2, true);
        y.sum().backward();
        float[] in = x.toFloatArray(), out = y.toFloatArray(), grad = x.grad().toFloatArray();
        float a = 0.8789035834435328f;
        int dropped = 0;
        for (int i = 0; i < in.length; i++) {
            if (grad[i] == 0f) {
                dropped++;
                assertEquals(-1.2361598485763778f, out[i], 1e-6f);
            } else {
                assertEquals(a, grad[i], 0f);
                assertEquals(in[i] * a + 0.30903996214409446f, out[i], 1e-6f);
            }
        }
        assertEquals(0.2, dropped / (double) in.length, 0.005);
        assertEquals(0.0, y.mean().item(), 0.01, "mean kept at 0");
        assertEquals(1.0, y.var().item(), 0.02, "variance kept at 1");
    }

    @Test
    void nonContiguousInputs() {
        Tensor.manualSeed(3);
        Tensor x = Tensor.randn(new Generator(8), 5, 4).add(3f).t();
        Tensor y = F.dropout(x, 0.5, true);
        assertEquals(Shape.of(4, 5), y.shape());
        float[] in = x.toFloatArray(), out = y.toFloatArray();
        for (int i = 0; i < in.length; i++) assertTrue(out[i] == 0f || out[i] == in[i] * 2f);
    }

    @Test
    void probabilityOutsideZeroOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5));
        assertEquals("Dropout: dropout probability has to be between 0 and 1, but got p=1.5; hint: p is the"
                + " probability of zeroing an element, e.g. 0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dropout2d(-0.1));
        assertTrue(e.getMessage().startsWith("Dropout2d: dropout probability has to be between 0 and 1, but got"
                + " p=-0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AlphaDropout(Double.NaN));
        assertTrue(e.getMessage().startsWith("AlphaDropout:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.dropout(Tensor.ones(2), 2, false));
        assertTrue(e.getMessage().startsWith("dropout: dropout probability"), e.getMessage());
        ShapeException s = assertThrows(ShapeException.class, () -> F.dropout2d(Tensor.ones(2, 3), 0.5, true));
        assertTrue(s.getMessage().startsWith("dropout2d: expected input of shape [N, C, H, W] or [N, C, L], got shape"
                + " [2, 3]"), s.getMessage());
    }

    @Test
    void printAndPassTheLayerContract() {
        assertEquals("Dropout(p=0.5, inplace=False)", new Dropout().toString());
        assertEquals("Dropout2d(p=0.2, inplace=False)", new Dropout2d(0.2).toString());
        assertEquals("AlphaDropout(p=0.3, inplace=False)", new AlphaDropout(0.3).toString());
        LayerContract.check(Dropout::new, Shape.of(8, 16), Shape.of(8, 16), 0);
        LayerContract.check(() -> new Dropout2d(0.3), Shape.of(4, 6, 5, 5), Shape.of(4, 6, 5, 5), 0);
        LayerContract.check(() -> new AlphaDropout(0.1), Shape.of(8, 16), Shape.of(8, 16), 0);
    }
}
