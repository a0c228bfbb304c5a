package io.neurite.tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Computes a fixed set of kernel-backed results and prints one bit-exact fingerprint per line, so a
 * JVM without the Vector API can be compared with one that has it (see {@link VectorFallbackTest}).
 */
public final class FallbackProbe {

    private FallbackProbe() {}

    static Map<String, Integer> fingerprints() {
        Random random = new Random(2024);
        Tensor a = MatMulTest.randn(random, 67, 45).requiresGrad(true);
        Tensor b = MatMulTest.randn(random, 45, 83).requiresGrad(true);
        Tensor bias = MatMulTest.randn(random, 83).requiresGrad(true);
        Map<String, Integer> out = new LinkedHashMap<>();
        Tensor h = a.matmul(b).add(bias);
        out.put("matmul+bias", hash(h));
        out.put("matmulT", hash(a.t().matmul(a)));
        out.put("sum rows", hash(h.sum(1)));
        out.put("sum cols", hash(h.sum(0)));
        out.put("mean", hash(h.mean()));
        out.put("exp tanh sqrt", hash(h.exp().add(h.tanh()).add(h.abs().sqrt())));
        out.put("compare", hash(h.gt(0f).add(h.le(bias))));
        out.put("max min div", hash(h.maximum(bias).sub(h.minimum(bias)).div(h.add(10f))));
        h.relu().mul(h).sum().backward();
        out.put("grad a", hash(a.grad()));
        out.put("grad b", hash(b.grad()));
        out.put("grad bias", hash(bias.grad()));
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
