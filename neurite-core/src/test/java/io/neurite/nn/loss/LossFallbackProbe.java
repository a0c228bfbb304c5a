package io.neurite.nn.loss;

import io.neurite.nn.F;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bit-exact fingerprints of the fused softmax and cross-entropy kernels (rows with whole vectors and
 * tails), so a JVM without the Vector API can be compared with one that has it.
 */
public final class LossFallbackProbe {

    private LossFallbackProbe() {}

    static Map<String, Integer> fingerprints() {
        Generator g = new Generator(77);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int classes : new int[] {3, 8, 29, 1000}) {
            Tensor x = Tensor.randn(g, 40, classes).mul(3f).detach().requiresGrad(true);
            int[] labels = new int[40];
            for (int i = 0; i < labels.length; i++) labels[i] = g.nextInt(classes);
            Tensor y = Tensor.ofInts(labels, 40);
            Tensor p = F.softmax(Tensor.randn(g, 40, classes), 1).detach().requiresGrad(true);
            Tensor w = Tensor.rand(g, classes).add(0.5f);
            out.put("softmax " + classes, hash(F.softmax(x, 1)));
            out.put("logSoftmax " + classes, hash(F.logSoftmax(x, 1)));
            Tensor loss = F.crossEntropy(x, y, w, -100, Reduction.SUM, 0.1f)
                    .add(F.crossEntropy(x, p, w, -100, Reduction.MEAN, 0.2f))
                    .add(F.softmax(x, 1).mul(F.logSoftmax(x, 0)).sum());
            out.put("losses " + classes, hash(loss));
            loss.backward();
            out.put("grad logits " + classes, hash(x.grad()));
            out.put("grad probabilities " + classes, hash(p.grad()));
        }
        return out;
    }

    private static int hash(Tensor t) {
        float[] values = t.toFloatArray();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) bits[i] = Float.floatToRawIntBits(values[i]);
        return Arrays.hashCode(bits);
    }

    public static void main(String[] args) {
        System.out.println("vector=" + io.neurite.kernels.VectorSupport.enabled());
        fingerprints().forEach((name, hash) -> System.out.println(name + "=" + hash));
    }
}
