package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The convolution layers: the course notes' examples, parameter counts, printing, initialization, misuse. The notes'
 * vertical-edge example is {@code io.neurite.models.examples.EdgeConvolutionExample} (tested in neurite-models).
 */
class ConvLayerTest {

    // ---------------------------------------------------------------- parameter counts

    @Test
    void parameterCountsOfLeNet5Convolutions() {
        assertEquals(156, new Conv2d(1, 6, 5).parameterCount());       // C1: 6 * (1 * 5 * 5) + 6
        assertEquals(2416, new Conv2d(6, 16, 5).parameterCount());     // C3 fully connected to S2's 6 maps
        assertEquals(48120, new Conv2d(16, 120, 5).parameterCount());  // C5: 120 * (16 * 5 * 5) + 120
    }

    @Test
    void notesWeightSharingCount() {
        // 7 inputs, 3 hidden units seeing 3 inputs each, one shared set of weights: 3 parameters.
        Conv1d shared = Conv1d.builder(1, 1, 3).stride(2).bias(false).build();
        assertEquals(3, shared.parameterCount());
        assertEquals(Shape.of(1, 1, 3), shared.forward(Tensor.randn(1, 1, 7)).shape());
    }

    @Test
    void otherParameterCounts() {
        assertEquals(32 * 3 * 3, Conv2d.builder(32, 32, 3).groups(32).bias(false).build().parameterCount());
        assertEquals(4 * 2 * 2 * 3 + 4, Conv2d.builder(4, 4, 2, 3).groups(2).build().parameterCount());
        assertEquals(64 * 32 * 2 * 2 + 32, ConvTranspose2d.builder(64, 32, 2).stride(2).build().parameterCount());
        assertEquals(16 * 33 * 3 * 5 * 2 + 33, Conv3d.builder(16, 33, 3, 5, 2).build().parameterCount());
    }

    // ---------------------------------------------------------------- layer contract

    @Test
    void everyLayerPassesTheContract() {
        LayerContract.check(() -> new Conv2d(1, 6, 5), Shape.of(4, 1, 12, 12), Shape.of(4, 6, 8, 8), 156);
        LayerContract.check(() -> new Conv1d(3, 4, 3), Shape.of(2, 3, 10), Shape.of(2, 4, 8), 4 * 3 * 3 + 4);
        LayerContract.check(() -> Conv3d.builder(2, 3, 3).padding(1).stride(2).build(), Shape.of(2, 2, 5, 6, 4),
                Shape.of(2, 3, 3, 3, 2), 3 * 2 * 27 + 3);
        LayerContract.check(() -> ConvTranspose1d.builder(4, 2, 4).stride(2).padding(1).build(), Shape.of(2, 4, 5),
                Shape.of(2, 2, 10), 4 * 2 * 4 + 2);
        LayerContract.check(() -> ConvTranspose2d.builder(4, 6, 3).stride(2).padding(1).outputPadding(1).groups(2)
                .build(), Shape.of(2, 4, 3, 4), Shape.of(2, 6, 6, 8), 4 * 3 * 9 + 6);
    }

    @Test
    void configuredLayersPassTheContract() {
        LayerContract.check(() -> Conv2d.builder(4, 4, 3).padding("same").groups(4).bias(false).build(),
                Shape.of(2, 4, 7, 6), Shape.of(2, 4, 7, 6), 4 * 9);
        LayerContract.check(() -> Conv2d.builder(2, 3, 4).padding("same").paddingMode("reflect").build(),
                Shape.of(2, 2, 6, 5), Shape.of(2, 3, 6, 5), 3 * 2 * 16 + 3);
        LayerContract.check(() -> Conv2d.builder(2, 3, 3).padding(1).paddingMode("circular").dilation(2).build(),
                Shape.of(2, 2, 6, 6), Shape.of(2, 3, 4, 4), 3 * 2 * 9 + 3);
        LayerContract.check(() -> Conv1d.builder(2, 2, 3).padding(2).paddingMode("replicate").stride(2).build(),
                Shape.of(3, 2, 9), Shape.of(3, 2, 6), 2 * 2 * 3 + 2);
        LayerContract.check(() -> Conv2d.builder(2, 3, 3).paddingPerSide(0, 2, 1, 1).build(),
                Shape.of(2, 2, 5, 5), Shape.of(2, 3, 5, 5), 3 * 2 * 9 + 3);
    }

    @Test
    void unbatchedInputGivesUnbatchedOutput() {
        Conv2d conv = Conv2d.builder(3, 2, 3).padding(1).build();
        Tensor x = Tensor.randn(3, 5, 4);
        Tensor y = conv.forward(x);
        assertEquals(Shape.of(2, 5, 4), y.shape());
        assertArrayEquals(conv.forward(x.unsqueeze(0)).toFloatArray(), y.toFloatArray(), 0f);
    }

    @Test
    void reflectPaddingModeEqualsExplicitPadThenValidConvolution() {
        Conv2d conv = Conv2d.builder(2, 3, 3).padding(1, 2).paddingMode("reflect").build();
        Tensor x = Tensor.randn(2, 2, 5, 6);
        Tensor expected = F.conv2d(F.pad(x, new int[] {2, 2, 1, 1}, "reflect", 0f), conv.weight(), conv.bias());
        assertArrayEquals(expected.toFloatArray(), conv.forward(x).toFloatArray(), 0f);
    }

    // ---------------------------------------------------------------- printing as PyTorch

    @Test
    void printsAsPyTorch() {
        assertEquals("Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1))", new Conv2d(1, 6, 5).toString());
        assertEquals("Conv1d(16, 33, kernel_size=(3,), stride=(2,))",
                Conv1d.builder(16, 33, 3).stride(2).build().toString());
        assertEquals("Conv3d(16, 33, kernel_size=(3, 5, 2), stride=(2, 1, 1), padding=(4, 2, 0))",
                Conv3d.builder(16, 33, 3, 5, 2).stride(2, 1, 1).padding(4, 2, 0).build().toString());
        assertEquals("Conv2d(32, 32, kernel_size=(3, 3), stride=(1, 1), padding=same, groups=32, bias=False)",
                Conv2d.builder(32, 32, 3).padding("same").groups(32).bias(false).build().toString());
        assertEquals("Conv2d(1, 2, kernel_size=(3, 3), stride=(1, 1), padding=valid)",
                Conv2d.builder(1, 2, 3).padding("valid").build().toString());
        assertEquals("Conv2d(2, 4, kernel_size=(2, 3), stride=(1, 1), padding=(1, 1), dilation=(1, 2), "
                + "padding_mode=circular)", Conv2d.builder(2, 4, 2, 3).dilation(1, 2).padding(1)
                .paddingMode("circular").build().toString());
        assertEquals("ConvTranspose2d(64, 32, kernel_size=(2, 2), stride=(2, 2))",
                ConvTranspose2d.builder(64, 32, 2).stride(2).build().toString());
        assertEquals("ConvTranspose1d(8, 4, kernel_size=(4,), stride=(2,), padding=(1,), dilation=(2,), "
                + "output_padding=(1,), groups=2, bias=False)", ConvTranspose1d.builder(8, 4, 4).stride(2).padding(1)
                .outputPadding(1).groups(2).bias(false).dilation(2).build().toString());
        assertEquals("Sequential(\n  (0): Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))\n"
                + "  (1): Conv2d(6, 16, kernel_size=(5, 5), stride=(1, 1))\n)",
                new Sequential(Conv2d.builder(1, 6, 5).padding(2).build(), new Conv2d(6, 16, 5)).toString());
        // Not in PyTorch: per-side padding prints as (before, after) pairs per dimension.
        assertEquals("Conv2d(1, 1, kernel_size=(3, 3), stride=(1, 1), padding=((0, 1), (2, 2)))",
                Conv2d.builder(1, 1, 3).paddingPerSide(0, 1, 2, 2).build().toString());
    }

    @Test
    void stateDictKeysAreWeightAndBias() {
        assertEquals(List.of("weight", "bias"), List.copyOf(new Conv2d(1, 6, 5).stateDict().keySet()));
        assertEquals(List.of("weight"), List.copyOf(Conv1d.builder(1, 2, 3).bias(false).build().stateDict().keySet()));
        assertEquals(Shape.of(4, 3, 2), ConvTranspose1d.builder(4, 6, 2).groups(2).build().weight().shape());
        assertNull(Conv1d.builder(1, 2, 3).bias(false).build().bias());
    }

    // ---------------------------------------------------------------- initialization

    @Test
    void defaultInitializationIsUniformWithinOneOverSqrtFanIn() {
        Tensor.manualSeed(7);
        Conv2d conv = new Conv2d(16, 64, 3);                 // fanIn = 16 * 9 = 144: bound 1/12
        checkUniform(conv.weight(), 1 / 12f);
        checkUniform(conv.bias(), 1 / 12f);
        ConvTranspose2d up = ConvTranspose2d.builder(64, 16, 2).groups(2).build();  // fanIn = 8 * 4 = 32
        checkUniform(up.weight(), (float) (1 / Math.sqrt(32)));
        checkUniform(up.bias(), (float) (1 / Math.sqrt(32)));
    }

    private static void checkUniform(Tensor t, float bound) {
        float[] v = t.toFloatArray();
        double sum = 0, sq = 0, max = 0;
        for (float x : v) {
            sum += x;
            sq += x * x;
            max = Math.max(max, Math.abs(x));
        }
        assertTrue(max <= bound, "all within the bound " + bound + ", max " + max);
        if (v.length < 1000) return;  // the statistics below need many draws
        assertTrue(max > 0.99 * bound, "spread up to the bound " + bound + ", max " + max);
        double var = sq / v.length - (sum / v.length) * (sum / v.length);
        assertEquals(bound * bound / 3, var, 0.25 * bound * bound / 3, "variance of U(-b, b) is b^2 / 3");
    }

    @Test
    void resetParametersDrawsFreshValues() {
        Conv2d conv = new Conv2d(2, 3, 3);
        float[] before = conv.weight().toFloatArray();
        conv.resetParameters();
        assertTrue(!java.util.Arrays.equals(before, conv.weight().toFloatArray()));
        assertTrue(conv.weight().requiresGrad() && conv.weight().isLeaf());
    }

    // ---------------------------------------------------------------- misuse

    @Test
    void wrongChannelCountNamesTheLayerTheShapeAndTheFix() {
        Conv2d conv = Conv2d.builder(3, 6, 5).build();
        ShapeException e = assertThrows(ShapeException.class, () -> conv.forward(Tensor.zeros(64, 1, 28, 28)));
        assertEquals("Conv2d(3, 6, kernel_size=(5, 5), stride=(1, 1)): expected input with 3 channels, got shape "
                + "[64, 1, 28, 28]; hint: in_channels must equal the input's dimension 1", e.getMessage());
        ShapeException unbatched = assertThrows(ShapeException.class, () -> conv.forward(Tensor.zeros(1, 28, 28)));
        assertTrue(unbatched.getMessage().endsWith("got shape [1, 28, 28]; hint: in_channels must equal the input's "
                + "dimension 0"), unbatched.getMessage());
    }

    @Test
    void wrongRankNamesTheExpectedRanks() {
        ShapeException e = assertThrows(ShapeException.class, () -> new Conv2d(1, 6, 5).forward(Tensor.zeros(28, 28)));
        assertEquals("Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1)): expected input with 3 or 4 dimensions, got "
                + "shape [28, 28]", e.getMessage());
        ShapeException e1 = assertThrows(ShapeException.class,
                () -> new Conv1d(1, 2, 3).forward(Tensor.zeros(2, 1, 4, 4)));
        assertTrue(e1.getMessage().contains("expected input with 2 or 3 dimensions, got shape [2, 1, 4, 4]"));
    }

    @Test
    void inputSmallerThanTheDilatedKernel() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new Conv2d(1, 6, 5).forward(Tensor.zeros(2, 1, 4, 8)));
        assertEquals("Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1)): the input's spatial size [4, 8] (padded [4, 8])"
                + " is smaller than the kernel [5, 5], got input shape [2, 1, 4, 8]; hint: pad the input or use a "
                + "smaller kernel or dilation", e.getMessage());
        ShapeException dilated = assertThrows(ShapeException.class,
                () -> Conv1d.builder(1, 1, 3).dilation(3).padding(1).build().forward(Tensor.zeros(1, 1, 4)));
        assertTrue(dilated.getMessage().contains(
                "spatial size [4] (padded [6]) is smaller than the dilated kernel [7]"), dilated.getMessage());
    }

    @Test
    void groupsMustDivideTheChannels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Conv2d.builder(6, 4, 3).groups(4).build());
        assertEquals("Conv2d: in_channels and out_channels must be divisible by groups, got in_channels=6, "
                + "out_channels=4, groups=4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConvTranspose2d.builder(4, 6, 3).groups(4).build());
        assertThrows(IllegalArgumentException.class, () -> Conv2d.builder(4, 4, 3).groups(0));
    }

    @Test
    void badConfigurationsFailAtConstruction() {
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> Conv2d.builder(1, 1, 3).padding("same").stride(2).build());
        assertEquals("Conv2d: padding='same' is not supported for strided convolutions, got stride (2, 2)",
                same.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Conv2d.builder(1, 1, 3).paddingMode("mirror")
                .build()).getMessage().contains("got 'mirror'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConvTranspose2d.builder(1, 1, 3)
                .paddingMode("reflect").build()).getMessage().contains("only padding_mode 'zeros'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Conv2d.builder(1, 1, 3).outputPadding(1)
                .build()).getMessage().contains("output_padding applies to transposed convolutions only"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Conv2d.builder(1, 1, 3, 3, 3).build())
                .getMessage().contains("expected kernel_size as 1 or 2 values >= 1, got [3, 3, 3]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Conv2d.builder(1, 1, 3).stride(1, 2, 3).build())
                .getMessage().contains("stride: expected 1 or 2 values"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Conv2d.builder(1, 1, 3).paddingPerSide(1, 1)
                .build()).getMessage().contains("expected 4 values"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Conv2d(0, 1, 3)).getMessage()
                .contains("in_channels=0"));
    }

    @Test
    void reflectPaddingLargerThanTheInputFails() {
        Conv1d conv = Conv1d.builder(1, 1, 3).padding(4).paddingMode("reflect").build();
        ShapeException e = assertThrows(ShapeException.class, () -> conv.forward(Tensor.zeros(1, 1, 4)));
        assertTrue(e.getMessage().startsWith("pad: cannot pad dimension 2 (size 4) of shape [1, 1, 4] by (4, 4) in mode"
                + " reflect: reflect needs each pad < 4"), e.getMessage());
    }
}
