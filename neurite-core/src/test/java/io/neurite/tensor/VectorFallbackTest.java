package io.neurite.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.kernels.VectorSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scalar fallback gives bit-identical results to the Vector API kernels. */
class VectorFallbackTest {

    @Test
    void aJvmWithoutTheVectorModuleComputesTheSameBits() throws IOException, InterruptedException {
        assertTrue(VectorSupport.enabled(), "tests run with --add-modules jdk.incubator.vector");
        List<String> expected = new ArrayList<>();
        expected.add("vector=false");
        FallbackProbe.fingerprints().forEach((name, hash) -> expected.add(name + "=" + hash));

        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FallbackProbe.class.getName()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        assertEquals(expected, output.lines().toList());
    }

    @Test
    void theSameRunTwiceGivesTheSameBits() {
        assertEquals(FallbackProbe.fingerprints(), FallbackProbe.fingerprints());
    }
}
