package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.kernels.Parallel;
import io.neurite.nn.functional.ConvOptions;
import io.neurite.tensor.GradCheck;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** F.conv*, F.convTranspose* and F.pad: finite-difference gradients, layouts, threads and misuse. */
class ConvFunctionalTest {

    private static final Generator G = new Generator(42);

    private static Tensor leaf(int... shape) {
        return Tensor.randn(G, shape).requiresGrad(true);
    }

    private static void gradCheck(Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.Result r = GradCheck.check(f, inputs);
        assertTrue(r.passed(), r.report());
    }

    // ---------------------------------------------------------------- GradCheck

    @Test
    void gradCheckConv2dWithStridePaddingDilationAndGroups() {
        ConvOptions o = new ConvOptions().stride(2, 1).padding(1, 2).dilation(1, 2).groups(2);
        gradCheck(in -> F.conv2d(in[0], in[1], in[2], o), leaf(2, 4, 6, 5), leaf(4, 2, 3, 2), leaf(4));
    }

    @Test
    void gradCheckConv2dSameEvenKernelAndPerSidePadding() {
        gradCheck(in -> F.conv2d(in[0], in[1], null, new ConvOptions().padding("same")), leaf(1, 2, 5, 4),
                leaf(2, 2, 2, 4));
        gradCheck(in -> F.conv2d(in[0], in[1], in[2], new ConvOptions().paddingPerSide(2, 0, 1, 3).stride(2)),
                leaf(2, 1, 4, 4), leaf(2, 1, 3, 3), leaf(2));
    }

    @Test
    void gradCheckDepthwiseAndPointwise() {
        gradCheck(in -> F.conv2d(in[0], in[1], in[2], new ConvOptions().groups(3).padding(1)), leaf(2, 3, 4, 4),
                leaf(6, 1, 3, 3), leaf(6));
        gradCheck(in -> F.conv2d(in[0], in[1], in[2]), leaf(2, 3, 3, 4), leaf(2, 3, 1, 1), leaf(2));
    }

    @Test
    void gradCheckConv1dAndConv3d() {
        gradCheck(in -> F.conv1d(in[0], in[1], in[2], new ConvOptions().stride(2).padding(2).dilation(2)),
                leaf(2, 2, 9), leaf(3, 2, 3), leaf(3));
        gradCheck(in -> F.conv3d(in[0], in[1], in[2], new ConvOptions().stride(1, 2, 1).padding(1, 0, 1)),
                leaf(1, 2, 3, 4, 3), leaf(2, 2, 2, 3, 2), leaf(2));
    }

    @Test
    void gradCheckTransposed() {
        gradCheck(in -> F.convTranspose1d(in[0], in[1], in[2], new ConvOptions().stride(2).padding(1)
                .outputPadding(1)), leaf(2, 2, 4), leaf(2, 3, 3), leaf(3));
        gradCheck(in -> F.convTranspose2d(in[0], in[1], in[2], new ConvOptions().stride(2, 3).padding(1, 0)
                .dilation(2, 1).groups(2).outputPadding(1, 2)), leaf(1, 4, 3, 3), leaf(4, 1, 3, 2), leaf(2));
    }

    @Test
    void gradCheckPadModes() {
        for (String mode : new String[] {"constant", "reflect", "replicate", "circular"}) {
            gradCheck(in -> F.pad(in[0], new int[] {2, 1, 1, 2}, mode, 0f), leaf(1, 2, 3, 4));
        }
        gradCheck(in -> F.pad(in[0], new int[] {-1, 2, 0, 1}, "constant", 3f), leaf(2, 3, 4));
    }

    // ---------------------------------------------------------------- layouts, sizes, threads

    @Test
    void nonContiguousWeightAndBiasGiveTheSameResult() {
        Tensor x = Tensor.randn(G, 2, 3, 5, 5);
        Tensor w = Tensor.randn(G, 4, 3, 3, 3);
        Tensor b = Tensor.randn(G, 4);
        Tensor wT = w.transpose(2, 3).contiguous().transpose(2, 3);   // same values, other strides
        Tensor bSliced = Tensor.cat(1, b.unsqueeze(1), Tensor.zeros(4, 1)).reshape(8).slice(0, 0, 8, 2);
        assertArrayEquals(F.conv2d(x, w, b).toFloatArray(), F.conv2d(x, wT, bSliced).toFloatArray(), 0f);
    }

    @Test
    void emptyBatchGivesAnEmptyOutputAndGradients() {
        Tensor x = Tensor.zeros(0, 2, 5, 5).requiresGrad(true);
        Tensor w = leaf(3, 2, 3, 3);
        Tensor y = F.conv2d(x, w, null, new ConvOptions().padding(1));
        assertEquals(Shape.of(0, 3, 5, 5), y.shape());
        y.sum().backward();
        assertArrayEquals(new float[3 * 2 * 9], w.grad().toFloatArray(), 0f);
    }

    @Test
    void noGradientForInputsThatDoNotRequireIt() {
        Tensor x = Tensor.randn(G, 2, 1, 6, 6);
        Tensor w = leaf(2, 1, 3, 3);
        F.conv2d(x, w, null).sum().backward();
        assertNull(x.grad());
        assertEquals(Shape.of(2, 1, 3, 3), w.grad().shape());
    }

    @Test
    void deterministicForAThreadCountAndCloseAcrossThreadCounts() {
        Tensor x = Tensor.randn(G, 8, 3, 9, 9);
        Tensor w = leaf(4, 3, 3, 3);
        Tensor gy = Tensor.randn(G, 8, 4, 7, 7);
        float[][] grads = new float[3][];
        int[] threads = {2, 2, 1};
        for (int i = 0; i < 3; i++) {
            int run = i;
            Parallel.withThreads(threads[i], () -> {
                w.setGrad(null);
                F.conv2d(x, w, null).backward(gy);
                grads[run] = w.grad().toFloatArray();
            });
        }
        assertArrayEquals(grads[0], grads[1], 0f);
        assertArrayEquals(grads[0], grads[2], 1e-4f);
    }

    @Test
    void padWithNoPairsIsACopy() {
        Tensor x = Tensor.randn(G, 2, 3);
        Tensor y = F.pad(x, new int[0]);
        assertArrayEquals(x.toFloatArray(), y.toFloatArray(), 0f);
        assertTrue(y != x);
    }

    // ---------------------------------------------------------------- misuse

    @Test
    void wrongChannelCountNamesWeightGroupsAndInput() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> F.conv2d(Tensor.zeros(64, 1, 28, 28), Tensor.zeros(6, 3, 5, 5), null));
        assertEquals("conv2d: expected input with 3 channels (weight [6, 3, 5, 5] with groups=1), got input shape "
                + "[64, 1, 28, 28]; hint: the input's dimension 1 holds the channels", e.getMessage());
        ShapeException t = assertThrows(ShapeException.class,
                () -> F.convTranspose2d(Tensor.zeros(2, 3, 4, 4), Tensor.zeros(4, 2, 3, 3), null));
        assertTrue(t.getMessage().startsWith("convTranspose2d: expected input with 4 channels (weight [4, 2, 3, 3])"));
    }

    @Test
    void wrongRanksNameTheLayout() {
        ShapeException input = assertThrows(ShapeException.class,
                () -> F.conv2d(Tensor.zeros(28, 28), Tensor.zeros(6, 1, 5, 5), null));
        assertEquals("conv2d: expected a 3-D (unbatched) or 4-D (batched) input [N, C, H, W], got shape [28, 28]",
                input.getMessage());
        ShapeException weight = assertThrows(ShapeException.class,
                () -> F.conv1d(Tensor.zeros(1, 1, 8), Tensor.zeros(6, 5), null));
        assertEquals("conv1d: expected a 3-D weight [out_channels, in_channels / groups, kL], got shape [6, 5]",
                weight.getMessage());
    }

    @Test
    void groupsNotDividingTheOutputChannels() {
        ShapeException e = assertThrows(ShapeException.class, () -> F.conv2d(Tensor.zeros(1, 4, 5, 5),
                Tensor.zeros(6, 1, 3, 3), null, new ConvOptions().groups(4)));
        assertEquals("conv2d: out_channels (weight dimension 0, 6) must be divisible by groups=4, got weight shape "
                + "[6, 1, 3, 3]", e.getMessage());
    }

    @Test
    void inputSmallerThanTheKernel() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> F.conv2d(Tensor.zeros(1, 1, 2, 2), Tensor.zeros(1, 1, 3, 3), null, new ConvOptions()));
        assertTrue(e.getMessage().startsWith("conv2d: the input's spatial size [2, 2] (padded [2, 2]) is smaller than"
                + " the kernel [3, 3]"), e.getMessage());
    }

    @Test
    void otherMisuse() {
        assertTrue(assertThrows(ShapeException.class, () -> F.conv2d(Tensor.zeros(1, 1, 5, 5),
                Tensor.zeros(2, 1, 3, 3), Tensor.zeros(3))).getMessage()
                .contains("expected a bias of shape [2] (one per output channel), got shape [3]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> F.conv2d(Tensor.zeros(1, 1, 5, 5),
                Tensor.zeros(2, 1, 3, 3), null, new ConvOptions().padding("same").stride(2))).getMessage()
                .contains("padding=\"same\" needs stride 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> F.convTranspose1d(Tensor.zeros(1, 1, 5),
                Tensor.zeros(1, 1, 3), null, new ConvOptions().stride(2).outputPadding(2))).getMessage()
                .contains("outputPadding must be smaller than stride or dilation"));
        assertTrue(assertThrows(ShapeException.class, () -> F.convTranspose1d(Tensor.zeros(1, 1, 1),
                Tensor.zeros(1, 1, 1), null, new ConvOptions().padding(1))).getMessage()
                .contains("the output would have spatial size [-1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ConvOptions().padding("full"))
                .getMessage().contains("expected \"same\" or \"valid\", got 'full'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ConvOptions().stride(0))
                .getMessage().contains("ConvOptions.stride: expected values >= 1, got [0]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> F.conv2d(Tensor.ofInts(new int[25], 1, 1, 5, 5),
                Tensor.zeros(1, 1, 3, 3), null)).getMessage().contains("conv2d: expected float32 tensors"));
    }

    @Test
    void padMisuse() {
        Tensor x = Tensor.zeros(1, 2, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> F.pad(x, new int[] {1, 1}, "mirror", 0f))
                .getMessage().contains("unknown mode 'mirror'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> F.pad(x, new int[] {1}))
                .getMessage().contains("expected (before, after) pairs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> F.pad(x, new int[] {1, 1}, "reflect", 2f))
                .getMessage().contains("mode reflect takes no value"));
        assertTrue(assertThrows(ShapeException.class, () -> F.pad(x, new int[] {3, 0}, "reflect", 0f))
                .getMessage().contains("reflect needs each pad < 3"));
        assertTrue(assertThrows(ShapeException.class, () -> F.pad(x, new int[] {4, 0}, "circular", 0f))
                .getMessage().contains("circular needs each pad <= 3"));
        assertTrue(assertThrows(ShapeException.class, () -> F.pad(Tensor.zeros(3), new int[] {1, 1}, "replicate", 0f))
                .getMessage().contains("got 1 padded dimensions for input shape [3]"));
        assertTrue(assertThrows(ShapeException.class, () -> F.pad(x, new int[] {-2, -2}))
                .getMessage().contains("the padded size would be -1"));
    }
}
