package io.neurite.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.kernels.Parallel;
import io.neurite.kernels.VectorSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The fused kernels give the same bits with or without the Vector API, and with any thread count. */
class LossKernelDeterminismTest {

    @Test
    void theScalarFallbackComputesTheSameBits() throws IOException, InterruptedException {
        assertTrue(VectorSupport.enabled(), "tests run with --add-modules jdk.incubator.vector");
        List<String> expected = new ArrayList<>();
        expected.add("vector=false");
        LossFallbackProbe.fingerprints().forEach((name, hash) -> expected.add(name + "=" + hash));
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LossFallbackProbe.class.getName()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        assertEquals(expected, output.lines().toList());
    }

    @Test
    void oneThreadGivesTheSameBitsAsAll() {
        AtomicReference<Map<String, Integer>> single = new AtomicReference<>();
        Parallel.withThreads(1, () -> single.set(LossFallbackProbe.fingerprints()));
        assertEquals(single.get(), LossFallbackProbe.fingerprints());
    }
}
