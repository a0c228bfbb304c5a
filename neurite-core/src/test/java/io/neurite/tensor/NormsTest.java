package io.neurite.tensor;

import static io.neurite.tensor.ReductionCase.assertFailsMentioning;
import static io.neurite.tensor.ReductionCase.assertPasses;
import static io.neurite.tensor.ReductionCase.check;
import static io.neurite.tensor.ReductionCase.x;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormsTest {

    private static final float INF = Float.POSITIVE_INFINITY;

    /** [[0, 0, 0], [3, -4, 0], [-2, 2, 1]]: a zero row, a zero element, a tie of |x|. */
    private static Tensor y() {
        return Tensor.of(new float[] {0, 0, 0, 3, -4, 0, -2, 2, 1}, 3, 3);
    }

    @Test
    void normsOfAllElementsMatchTorch() {
        check(x(), t -> t.norm(1f), new int[] {}, new float[] {42f}, new float[] {0.25f, -0.25f, 0.25f, 0.25f, -0.25f,
            0.25f, 0.25f, -0.25f, 0.25f, 0.25f, -0.25f, 0.25f, 0.25f, 0.25f, -0.25f, 0.25f, -0.25f, 0.25f, 0f, 0.25f,
            -0.25f, 0.25f, 0.25f, -0.25f});
        check(x(), Tensor::norm, new int[] {}, new float[] {10.03743f}, new float[] {0.012453387f, -0.031133467f,
            0.04981355f, 0.087173708f, -0.018680081f, 0.037360162f, 0.04981355f, -0.062266935f, 0.0062266937f,
            0.0996271f, -0.074720323f, 0.024906775f, 0.062266935f, 0.018680081f, -0.037360162f, 0.074720323f,
            -0.012453387f, 0.031133467f, 0f, 0.056040242f, -0.04981355f, 0.080947019f, 0.043586854f, -0.024906775f});
        check(x(), t -> t.norm(3f), new int[] {}, new float[] {6.5496693f}, new float[] {0.0014569387f, -0.0091058668f,
            0.023311019f, 0.071389996f, -0.003278112f, 0.013112448f, 0.023311019f, -0.036423467f, 0.00036423467f,
            0.093244076f, -0.052449793f, 0.0058277547f, 0.036423467f, 0.003278112f, -0.013112448f, 0.052449793f,
            -0.0014569387f, 0.0091058668f, 0f, 0.029503008f, -0.023311019f, 0.061555661f, 0.017847499f, -0.0058277547f});
        check(x(), t -> t.norm(0.5f), new int[] {}, new float[] {881.93097f}, new float[] {10.499589f, -6.640523f,
            5.2497945f, 3.9684715f, -8.5728788f, 6.0619402f, 5.2497945f, -4.695559f, 14.848661f, 3.7121654f,
            -4.2864394f, 7.4243307f, 4.695559f, 8.5728788f, -6.0619402f, 4.2864394f, -10.499589f, 6.640523f, 0f,
            4.949554f, -5.2497945f, 4.1182775f, 5.612267f, -7.4243307f});
        check(x(), t -> t.norm(1.5f), new int[] {}, new float[] {15.913333f}, new float[] {0.044314355f, -0.070067152f,
            0.088628709f, 0.11724477f, -0.05427378f, 0.076754719f, 0.088628709f, -0.099089913f, 0.031334981f,
            0.12533993f, -0.10854756f, 0.062669963f, 0.099089913f, 0.05427378f, -0.076754719f, 0.10854756f,
            -0.044314355f, 0.070067152f, 0f, 0.094004944f, -0.088628709f, 0.11297988f, 0.082904562f, -0.062669963f});
        float[] infGrad = new float[24];
        infGrad[9] = 0.25f;
        check(x(), t -> t.norm(INF), new int[] {}, new float[] {4f}, infGrad);
    }

    @Test
    void normsOverDimensionsMatchTorch() {
        int[] dims = {0, 2};
        check(x(), t -> t.norm(1f, dims, true), new int[] {1, 3, 1}, new float[] {15f, 10.75f, 16.25f},
                new float[] {0.25f, -0.25f, 0.25f, 0.25f, -0.5f, 0.5f, 0.5f, -0.5f, 0.75f, 0.75f, -0.75f, 0.75f, 0.25f,
                    0.25f, -0.25f, 0.25f, -0.5f, 0.5f, 0f, 0.5f, -0.75f, 0.75f, 0.75f, -0.75f});
        check(x(), t -> t.norm(2f, dims, true), new int[] {1, 3, 1}, new float[] {6.0104074f, 4.4651427f, 6.6848712f},
                new float[] {0.020797258f, -0.051993147f, 0.083189033f, 0.14558081f, -0.083983876f, 0.16796775f,
                    0.223957f, -0.27994627f, 0.028048411f, 0.44877458f, -0.3365809f, 0.11219364f, 0.10398629f,
                    0.031195888f, -0.062391777f, 0.12478355f, -0.055989251f, 0.13997313f, 0f, 0.25195163f,
                    -0.22438729f, 0.3646293f, 0.19633886f, -0.11219364f});
        check(x(), t -> t.norm(3f, dims, true), new int[] {1, 3, 1}, new float[] {4.6318989f, 3.4451485f, 5.2011728f},
                new float[] {0.0029131435f, -0.018207148f, 0.046610296f, 0.14274403f, -0.023696087f, 0.094784349f,
                    0.1685055f, -0.26328984f, 0.0017327612f, 0.44358686f, -0.2495176f, 0.027724179f, 0.072828591f,
                    0.0065545728f, -0.026218291f, 0.10487317f, -0.010531594f, 0.06582246f, 0f, 0.21326478f,
                    -0.11089671f, 0.29283664f, 0.084905297f, -0.027724179f});
        check(x(), t -> t.norm(0.5f, dims, true), new int[] {1, 3, 1}, new float[] {110.5472f, 70.749336f, 116.03418f},
                new float[] {3.7173109f, -2.3510339f, 1.8586555f, 1.4050114f, -4.8562446f, 3.4338834f, 2.9738302f,
                    -2.6598747f, 16.157875f, 4.0394688f, -4.6643767f, 8.0789375f, 1.662432f, 3.0351715f, -2.1461904f,
                    1.5175858f, -5.9476604f, 3.761631f, 0f, 2.8037543f, -5.7126713f, 4.4813881f, 6.1071029f,
                    -8.0789375f});
        check(x(), t -> t.norm(1.5f, dims, true), new int[] {1, 3, 1}, new float[] {8.0319395f, 5.9172668f, 8.849062f},
                new float[] {0.062375605f, -0.098624498f, 0.12475121f, 0.16503035f, -0.17800821f, 0.25174165f,
                    0.29068619f, -0.32499707f, 0.12606154f, 0.50424618f, -0.43669f, 0.25212309f, 0.13947611f,
                    0.076394208f, -0.10803773f, 0.15278842f, -0.1453431f, 0.22980763f, 0f, 0.30831927f, -0.35655588f,
                    0.45452136f, 0.33352748f, -0.25212309f});
        float[] infGrad = new float[24];
        infGrad[3] = 0.25f;
        infGrad[7] = -0.5f;
        infGrad[9] = 0.75f;
        check(x(), t -> t.norm(INF, dims, true), new int[] {1, 3, 1}, new float[] {3.5f, 2.5f, 4f}, infGrad);
        check(x(), t -> t.transpose(1, 2).norm(2f, new int[] {1}, false), new int[] {2, 3},
                new float[] {4.25f, 3.614208f, 5.1051445f, 4.25f, 2.6220222f, 4.3156691f},
                new float[] {0.029411765f, -0.073529415f, 0.11764706f, 0.20588236f, -0.10375717f, 0.20751435f,
                    0.2766858f, -0.34585723f, 0.036727659f, 0.58764255f, -0.44073191f, 0.14691064f, 0.58823532f,
                    0.17647059f, -0.35294119f, 0.70588237f, -0.23836565f, 0.59591413f, 0f, 1.0726454f, -0.69514138f,
                    1.1296047f, 0.60824871f, -0.34757069f});
    }

    @Test
    void aZeroNormHasAZeroGradientNotNaN() {
        int[] row = {1};
        check(y(), t -> t.norm(2f, row, false), new int[] {3}, new float[] {0f, 5f, 3f},
                new float[] {0f, 0f, 0f, 0.3f, -0.4f, 0f, -0.5f, 0.5f, 0.25f});
        check(y(), t -> t.norm(3f, row, false), new int[] {3}, new float[] {0f, 4.4979415f, 2.5712817f},
                new float[] {0f, 0f, 0f, 0.22242567f, -0.39542341f, 0f, -0.45375556f, 0.45375556f, 0.11343889f});
        check(y(), t -> t.norm(0.5f, row, false), new int[] {3}, new float[] {0f, 13.928204f, 14.656854f},
                new float[] {0f, 0f, 0f, 1.0773503f, -0.93301272f, 0f, -2.0303299f, 2.0303299f, 2.8713202f});
        check(y(), t -> t.norm(1.5f, row, false), new int[] {3}, new float[] {0f, 5.5842505f, 3.5387187f},
                new float[] {0f, 0f, 0f, 0.3664782f, -0.42317259f, 0f, -0.56383657f, 0.56383657f, 0.39869267f});
        check(y(), t -> t.norm(1f, row, false), new int[] {3}, new float[] {0f, 7f, 5f},
                new float[] {0f, 0f, 0f, 0.5f, -0.5f, 0f, -0.75f, 0.75f, 0.75f});
        // a tie of |x| at the maximum shares the gradient
        check(y(), t -> t.norm(INF, row, false), new int[] {3}, new float[] {0f, 4f, 2f},
                new float[] {0f, 0f, 0f, 0f, -0.5f, 0f, -0.375f, 0.375f, 0f});
        Tensor zero = Tensor.zeros(3).requiresGrad(true);
        zero.norm().backward();
        assertArrayEquals(new float[] {0f, 0f, 0f}, zero.grad().toFloatArray());
    }

    @Test
    void gradientsPassGradCheck() {
        Tensor a = Tensor.of(new float[] {0.3f, -1.2f, 2.1f, 0.8f, 1.7f, -0.4f, 1.1f, -2.3f, 0.6f, 1.4f, -0.9f, 0.2f},
                3, 4).requiresGrad(true);
        for (float p : new float[] {1f, 2f, 3f, 0.5f, 1.5f, INF}) {
            assertPasses(GradCheck.check(in -> in[0].norm(p), a));
            assertPasses(GradCheck.check(in -> in[0].t().norm(p, new int[] {0}, true), a));
            assertPasses(GradCheck.check(in -> in[0].slice(0, 0, 3, 2).norm(p, new int[] {-1}, false), a));
        }
    }

    @Test
    void emptyNormsAreZero() {
        Tensor e = Tensor.zeros(0, 3);
        assertEquals(0f, e.norm().item());
        assertEquals(0f, e.norm(1f).item());
        assertEquals(0f, e.norm(INF).item());
        assertArrayEquals(new float[] {0f, 0f, 0f}, e.norm(INF, new int[] {0}, false).toFloatArray());
    }

    @Test
    void errorsNameTheOpAndTheProblem() {
        assertFailsMentioning(() -> x().norm(0f), "norm", "p must be positive", "got 0.0");
        assertFailsMentioning(() -> x().norm(Float.NaN), "norm", "got NaN");
        assertFailsMentioning(() -> x().norm(2f, new int[] {3}, false), "norm", "dimension 3", "[2, 3, 4]");
    }
}
