package io.neurite.bench;

import io.neurite.nn.F;
import io.neurite.nn.functional.Interpolation;
import io.neurite.nn.functional.PoolOptions;
import io.neurite.tensor.Autograd;
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
 * Pooling and resampling on the training path, forward (no gradient recorded) and forward+backward:
 * max pooling 2x2 and 3x3/2 padded (ResNet's stem), average pooling 2x2 and global average pooling on
 * [32, 64, 56, 56]; nearest and bilinear up-sampling by 2 of [32, 64, 28, 28].
 * {@code scripts/bench/pool_pytorch.py} times the same in PyTorch.
 *
 * <p>Run: {@code ./neurite-bench/run PoolBenchmark} (see that script).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PoolBenchmark {

    @Param({"max2", "max3s2p1", "avg2", "gap", "nearest2", "bilinear2"})
    public String op;

    private Tensor x;
    private Tensor upstream;

    @Setup
    public void setUp() {
        Generator g = new Generator(1);
        boolean up = op.equals("nearest2") || op.equals("bilinear2");
        x = (up ? Tensor.randn(g, 32, 64, 28, 28) : Tensor.randn(g, 32, 64, 56, 56)).requiresGrad(true);
        upstream = Tensor.randn(g, apply().shape().dims());
    }

    private Tensor apply() {
        return switch (op) {
            case "max2" -> F.maxPool2d(x, 2);
            case "max3s2p1" -> F.maxPool2d(x, PoolOptions.of(3).withStride(2).withPadding(1));
            case "avg2" -> F.avgPool2d(x, 2);
            case "gap" -> F.adaptiveAvgPool2d(x, 1);
            case "nearest2" -> F.interpolate(x, Interpolation.scaleFactor(2));
            default -> F.interpolate(x, Interpolation.scaleFactor(2).withMode(Interpolation.Mode.BILINEAR));
        };
    }

    @Benchmark
    public Tensor forward() {
        try (var scope = Autograd.noGrad()) {
            return apply();
        }
    }

    @Benchmark
    public Tensor forwardBackward() {
        apply().backward(upstream);
        Tensor grad = x.grad();
        x.setGrad(null);
        return grad;
    }
}
