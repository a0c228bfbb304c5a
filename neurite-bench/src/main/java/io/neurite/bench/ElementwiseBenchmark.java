package io.neurite.bench;

import io.neurite.tensor.Tensor;
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
 * Elementwise and reduction kernels on the training path, through the public Tensor API: contiguous
 * add, a bias broadcast over rows, a transcendental (exp), and sums over each axis of a matrix.
 *
 * <p>Run: {@code ./neurite-bench/run ElementwiseBenchmark} (see that script).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ElementwiseBenchmark {

    /** Rows of a [rows, 1024] matrix. */
    @Param({"64", "1024"})
    public int rows;

    private Tensor matrix;
    private Tensor other;
    private Tensor bias;

    @Setup
    public void setUp() {
        matrix = Tensor.randn(rows, 1024);
        other = Tensor.randn(rows, 1024);
        bias = Tensor.randn(1024);
    }

    @Benchmark
    public Tensor add() {
        return matrix.add(other);
    }

    @Benchmark
    public Tensor addBias() {
        return matrix.add(bias);
    }

    @Benchmark
    public Tensor exp() {
        return matrix.exp();
    }

    @Benchmark
    public Tensor sumRows() {
        return matrix.sum(1);
    }

    @Benchmark
    public Tensor sumColumns() {
        return matrix.sum(0);
    }

    @Benchmark
    public Tensor sumAll() {
        return matrix.sum();
    }
}
