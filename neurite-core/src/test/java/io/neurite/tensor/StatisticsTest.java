package io.neurite.tensor;

import static io.neurite.tensor.ReductionCase.assertClose;
import static io.neurite.tensor.ReductionCase.assertFailsMentioning;
import static io.neurite.tensor.ReductionCase.assertPasses;
import static io.neurite.tensor.ReductionCase.check;
import static io.neurite.tensor.ReductionCase.x;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    private static final float INF = Float.POSITIVE_INFINITY;

    @Test
    void varianceMatchesTorchForEveryCorrection() {
        check(x(), Tensor::var, new int[] {}, new float[] {3.856884f},
                new float[] {-0.0045289854f, -0.042572461f, 0.028079713f, 0.06068841f, -0.031702898f, 0.017210146f,
                    0.028079713f, -0.069746375f, -0.0099637676f, 0.071557976f, -0.080615945f, 0.0063405801f,
                    0.038949277f, 0.00090579753f, -0.048007246f, 0.049818844f, -0.026268115f, 0.011775363f,
                    -0.015398551f, 0.033514496f, -0.058876812f, 0.055253625f, 0.02264493f, -0.03713768f});
        check(x(), t -> t.var(new int[] {0, 2}, 0, true), new int[] {1, 3, 1},
                new float[] {3.1054688f, 2.3271484f, 5.3037109f},
                new float[] {-0.04296875f, -0.15234375f, 0.05078125f, 0.14453125f, -0.14453125f, 0.13671875f,
                    0.19921875f, -0.36328125f, -0.052734375f, 0.65039062f, -0.66210938f, 0.087890625f, 0.08203125f,
                    -0.02734375f, -0.16796875f, 0.11328125f, -0.11328125f, 0.10546875f, -0.05078125f, 0.23046875f,
                    -0.47460938f, 0.50976562f, 0.22851562f, -0.28710938f});
        check(x(), t -> t.var(new int[] {-1}, 2, false), new int[] {2, 3},
                new float[] {6.2109375f, 6.5234375f, 12.398438f, 6.2109375f, 2.3125f, 8.8125f},
                new float[] {-0.171875f, -0.609375f, 0.203125f, 0.578125f, -0.40625f, 0.71875f, 0.96875f, -1.28125f,
                    -0.234375f, 2.578125f, -2.671875f, 0.328125f, 1.3125f, -0.4375f, -2.6875f, 1.8125f, -1.5625f,
                    0.625f, -0.9375f, 1.875f, -3.75f, 4.125f, 1.875f, -2.25f});
    }

    @Test
    void standardDeviationMatchesTorchAndIsFlatAtZero() {
        check(x(), Tensor::std, new int[] {}, new float[] {1.9638951f},
                new float[] {-0.001153062f, -0.010838782f, 0.0071489853f, 0.015451032f, -0.0080714338f,
                    0.0043816357f, 0.0071489853f, -0.017757155f, -0.0025367364f, 0.018218381f, -0.020524504f,
                    0.0016142869f, 0.0099163344f, 0.00023061252f, -0.012222457f, 0.012683683f, -0.0066877594f,
                    0.0029979614f, -0.0039204108f, 0.0085326592f, -0.014989806f, 0.014067357f, 0.0057653105f,
                    -0.0094551081f});
        check(x(), t -> t.std(new int[] {0, 1}, 1, false), new int[] {4},
                new float[] {1.5083103f, 1.8686001f, 2.1000991f, 2.3686318f},
                new float[] {0.016574839f, -0.15162867f, 0.12797014f, 0.20757413f, -0.02486226f, -0.0044596689f,
                    0.12797014f, -0.29904744f, 0.0082874196f, 0.12933032f, -0.22915584f, -0.0035182021f, 0.082874194f,
                    -0.044596668f, -0.12201805f, 0.16535565f, -0.016574839f, -0.017838668f, -0.014880249f,
                    0.10202796f, -0.066299357f, 0.089193329f, 0.11011384f, -0.17239206f});
        check(x(), t -> t.transpose(0, 2).std(new int[] {0}, 0, true), new int[] {1, 3, 2},
                new float[] {1.762234f, 1.762234f, 1.8060229f, 1.0752907f, 2.4898231f, 2.099107f},
                new float[] {-0.024383113f, -0.086449221f, 0.028816408f, 0.082015924f, -0.084353164f, 0.14924021f,
                    0.20114985f, -0.2660369f, -0.039222166f, 0.43144381f, -0.44713271f, 0.054911032f, 0.093099162f,
                    -0.031033054f, -0.19063161f, 0.12856551f, -0.29061911f, 0.11624764f, -0.17437145f, 0.3487429f,
                    -0.4466185f, 0.49128035f, 0.22330925f, -0.2679711f});
        // a constant row has std 0 and, as PyTorch masks it, gradient 0 rather than NaN
        check(Tensor.of(new float[] {3, 3, 3, 1, 2, 4}, 2, 3), t -> t.std(new int[] {1}, 1, false), new int[] {2},
                new float[] {0f, 1.5275252f}, new float[] {0f, 0f, 0f, -0.21821788f, -0.054554459f, 0.27277237f});
    }

    @Test
    void logsumexpIsStableAndItsGradientIsTheSoftmax() {
        check(x(), t -> t.logsumexp(1), new int[] {2, 4},
                new float[] {1.2252781f, 4.0837274f, 2.6965106f, 3.5811777f, 2.559114f, 3.4467342f, 1.942724f,
                    3.3992338f},
                new float[] {0.12104747f, 0.002413024f, 0.37374085f, 0.92202985f, 0.034680679f, 0.037746046f,
                    0.37374085f, 0.0022854835f, 0.094271868f, 0.45984098f, 0.0025182469f, 0.075684816f, 1.1782491f,
                    0.10113803f, 0.055960555f, 1.3416677f, 0.058661569f, 0.16674842f, 0.25079781f, 0.6337589f,
                    0.013089166f, 1.2321134f, 1.4432417f, 0.024573501f});
        check(x(), t -> t.logsumexp(new int[] {0, -1}, true), new int[] {1, 3, 1},
                new float[] {4.3444271f, 3.2962f, 4.5075397f},
                new float[] {0.0053496645f, 0.00092963228f, 0.023975533f, 0.10745088f, 0.0087443544f, 0.082964107f,
                    0.13678469f, 0.001519541f, 0.010617817f, 0.4514811f, 0.00041169743f, 0.022477919f, 0.03952897f,
                    0.0068691047f, 0.0007239983f, 0.065172255f, 0.011227971f, 0.064612508f, 0.018511795f,
                    0.17563501f, 0.0011191097f, 0.21326455f, 0.047585756f, 0.0030420558f});
        check(x(), t -> t.logsumexp(new int[] {}, false), new int[] {}, new float[] {5.2717481f},
                new float[] {0.0021163921f, 0.00036777381f, 0.0094850119f, 0.042508874f, 0.00060635654f,
                    0.0057529509f, 0.0094850119f, 0.00010536896f, 0.0016482479f, 0.070085287f, 6.3909538e-05f,
                    0.0034893409f, 0.015638141f, 0.0027175015f, 0.00028642255f, 0.025782935f, 0.00077857717f,
                    0.0044804025f, 0.0012836568f, 0.012178997f, 0.00017372405f, 0.033105943f, 0.0073869345f,
                    0.00047223092f});
        check(Tensor.of(new float[] {1000, 999, 1000, -1000, -1001, -999}, 2, 3), t -> t.logsumexp(1), new int[] {2},
                new float[] {1000.862f, -998.59241f},
                new float[] {0.1055792f, 0.038840417f, 0.1055792f, 0.12236585f, 0.045015879f, 0.33262485f});
        assertClose(new float[] {-INF, INF}, Tensor.of(new float[] {-INF, -INF, INF, 1}, 2, 2).logsumexp(1)
                .toFloatArray(), "infinite inputs");
    }

    @Test
    void gradientsPassGradCheck() {
        Tensor a = Tensor.of(new float[] {0.3f, -1.2f, 2.1f, 0.8f, 1.7f, -0.4f, 1.1f, -2.3f, 0.6f, 1.4f, -0.9f, 0.2f},
                3, 4).requiresGrad(true);
        assertPasses(GradCheck.check(in -> in[0].var(), a));
        assertPasses(GradCheck.check(in -> in[0].var(new int[] {0}, 0, true), a));
        assertPasses(GradCheck.check(in -> in[0].t().var(new int[] {-1}, 2, false), a));
        assertPasses(GradCheck.check(in -> in[0].std(new int[] {1}, 1, false), a));
        assertPasses(GradCheck.check(in -> in[0].slice(1, 0, 4, 2).std(new int[] {0, 1}, 0, true), a));
        assertPasses(GradCheck.check(in -> in[0].logsumexp(0), a));
        assertPasses(GradCheck.check(in -> in[0].t().logsumexp(new int[] {0, 1}, true), a));
    }

    @Test
    void emptyAndTooSmallReductions() {
        Tensor e = Tensor.zeros(0, 3);
        assertTrue(Float.isNaN(e.var().item()));
        assertTrue(Float.isNaN(e.std(new int[] {0}, 1, false).toFloatArray()[2]));
        assertArrayEquals(new float[] {-INF, -INF, -INF}, e.logsumexp(0).toFloatArray());
        assertTrue(Float.isNaN(Tensor.of(new float[] {3f}, 1).var().item()), "one sample, correction 1: 0/0");
        assertEquals(INF, Tensor.of(new float[] {3f, 4f}, 2).var(new int[] {0}, 2, false).item());
        assertTrue(Float.isNaN(Tensor.scalar(3f).var().item()));
        assertEquals(3f, Tensor.scalar(3f).logsumexp(0).item());
    }

    @Test
    void errorsNameTheOpAndTheShape() {
        assertFailsMentioning(() -> x().var(new int[] {3}, 1, false), "var", "dimension 3", "[2, 3, 4]");
        assertFailsMentioning(() -> x().std(new int[] {0, -3}, 1, false), "std", "more than once");
        assertFailsMentioning(() -> x().logsumexp(-4), "logsumexp", "dimension -4", "[2, 3, 4]");
        assertFailsMentioning(() -> Tensor.ofInts(new int[] {1, 2}, 2).var(), "var", "int32");
    }
}
