package io.neurite.nn.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.nn.F;
import io.neurite.tensor.Generator;
import io.neurite.tensor.GradCheck;
import io.neurite.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Finite differences against backward for softmax, log-softmax, every loss and the regularizers. */
class LossGradCheckTest {

    private final Generator g = new Generator(31);

    private Tensor randn(int... shape) {
        return Tensor.randn(g, shape).requiresGrad(true);
    }

    /** Uniform in [lo, hi), requiring grad. */
    private Tensor uniform(float lo, float hi, int... shape) {
        return Tensor.rand(g, shape).mul(hi - lo).add(lo).detach().requiresGrad(true);
    }

    private Tensor softmaxRows(int... shape) {
        return F.softmax(Tensor.randn(g, shape).mul(2f), 1).detach().requiresGrad(true);
    }

    private static Tensor ints(int[] values, int... shape) {
        return Tensor.ofInts(values, shape);
    }

    private static void check(String what, Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.Result r = GradCheck.check(f, inputs);
        assertTrue(r.passed(), what + ": " + r.report());
    }

    @Test
    void softmaxAndLogSoftmax() {
        for (int dim : new int[] {1, 0, -1}) {
            check("softmax dim " + dim, in -> F.softmax(in[0], dim), randn(3, 4));
            check("logSoftmax dim " + dim, in -> F.logSoftmax(in[0], dim), randn(3, 4));
        }
        check("softmax over channels of [2, 3, 2]", in -> F.softmax(in[0], 1), randn(2, 3, 2));
        check("logSoftmax over channels of [2, 3, 2]", in -> F.logSoftmax(in[0], 1), randn(2, 3, 2));
        check("softmax of a long row", in -> F.softmax(in[0], 1), randn(2, 19));
    }

    @Test
    void regressionLosses() {
        for (Reduction r : new Reduction[] {Reduction.NONE, Reduction.MEAN, Reduction.SUM}) {
            check("mse " + r, in -> F.mseLoss(in[0], in[1], r), randn(3, 4), randn(3, 4));
            check("l1 " + r, in -> F.l1Loss(in[0], in[1], r), randn(3, 4), randn(3, 4));
        }
        check("smoothL1", in -> F.smoothL1Loss(in[0], in[1], Reduction.MEAN, 0.5f),
                uniform(-2, 2, 3, 4), uniform(-2, 2, 3, 4));
        check("huber", in -> F.huberLoss(in[0], in[1], Reduction.SUM, 0.7f),
                uniform(-2, 2, 3, 4), uniform(-2, 2, 3, 4));
    }

    @Test
    void crossEntropyWithClassIndices() {
        Tensor labels = ints(new int[] {1, 0, 3}, 3);
        check("plain", in -> F.crossEntropy(in[0], labels), randn(3, 4));
        Tensor weight = Tensor.of(new float[] {0.5f, 2f, 1f, 1.5f}, 4);
        Tensor ignored = ints(new int[] {1, -100, 3, 2}, 4);
        for (Reduction r : new Reduction[] {Reduction.NONE, Reduction.MEAN, Reduction.SUM}) {
            check("weight, ignore_index and smoothing " + r,
                    in -> F.crossEntropy(in[0], ignored, weight, -100, r, 0.2f), randn(4, 4));
        }
        Tensor pixels = ints(new int[] {0, 2, 1, -100, 2, 2, 0, 1}, 2, 2, 2);
        check("segmentation [N, C, H, W]", in -> F.crossEntropy(in[0], pixels, Tensor.of(new float[] {1f, 2f, 0.5f}, 3),
                -100, Reduction.MEAN, 0.1f), randn(2, 3, 2, 2));
        check("unbatched", in -> F.crossEntropy(in[0], Tensor.ofInts(new int[] {2})), randn(5));
    }

    @Test
    void crossEntropyWithProbabilities() {
        Tensor weight = Tensor.of(new float[] {0.5f, 2f, 1f, 1.5f}, 4);
        check("input and target", in -> F.crossEntropy(in[0], in[1], weight, -100, Reduction.MEAN, 0.1f),
                randn(3, 4), softmaxRows(3, 4));
        check("segmentation probabilities", in -> F.crossEntropy(in[0], in[1], null, -100, Reduction.NONE, 0f),
                randn(2, 3, 2), softmaxRows(2, 3, 2));
    }

    @Test
    void nllLoss() {
        Tensor labels = ints(new int[] {1, -100, 3, 0}, 4);
        Tensor weight = Tensor.of(new float[] {0.5f, 2f, 1f, 1.5f}, 4);
        check("weight and ignore_index", in -> F.nllLoss(in[0], labels, weight, -100, Reduction.MEAN), randn(4, 4));
        check("[N, C, d]", in -> F.nllLoss(in[0], ints(new int[] {0, 2, 1, 1}, 2, 2), null, -100, Reduction.SUM),
                randn(2, 3, 2));
    }

    @Test
    void binaryCrossEntropy() {
        Tensor weight = Tensor.of(new float[] {0.5f, 2f, 1f}, 3);
        check("probabilities", in -> F.binaryCrossEntropy(in[0], in[1], weight, Reduction.MEAN),
                uniform(0.2f, 0.8f, 2, 3), uniform(0, 1, 2, 3));
        Tensor posWeight = Tensor.of(new float[] {3f, 0.5f, 1f}, 3);
        check("logits", in -> F.binaryCrossEntropyWithLogits(in[0], in[1], weight, posWeight, Reduction.SUM),
                randn(2, 3), uniform(0, 1, 2, 3));
        check("logits, reduction none", in -> F.binaryCrossEntropyWithLogits(in[0], in[1], Reduction.NONE),
                randn(2, 3), uniform(0, 1, 2, 3));
    }

    @Test
    void klDivergence() {
        check("probability target", in -> F.klDiv(in[0], in[1], Reduction.BATCHMEAN, false),
                randn(3, 4), uniform(0.1f, 1f, 3, 4));
        check("log target", in -> F.klDiv(in[0], in[1], Reduction.MEAN, true), randn(3, 4), randn(3, 4));
    }

    @Test
    void embeddingLosses() {
        Tensor pairs = Tensor.of(new float[] {1, -1, 1, -1}, 4);
        check("cosine embedding", in -> F.cosineEmbeddingLoss(in[0], in[1], pairs, -0.9f, Reduction.MEAN),
                randn(4, 3), randn(4, 3));
        check("margin ranking", in -> F.marginRankingLoss(in[0], in[1], pairs, 5f, Reduction.SUM),
                randn(4), randn(4));
        check("hinge embedding", in -> F.hingeEmbeddingLoss(in[0], pairs, 5f, Reduction.NONE), uniform(0, 3, 4));
    }

    @Test
    void regularization() {
        Tensor a = uniform(0.1f, 1f, 2, 3), b = uniform(-1f, -0.1f, 4);
        check("l1", in -> Regularization.l1(List.of(in)), a, b);
        check("l2", in -> Regularization.l2(List.of(in)), randn(2, 3), randn(4));
    }
}
