package io.neurite.bench;

import io.neurite.nn.F;
import io.neurite.tensor.Generator;
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
 * Normalization on the training path: batch norm forward and forward+backward (training mode, with
 * running statistics) on a ResNet-like 4-D input and on a 2-D one, and layer norm forward+backward
 * on transformer-like rows. {@code scripts/bench/norm_pytorch.py} times the same in PyTorch.
 *
 * <p>Run: {@code ./neurite-bench/run NormBenchmark} (see that script).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class NormBenchmark {

    /** The input: "bn2d" [32, 64, 28, 28], "bn1d" [256, 1024], "ln" [512, 768]. */
    @Param({"bn2d", "bn1d", "ln"})
    public String input;

    private Tensor x;
    private Tensor weight;
    private Tensor bias;
    private Tensor runningMean;
    private Tensor runningVar;
    private Tensor upstream;

    @Setup
    public void setUp() {
        Generator g = new Generator(1);
        int[] shape = switch (input) {
            case "bn2d" -> new int[] {32, 64, 28, 28};
            case "bn1d" -> new int[] {256, 1024};
            default -> new int[] {512, 768};
        };
        int c = shape[1];
        x = Tensor.randn(g, shape).requiresGrad(true);
        weight = Tensor.ones(c).requiresGrad(true);
        bias = Tensor.zeros(c).requiresGrad(true);
        runningMean = Tensor.zeros(c);
        runningVar = Tensor.ones(c);
        upstream = Tensor.randn(g, shape);
    }

    private Tensor forwardOnly() {
        return input.equals("ln") ? F.layerNorm(x, new int[] {x.size(1)}, weight, bias, 1e-5)
                : F.batchNorm(x, runningMean, runningVar, weight, bias, true, 0.1, 1e-5);
    }

    @Benchmark
    public Tensor forward() {
        return forwardOnly();
    }

    @Benchmark
    public Tensor forwardBackward() {
        Tensor y = forwardOnly();
        y.backward(upstream);
        Tensor grad = x.grad();
        x.setGrad(null);
        weight.setGrad(null);
        bias.setGrad(null);
        return grad;
    }
}
