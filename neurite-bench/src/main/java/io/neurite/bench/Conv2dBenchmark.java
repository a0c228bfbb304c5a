package io.neurite.bench;

import io.neurite.kernels.Parallel;
import io.neurite.nn.F;
import io.neurite.nn.functional.ConvOptions;
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
 * One forward and backward of {@code F.conv2d} with bias (gradients of input, weight and bias, as a
 * layer inside a network needs), in milliseconds, at the sizes of LeNet-5's two convolutions and of a
 * ResNet basic block. {@code scripts/bench_conv_torch.py} times the same cases in PyTorch.
 *
 * <p>Run: {@code ./neurite-bench/run Conv2dBenchmark} (both thread counts), or add
 * {@code -p threads=2} for one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class Conv2dBenchmark {

    /** name: batch, in channels, out channels, kernel, spatial size, padding. */
    @Param({"lenet_c1", "lenet_c3", "resnet_3x3"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private Tensor x;
    private Tensor w;
    private Tensor b;
    private Tensor gy;
    private ConvOptions options;

    @Setup
    public void setUp() {
        int[] s = switch (shape) {
            case "lenet_c1" -> new int[] {64, 1, 6, 5, 28, 2};
            case "lenet_c3" -> new int[] {64, 6, 16, 5, 14, 0};
            case "resnet_3x3" -> new int[] {16, 64, 64, 3, 56, 1};
            default -> throw new IllegalArgumentException(shape);
        };
        Generator g = new Generator(0);
        x = Tensor.randn(g, s[0], s[1], s[4], s[4]).requiresGrad(true);
        w = Tensor.randn(g, s[2], s[1], s[3], s[3]).mul(0.1f).detach().requiresGrad(true);
        b = Tensor.randn(g, s[2]).requiresGrad(true);
        int out = s[4] + 2 * s[5] - s[3] + 1;
        gy = Tensor.randn(g, s[0], s[2], out, out);
        options = new ConvOptions().padding(s[5]);
    }

    @Benchmark
    public Tensor forwardBackward() {
        Tensor[] grad = new Tensor[1];
        Parallel.withThreads(threads, () -> {
            x.setGrad(null);
            w.setGrad(null);
            b.setGrad(null);
            F.conv2d(x, w, b, options).backward(gy);
            grad[0] = w.grad();
        });
        return grad[0];
    }
}
