package io.neurite.bench;

import io.neurite.optim.Adam;
import io.neurite.optim.Optimizer;
import io.neurite.optim.SGD;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code optimizer.step()} of Adam and of SGD with momentum over the parameter set of LeNet-5
 * (61,706 parameters in 10 tensors) and of a 1M-parameter MLP (784-1000-216, 1,001,216 parameters
 * in 4 tensors), with gradients already in place; and, for scale, the forward and backward pass of
 * that MLP on a batch of 64, so the step can be read as a fraction of a training step.
 *
 * <p>Run: {@code ./neurite-bench/run OptimizerStepBenchmark} (see that script).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class OptimizerStepBenchmark {

    /** LeNet-5's parameter shapes: conv1, conv2, fc1, fc2, fc3 (weights and biases). */
    private static final int[][] LENET5 = {{6, 1, 5, 5}, {6}, {16, 6, 5, 5}, {16}, {120, 400}, {120}, {84, 120},
        {84}, {10, 84}, {10}};
    /** A 784-1000-216 MLP: 1,001,216 parameters. */
    private static final int[][] MLP_1M = {{1000, 784}, {1000}, {216, 1000}, {216}};

    /** An optimizer over one of the parameter sets, its gradients set and its state created. */
    @State(Scope.Benchmark)
    public static class Step {
        @Param({"lenet5", "mlp1m"})
        public String model;

        @Param({"adam", "sgdMomentum"})
        public String optimizer;

        Optimizer<?> opt;

        @Setup(Level.Trial)
        public void setUp() {
            Tensor.manualSeed(0);
            List<Tensor> params = new ArrayList<>();
            for (int[] shape : model.equals("lenet5") ? LENET5 : MLP_1M) {
                Tensor p = Tensor.randn(shape).mul(0.05f).requiresGrad(true);
                p.setGrad(Tensor.randn(shape).mul(1e-3f));
                params.add(p);
            }
            opt = optimizer.equals("adam") ? new Adam(params, 1e-3)
                    : new SGD(params, SGD.options(1e-2).withMomentum(0.9));
            opt.step();  // creates the state buffers
        }
    }

    @Benchmark
    public void step(Step s) {
        s.opt.step();
    }

    /** The forward and backward pass of the 1M-parameter MLP, for scale. */
    @State(Scope.Benchmark)
    public static class Mlp {
        Tensor x, y, w1, b1, w2, b2;

        @Setup(Level.Trial)
        public void setUp() {
            Tensor.manualSeed(0);
            x = Tensor.randn(64, 784);
            y = Tensor.randn(64, 216);
            w1 = Tensor.randn(1000, 784).mul(0.03f).requiresGrad(true);
            b1 = Tensor.zeros(1000).requiresGrad(true);
            w2 = Tensor.randn(216, 1000).mul(0.03f).requiresGrad(true);
            b2 = Tensor.zeros(216).requiresGrad(true);
        }
    }

    @Benchmark
    public Tensor mlp1mForwardBackwardBatch64(Mlp m) {
        for (Tensor p : List.of(m.w1, m.b1, m.w2, m.b2)) p.setGrad(null);
        Tensor hidden = m.x.matmul(m.w1.t()).add(m.b1).relu();
        Tensor loss = hidden.matmul(m.w2.t()).add(m.b2).sub(m.y).pow(2).mean();
        loss.backward();
        return m.w1.grad();
    }
}
