package io.neurite.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Expected strings are {@code repr()} of the same tensors in torch 1.13 with the default print
 * options, pasted literally (one Java literal per printed line); only grad_fn names differ, as
 * torch numbers them ({@code MulBackward0}).
 */
class TensorFormatterTest {

    @Test
    void chooseWholeFixedOrScientificNotationAsTorch() {
        // Whole numbers print as "1.".
        assertPrints(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2),
                "tensor([[1., 2.],\n"
                + "        [3., 4.]])");
        assertPrints(Tensor.of(new float[] {1.5f, 2, 3, 4}, 2, 2),
                "tensor([[1.5000, 2.0000],\n"
                + "        [3.0000, 4.0000]])");
        assertPrints(Tensor.scalar(3.5f), "tensor(3.5000)");
        assertPrints(Tensor.scalar(3f), "tensor(3.)");
        assertPrints(Tensor.scalar(0f), "tensor(0.)");
        assertPrints(Tensor.scalar(-0.0001f), "tensor(-1.0000e-04)");
        // Scientific: the smallest magnitude is below 1e-4.
        assertPrints(Tensor.of(new float[] {1e-5f, 1f}, 2), "tensor([1.0000e-05, 1.0000e+00])");
        // Scientific: max / min > 1000.
        assertPrints(Tensor.of(new float[] {1.5f, 2000.25f}, 2), "tensor([1.5000e+00, 2.0002e+03])");
        // Scientific: a magnitude above 1e8.
        assertPrints(Tensor.of(new float[] {1.5e8f, 3.25f}, 2), "tensor([1.5000e+08, 3.2500e+00])");
        // Whole numbers also switch to scientific past a ratio of 1000 ...
        assertPrints(Tensor.of(new float[] {1f, 100000f}, 2), "tensor([1.0000e+00, 1.0000e+05])");
        // ... or above 1e8.
        assertPrints(Tensor.of(new float[] {1e9f, 2e9f}, 2), "tensor([1.0000e+09, 2.0000e+09])");
        assertPrints(Tensor.of(new float[] {100.5f, 2.25f, -7.125f}, 3),
                "tensor([100.5000,   2.2500,  -7.1250])");
        assertPrints(Tensor.of(new float[] {1e-10f, -2.5e3f, 0f, Float.NaN}, 2, 2),
                "tensor([[ 1.0000e-10, -2.5000e+03],\n"
                + "        [ 0.0000e+00,         nan]])");
        assertPrints(Tensor.of(new float[] {1.23456e-7f, 9.99996e5f}, 2), "tensor([1.2346e-07, 1.0000e+06])");
        assertPrints(Tensor.of(new float[] {-1.25f, 0.5f, -0.0001f}, 3),
                "tensor([-1.2500e+00,  5.0000e-01, -1.0000e-04])");
        // Subnormal floats.
        assertPrints(Tensor.of(new float[] {1e-40f, 3e-45f}, 2), "tensor([9.9999e-41, 2.8026e-45])");
        // 0.00015 / 2.5 < 1e-3: scientific, rounded from the exact binary value.
        assertPrints(Tensor.of(new float[] {0.00015f, 0.99995f, 2.5f}, 3),
                "tensor([1.5000e-04, 9.9995e-01, 2.5000e+00])");
        assertPrints(Tensor.zeros(2, 2),
                "tensor([[0., 0.],\n"
                + "        [0., 0.]])");
    }

    @Test
    void roundLikePythonFormat() {
        // Python rounds the exact binary value half to even: 0.03125 -> 0.0312.
        assertPrints(Tensor.of(new float[] {0.03125f, 1.5f}, 2), "tensor([0.0312, 1.5000])");
        // Negative zero keeps its sign.
        assertPrints(Tensor.of(new float[] {-0f, 1f}, 2), "tensor([-0., 1.])");
        assertPrints(Tensor.of(new float[] {-0f, 1.5f}, 2), "tensor([-0.0000, 1.5000])");
        // 0.00125f is 0.0012499999..., 0.99995f is 0.9999499917...: rounded from the exact value.
        assertPrints(Tensor.of(new float[] {0.00125f, 0.99995f, 0.5f}, 3), "tensor([0.0012, 0.9999, 0.5000])");
        // 0.0001f is just below 1e-4.
        assertPrints(Tensor.of(new float[] {0.0001f, 0.05f}, 2), "tensor([1.0000e-04, 5.0000e-02])");
    }

    @Test
    void printIntTensorsWithTheirDtype() {
        assertPrints(Tensor.ofInts(new int[] {1, 2, 3}, 3), "tensor([1, 2, 3], dtype=torch.int32)");
        assertPrints(Tensor.ofInts(new int[] {-10, 2, 3, 1000}, 2, 2),
                "tensor([[ -10,    2],\n"
                + "        [   3, 1000]], dtype=torch.int32)");
        assertPrints(Tensor.ofInts(new int[] {7}), "tensor(7, dtype=torch.int32)");
        assertPrints(Tensor.arangeInt(0, 40000, 1000),
                "tensor([    0,  1000,  2000,  3000,  4000,  5000,  6000,  7000,  8000,  9000,\n"
                + "        10000, 11000, 12000, 13000, 14000, 15000, 16000, 17000, 18000, 19000,\n"
                + "        20000, 21000, 22000, 23000, 24000, 25000, 26000, 27000, 28000, 29000,\n"
                + "        30000, 31000, 32000, 33000, 34000, 35000, 36000, 37000, 38000, 39000],\n"
                + "       dtype=torch.int32)");
    }

    @Test
    void printEmptyAndNonFiniteValues() {
        assertPrints(Tensor.zeros(0, 3), "tensor([], size=(0, 3))");
        assertPrints(Tensor.zeros(0), "tensor([])");
        assertPrints(Tensor.ofInts(new int[0], 0), "tensor([], dtype=torch.int32)");
        assertPrints(Tensor.ofInts(new int[0], 2, 0, 4), "tensor([], size=(2, 0, 4), dtype=torch.int32)");
        assertPrints(Tensor.of(new float[] {Float.NaN, 1.5f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}, 4),
                "tensor([   nan, 1.5000,    inf,   -inf])");
        // No nonzero finite value: whole-number mode, width 1.
        assertPrints(Tensor.of(new float[] {0f, Float.POSITIVE_INFINITY}, 2), "tensor([0., inf])");
        assertPrints(Tensor.of(new float[] {Float.NaN, 2f, -3f}, 3), "tensor([nan,  2., -3.])");
    }

    @Test
    void wrapAndNestRows() {
        assertPrints(Tensor.arange(30).mul(1.5f),
                "tensor([ 0.0000,  1.5000,  3.0000,  4.5000,  6.0000,  7.5000,  9.0000, 10.5000,\n"
                + "        12.0000, 13.5000, 15.0000, 16.5000, 18.0000, 19.5000, 21.0000, 22.5000,\n"
                + "        24.0000, 25.5000, 27.0000, 28.5000, 30.0000, 31.5000, 33.0000, 34.5000,\n"
                + "        36.0000, 37.5000, 39.0000, 40.5000, 42.0000, 43.5000])");
        assertPrints(Tensor.arange(24).reshape(2, 12).div(3f),
                "tensor([[0.0000, 0.3333, 0.6667, 1.0000, 1.3333, 1.6667, 2.0000, 2.3333, 2.6667,\n"
                + "         3.0000, 3.3333, 3.6667],\n"
                + "        [4.0000, 4.3333, 4.6667, 5.0000, 5.3333, 5.6667, 6.0000, 6.3333, 6.6667,\n"
                + "         7.0000, 7.3333, 7.6667]])");
        assertPrints(Tensor.arange(12).reshape(2, 2, 3).div(4f),
                "tensor([[[0.0000, 0.2500, 0.5000],\n"
                + "         [0.7500, 1.0000, 1.2500]],\n"
                + "\n"
                + "        [[1.5000, 1.7500, 2.0000],\n"
                + "         [2.2500, 2.5000, 2.7500]]])");
        assertPrints(Tensor.arange(16).reshape(2, 2, 2, 2),
                "tensor([[[[ 0.,  1.],\n"
                + "          [ 2.,  3.]],\n"
                + "\n"
                + "         [[ 4.,  5.],\n"
                + "          [ 6.,  7.]]],\n"
                + "\n"
                + "\n"
                + "        [[[ 8.,  9.],\n"
                + "          [10., 11.]],\n"
                + "\n"
                + "         [[12., 13.],\n"
                + "          [14., 15.]]]])");
    }

    @Test
    void summarizeBeyondAThousandElements() {
        // The formatter sees only the printed edges (0, 1, 2, 1997, 1998, 1999): ratio > 1000, scientific.
        assertPrints(Tensor.arange(2000),
                "tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n"
                + "        1.9990e+03])");
        assertPrints(Tensor.arange(2000).reshape(40, 50).div(7f),
                "tensor([[0.0000e+00, 1.4286e-01, 2.8571e-01,  ..., 6.7143e+00, 6.8571e+00,\n"
                + "         7.0000e+00],\n"
                + "        [7.1429e+00, 7.2857e+00, 7.4286e+00,  ..., 1.3857e+01, 1.4000e+01,\n"
                + "         1.4143e+01],\n"
                + "        [1.4286e+01, 1.4429e+01, 1.4571e+01,  ..., 2.1000e+01, 2.1143e+01,\n"
                + "         2.1286e+01],\n"
                + "        ...,\n"
                + "        [2.6429e+02, 2.6443e+02, 2.6457e+02,  ..., 2.7100e+02, 2.7114e+02,\n"
                + "         2.7129e+02],\n"
                + "        [2.7143e+02, 2.7157e+02, 2.7171e+02,  ..., 2.7814e+02, 2.7829e+02,\n"
                + "         2.7843e+02],\n"
                + "        [2.7857e+02, 2.7871e+02, 2.7886e+02,  ..., 2.8529e+02, 2.8543e+02,\n"
                + "         2.8557e+02]])");
        assertPrints(Tensor.arange(1200).reshape(2, 600).div(3f),
                "tensor([[0.0000e+00, 3.3333e-01, 6.6667e-01,  ..., 1.9900e+02, 1.9933e+02,\n"
                + "         1.9967e+02],\n"
                + "        [2.0000e+02, 2.0033e+02, 2.0067e+02,  ..., 3.9900e+02, 3.9933e+02,\n"
                + "         3.9967e+02]])");
        assertPrints(Tensor.arangeInt(2000).reshape(10, 10, 20),
                "tensor([[[   0,    1,    2,  ...,   17,   18,   19],\n"
                + "         [  20,   21,   22,  ...,   37,   38,   39],\n"
                + "         [  40,   41,   42,  ...,   57,   58,   59],\n"
                + "         ...,\n"
                + "         [ 140,  141,  142,  ...,  157,  158,  159],\n"
                + "         [ 160,  161,  162,  ...,  177,  178,  179],\n"
                + "         [ 180,  181,  182,  ...,  197,  198,  199]],\n"
                + "\n"
                + "        [[ 200,  201,  202,  ...,  217,  218,  219],\n"
                + "         [ 220,  221,  222,  ...,  237,  238,  239],\n"
                + "         [ 240,  241,  242,  ...,  257,  258,  259],\n"
                + "         ...,\n"
                + "         [ 340,  341,  342,  ...,  357,  358,  359],\n"
                + "         [ 360,  361,  362,  ...,  377,  378,  379],\n"
                + "         [ 380,  381,  382,  ...,  397,  398,  399]],\n"
                + "\n"
                + "        [[ 400,  401,  402,  ...,  417,  418,  419],\n"
                + "         [ 420,  421,  422,  ...,  437,  438,  439],\n"
                + "         [ 440,  441,  442,  ...,  457,  458,  459],\n"
                + "         ...,\n"
                + "         [ 540,  541,  542,  ...,  557,  558,  559],\n"
                + "         [ 560,  561,  562,  ...,  577,  578,  579],\n"
                + "         [ 580,  581,  582,  ...,  597,  598,  599]],\n"
                + "\n"
                + "        ...,\n"
                + "\n"
                + "        [[1400, 1401, 1402,  ..., 1417, 1418, 1419],\n"
                + "         [1420, 1421, 1422,  ..., 1437, 1438, 1439],\n"
                + "         [1440, 1441, 1442,  ..., 1457, 1458, 1459],\n"
                + "         ...,\n"
                + "         [1540, 1541, 1542,  ..., 1557, 1558, 1559],\n"
                + "         [1560, 1561, 1562,  ..., 1577, 1578, 1579],\n"
                + "         [1580, 1581, 1582,  ..., 1597, 1598, 1599]],\n"
                + "\n"
                + "        [[1600, 1601, 1602,  ..., 1617, 1618, 1619],\n"
                + "         [1620, 1621, 1622,  ..., 1637, 1638, 1639],\n"
                + "         [1640, 1641, 1642,  ..., 1657, 1658, 1659],\n"
                + "         ...,\n"
                + "         [1740, 1741, 1742,  ..., 1757, 1758, 1759],\n"
                + "         [1760, 1761, 1762,  ..., 1777, 1778, 1779],\n"
                + "         [1780, 1781, 1782,  ..., 1797, 1798, 1799]],\n"
                + "\n"
                + "        [[1800, 1801, 1802,  ..., 1817, 1818, 1819],\n"
                + "         [1820, 1821, 1822,  ..., 1837, 1838, 1839],\n"
                + "         [1840, 1841, 1842,  ..., 1857, 1858, 1859],\n"
                + "         ...,\n"
                + "         [1940, 1941, 1942,  ..., 1957, 1958, 1959],\n"
                + "         [1960, 1961, 1962,  ..., 1977, 1978, 1979],\n"
                + "         [1980, 1981, 1982,  ..., 1997, 1998, 1999]]], dtype=torch.int32)");
        assertPrints(Tensor.arange(1002).reshape(1002, 1),
                "tensor([[0.0000e+00],\n"
                + "        [1.0000e+00],\n"
                + "        [2.0000e+00],\n"
                + "        ...,\n"
                + "        [9.9900e+02],\n"
                + "        [1.0000e+03],\n"
                + "        [1.0010e+03]])");
        assertPrints(Tensor.arange(1001).requiresGrad(true),
                "tensor([   0.,    1.,    2.,  ...,  998.,  999., 1000.], requires_grad=True)");
    }

    @Test
    void printViewsByTheirOwnElements() {
        assertPrints(Tensor.arange(6).reshape(2, 3).div(2f).t(),
                "tensor([[0.0000, 1.5000],\n"
                + "        [0.5000, 2.0000],\n"
                + "        [1.0000, 2.5000]])");
        assertPrints(Tensor.arange(10).div(4f).slice(0, 1, 8, 3), "tensor([0.2500, 1.0000, 1.7500])");
        assertPrints(Tensor.of(new float[] {1.5f, -2f}, 2).expand(3, 2),
                "tensor([[ 1.5000, -2.0000],\n"
                + "        [ 1.5000, -2.0000],\n"
                + "        [ 1.5000, -2.0000]])");
    }

    @Test
    void appendRequiresGrad() {
        assertPrints(Tensor.of(new float[] {1.5f, 2}, 2).requiresGrad(true),
                "tensor([1.5000, 2.0000], requires_grad=True)");
        // The suffix goes to its own line when the last line is too long.
        assertPrints(Tensor.linspace(0, 1, 10).requiresGrad(true),
                "tensor([0.0000, 0.1111, 0.2222, 0.3333, 0.4444, 0.5556, 0.6667, 0.7778, 0.8889,\n"
                + "        1.0000], requires_grad=True)");
    }
    @Test
    void appendTheGradFnOfRecordedResults() {
        Tensor x = Tensor.of(new float[] {1.5f, 2}, 2).requiresGrad(true);
        // torch: tensor([3., 4.], grad_fn=<MulBackward0>) and tensor(7., grad_fn=<SumBackward0>)
        assertPrints(x.mul(2f), "tensor([3., 4.], grad_fn=<MulBackward>)");
        assertPrints(x.mul(2f).sum(), "tensor(7., grad_fn=<SumBackward>)");
        try (var scope = Autograd.noGrad()) {
            assertPrints(x.mul(2f), "tensor([3., 4.])");
        }
        assertPrints(x.detach(), "tensor([1.5000, 2.0000])");
    }

    private static void assertPrints(Tensor t, String expected) {
        assertEquals(expected, t.toString());
    }
}
