package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.nn.Init.FanMode;
import io.neurite.nn.Init.Nonlinearity;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import org.junit.jupiter.api.Test;

class InitTest {

    private static final int BIG = 200_000;

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) s += x;
        return s / v.length;
    }

    private static double std(float[] v) {
        double m = mean(v), s = 0;
        for (float x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / (v.length - 1));
    }

    private static float maxAbs(float[] v) {
        float m = 0;
        for (float x : v) m = Math.max(m, Math.abs(x));
        return m;
    }

    @Test
    void gainsAreTorchsTable() {
        for (Nonlinearity n : new Nonlinearity[] {Nonlinearity.LINEAR, Nonlinearity.CONV1D, Nonlinearity.CONV2D,
            Nonlinearity.CONV3D, Nonlinearity.CONV_TRANSPOSE1D, Nonlinearity.CONV_TRANSPOSE2D,
            Nonlinearity.CONV_TRANSPOSE3D, Nonlinearity.SIGMOID}) {
            assertEquals(1.0, Init.calculateGain(n), n.name());
        }
        assertEquals(1.6666666666666667, Init.calculateGain(Nonlinearity.TANH));
        assertEquals(Math.sqrt(2), Init.calculateGain(Nonlinearity.RELU));
        assertEquals(1.4141428569978354, Init.calculateGain(Nonlinearity.LEAKY_RELU));       // torch, slope 0.01
        assertEquals(1.3867504905630728, Init.calculateGain(Nonlinearity.LEAKY_RELU, 0.2));  // torch
        assertEquals(0.75, Init.calculateGain(Nonlinearity.SELU));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Init.calculateGain(Nonlinearity.LEAKY_RELU, Double.NaN));
        assertTrue(e.getMessage().contains("negative_slope NaN not a valid number"), e.getMessage());
    }

    @Test
    void fansCountTheReceptiveField() {
        assertEquals(new Init.Fans(3, 4), Init.fanInAndFanOut(Tensor.zeros(4, 3)));
        assertEquals(new Init.Fans(75, 150), Init.fanInAndFanOut(Tensor.zeros(6, 3, 5, 5)));
        var e = assertThrows(IllegalArgumentException.class, () -> Init.fanInAndFanOut(Tensor.zeros(5)));
        assertTrue(e.getMessage().contains("fewer than 2 dimensions, got shape [5]"), e.getMessage());
    }

    @Test
    void fixedValues() {
        assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f}, Init.constant(Tensor.zeros(3), 2.5).toFloatArray());
        assertArrayEquals(new float[] {1f, 1f}, Init.ones(Tensor.zeros(2)).toFloatArray());
        assertArrayEquals(new float[] {0f, 0f}, Init.zeros(Tensor.ones(2)).toFloatArray());
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0}, Init.eye(Tensor.full(7f, 2, 3)).toFloatArray());
        var e = assertThrows(IllegalArgumentException.class, () -> Init.eye(Tensor.zeros(2, 2, 2)));
        assertTrue(e.getMessage().contains("only tensors with 2 dimensions are supported, got shape [2, 2, 2]"));
    }

    @Test
    void initializersWorkOnParametersAndReturnTheTensor() {
        Tensor p = Tensor.zeros(4, 5).requiresGrad(true);
        assertSame(p, Init.xavierUniform(p));
        assertTrue(p.requiresGrad() && p.isLeaf());
        assertTrue(maxAbs(p.toFloatArray()) > 0);
    }

    @Test
    void uniformAndNormalHaveTheirMoments() {
        float[] u = Init.uniform(Tensor.zeros(BIG), -2, 3, new Generator(1)).toFloatArray();
        for (float x : u) assertTrue(x >= -2 && x < 3);
        assertEquals(0.5, mean(u), 0.02);
        assertEquals(5 / Math.sqrt(12), std(u), 0.01);
        float[] n = Init.normal(Tensor.zeros(BIG), 1.5, 0.5, new Generator(2)).toFloatArray();
        assertEquals(1.5, mean(n), 0.005);
        assertEquals(0.5, std(n), 0.005);
    }

    @Test
    void xavierScalesByBothFans() {
        Tensor w = Tensor.zeros(400, 500);
        float[] u = Init.xavierUniform(w, 2.0, new Generator(3)).toFloatArray();
        double bound = 2.0 * Math.sqrt(6.0 / 900);
        assertTrue(maxAbs(u) <= (float) bound && maxAbs(u) > 0.999 * bound);
        assertEquals(bound / Math.sqrt(3), std(u), 0.005 * bound);
        float[] n = Init.xavierNormal(w, 1.0, new Generator(4)).toFloatArray();
        assertEquals(Math.sqrt(2.0 / 900), std(n), 0.005 * Math.sqrt(2.0 / 900));
        assertEquals(0, mean(n), 0.001);
    }

    @Test
    void kaimingScalesByTheChosenFan() {
        Tensor w = Tensor.zeros(300, 100, 3);  // fan_in 300, fan_out 900
        float[] u = Init.kaimingUniform(w, 0, FanMode.FAN_IN, Nonlinearity.RELU, new Generator(5)).toFloatArray();
        double bound = Math.sqrt(2) * Math.sqrt(3.0 / 300);
        assertTrue(maxAbs(u) <= (float) bound && maxAbs(u) > 0.999 * bound);
        float[] n = Init.kaimingNormal(w, 0, FanMode.FAN_OUT, Nonlinearity.RELU, new Generator(6)).toFloatArray();
        assertEquals(Math.sqrt(2.0 / 900), std(n), 0.005 * Math.sqrt(2.0 / 900));
        // Linear's default, a = sqrt(5): bound 1 / sqrt(fan_in)
        float[] l = Init.kaimingUniform(Tensor.zeros(1000, 400), Math.sqrt(5)).toFloatArray();
        assertTrue(maxAbs(l) <= 0.05f && maxAbs(l) > 0.0499f, "max " + maxAbs(l));
        Tensor empty = Tensor.zeros(0, 3);
        assertSame(empty, Init.kaimingUniform(empty));
    }

    @Test
    void truncNormalStaysInBoundsWithTheTruncatedMoments() {
        float[] t = Init.truncNormal(Tensor.zeros(BIG), 0, 1, -2, 2, new Generator(7)).toFloatArray();
        for (float x : t) assertTrue(x >= -2 && x <= 2);
        assertEquals(0, mean(t), 0.006);
        assertEquals(0.8796, std(t), 0.005);  // sqrt(1 - 2 b phi(b) / (2 Phi(b) - 1)), b = 2
        float[] half = Init.truncNormal(Tensor.zeros(BIG), 1, 2, 1, 30, new Generator(8)).toFloatArray();
        for (float x : half) assertTrue(x >= 1 && x <= 30);
        assertEquals(1 + 2 * Math.sqrt(2 / Math.PI), mean(half), 0.01);  // half-normal mean
        assertThrows(IllegalArgumentException.class, () -> Init.truncNormal(Tensor.zeros(3), 0, 1, 2, -2));
    }

    @Test
    void orthogonalGivesOrthonormalRowsOrColumns() {
        Tensor wide = Init.orthogonal(Tensor.zeros(3, 5), 1, new Generator(9));
        assertTrue(wide.matmul(wide.t()).allClose(Tensor.eye(3), 0, 1e-6), wide.matmul(wide.t()).toString());
        Tensor tall = Init.orthogonal(Tensor.zeros(6, 4), 1, new Generator(10));
        assertTrue(tall.t().matmul(tall).allClose(Tensor.eye(4), 0, 1e-6));
        Tensor square = Init.orthogonal(Tensor.zeros(5, 5), 2, new Generator(11));
        assertTrue(square.matmul(square.t()).allClose(Tensor.eye(5).mul(4f), 0, 1e-5));
        Tensor conv = Init.orthogonal(Tensor.zeros(4, 2, 3), 1, new Generator(12)).reshape(4, 6);
        assertTrue(conv.matmul(conv.t()).allClose(Tensor.eye(4), 0, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> Init.orthogonal(Tensor.zeros(4)));
    }

    @Test
    void householderMatchesPyTorchsSignCorrectedQ() {
        double[] a = {0.5, -1.25, 2.0, 1.5, 0.25, -0.75, -2.0, 1.0, 0.5, 0.25, 0.75, 1.75};
        // torch.linalg.qr(A), then q * sign(diag(r)), in float64
        double[] expected = {0.19518001458970669, -0.6858159960734096, 0.5844565402652605, 0.5855400437691199,
            0.4527282065582637, -0.10445302380171084, -0.7807200583588266, 0.23308778951514572, 0.1661900192245992,
            0.09759000729485333, 0.5199650689184019, 0.7873252160765388};
        assertArrayEquals(expected, Householder.orthonormalColumns(a, 4, 3), 1e-14);
    }

    @Test
    void theSameSeedGivesTheSameWeights() {
        float[] a = Init.kaimingNormal(Tensor.zeros(8, 8), 0, FanMode.FAN_IN, Nonlinearity.RELU, new Generator(42))
                .toFloatArray();
        float[] b = Init.kaimingNormal(Tensor.zeros(8, 8), 0, FanMode.FAN_IN, Nonlinearity.RELU, new Generator(42))
                .toFloatArray();
        assertArrayEquals(a, b);
    }
}
