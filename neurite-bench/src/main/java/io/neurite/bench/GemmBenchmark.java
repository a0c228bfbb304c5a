package io.neurite.bench;

import io.neurite.kernels.Gemm;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of {@link Gemm#sgemm}: {@code C = A * B} for square {@code n x n} float matrices.
 *
 * <p>Run it (from the repository root, after {@code mvn -pl neurite-bench -am package
 * -DskipTests}):
 *
 * <pre>
 * java --add-modules jdk.incubator.vector \
 *     -cp "neurite-bench/target/classes:neurite-bench/target/lib/*" \
 *     org.openjdk.jmh.Main GemmBenchmark
 * </pre>
 *
 * <p>Add {@code -jvmArgsAppend -Dneurite.threads=1} for one thread. The score is in operations
 * per second; GFLOP/s = score * 2 * n^3 / 1e9 (for n = 1024, one op/s is 2.15 GFLOP/s).
 * {@code neurite bench gemm} prints GFLOP/s directly.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBenchmark {

    @Param({"128", "256", "512", "1024"})
    public int n;

    private float[] a;
    private float[] b;
    private float[] c;

    @Setup
    public void setUp() {
        a = random(n * n, 1);
        b = random(n * n, 2);
        c = new float[n * n];
    }

    @Benchmark
    public float[] sgemm() {
        Gemm.sgemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
        return c;
    }

    private static float[] random(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (random.nextDouble() * 2 - 1);
        return x;
    }
}
