package io.neurite.bench;

import io.neurite.nn.F;
import io.neurite.nn.GELU;
import io.neurite.nn.Linear;
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
 * The dense training path: Linear forward and forward+backward (fused bias: one GEMM with the bias
 * preloaded into the output), and activations forward+backward on a [batch, 1024] tensor.
 *
 * <p>Run: {@code ./neurite-bench/run LinearBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LinearBenchmark {

    /** Batch size; the MLP layer is 784 -> 128 (MNIST's first layer), the activations act on [batch, 1024]. */
    @Param({"64", "256"})
    public int batch;

    private Linear linear;
    private Tensor x;
    private Tensor gradLinear;
    private Tensor act;
    private Tensor gradAct;

    @Setup
    public void setUp() {
        linear = new Linear(784, 128);
        x = Tensor.randn(batch, 784);
        gradLinear = Tensor.randn(batch, 128);
        act = Tensor.randn(batch, 1024).requiresGrad(true);
        gradAct = Tensor.randn(batch, 1024);
    }

    @Benchmark
    public Tensor linearForward() {
        return linear.forward(x);
    }

    @Benchmark
    public Tensor linearForwardBackward() {
        linear.zeroGrad();
        linear.forward(x).backward(gradLinear);
        return linear.weight().grad();
    }

    @Benchmark
    public Tensor reluForwardBackward() {
        act.setGrad(null);
        F.relu(act).backward(gradAct);
        return act.grad();
    }

    @Benchmark
    public Tensor geluForwardBackward() {
        act.setGrad(null);
        F.gelu(act).backward(gradAct);
        return act.grad();
    }

    @Benchmark
    public Tensor geluTanhForwardBackward() {
        act.setGrad(null);
        F.gelu(act, GELU.Approximate.TANH).backward(gradAct);
        return act.grad();
    }

    @Benchmark
    public Tensor siluForwardBackward() {
        act.setGrad(null);
        F.silu(act).backward(gradAct);
        return act.grad();
    }
}
