package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.kernels.Parallel;
import io.neurite.nn.functional.Interpolation;
import io.neurite.nn.functional.Interpolation.Mode;
import io.neurite.nn.functional.PoolOptions;
import io.neurite.tensor.DType;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import io.neurite.tensor.ValuesIndices;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The pooling and resampling layers: contract, printing, the notes' example, and the misuse errors. */
class PoolingLayersTest {

    /** The 4x4 image of the notes' max-pooling pictures (values chosen for this test). */
    private static Tensor image() {
        return Tensor.of(new float[] {1, 3, 2, 0, 4, 6, 5, 1, 3, 1, 2, 2, 0, 2, 4, 8}, 1, 1, 4, 4);
    }

    // ---------------------------------------------------------------- the course notes

    @Test
    void twoByTwoMaxPoolingKeepsTheStrongestResponseAndQuartersTheData() {
        // 004: "max-pooling [over 2x2 pixels] reduces the data by a factor of 4"; values from PyTorch 1.13.
        Tensor y = new MaxPool2d(2).forward(image());
        assertEquals(Shape.of(1, 1, 2, 2), y.shape());
        assertArrayEquals(new float[] {6, 5, 3, 8}, y.toFloatArray());
        assertEquals(image().numel() / 4, y.numel());
    }

    @Test
    void maxOverEachPixelsThreeByThreeNeighbourhood() {
        // 001: O(i, j) = max over k in {i-1, i, i+1}, l in {j-1, j, j+1}: MaxPool2d(3, stride 1, padding 1).
        Tensor x = image().requiresGrad(true);
        Tensor y = MaxPool2d.builder(3).stride(1).padding(1).build().forward(x);
        assertArrayEquals(new float[] {6, 6, 6, 5, 6, 6, 6, 5, 6, 6, 8, 8, 3, 4, 8, 8}, y.toFloatArray());
        y.sum().backward();
        // each output's gradient goes to its window's maximum: 6 wins 8 windows, 8 wins 4 (PyTorch 1.13)
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 8, 2, 0, 1, 0, 0, 0, 0, 0, 1, 4}, x.grad().toFloatArray());
    }

    @Test
    void indicesOfMaxPoolingRestoreThroughMaxUnpooling() {
        ValuesIndices pooled = new MaxPool2d(2).forwardWithIndices(image());
        assertEquals(DType.INT32, pooled.indices().dtype());
        assertArrayEquals(new int[] {5, 6, 8, 15}, pooled.indices().toIntArray());
        Tensor restored = new MaxUnpool2d(2).forward(pooled.values(), pooled.indices());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 6, 5, 0, 3, 0, 0, 0, 0, 0, 0, 8}, restored.toFloatArray());
        assertArrayEquals(new float[] {3.5f, 2, 1.5f, 4}, new AvgPool2d(2).forward(image()).toFloatArray());
    }

    // ---------------------------------------------------------------- contract and printing

    @Test
    void everyLayerPassesTheContract() {
        contract(() -> new MaxPool1d(3), Shape.of(2, 3, 10), Shape.of(2, 3, 3));
        contract(() -> MaxPool2d.builder(3).stride(2).padding(1).ceilMode(true).build(), Shape.of(2, 3, 7, 7),
                Shape.of(2, 3, 4, 4));
        contract(() -> new MaxPool2d(2), Shape.of(3, 4, 5), Shape.of(3, 2, 2));
        contract(() -> MaxPool2d.builder(2, 3).dilation(2, 1).build(), Shape.of(1, 2, 9, 9), Shape.of(1, 2, 4, 3));
        contract(() -> new MaxPool3d(2), Shape.of(1, 2, 4, 4, 5), Shape.of(1, 2, 2, 2, 2));
        contract(() -> new AvgPool1d(2), Shape.of(2, 3, 9), Shape.of(2, 3, 4));
        contract(() -> AvgPool2d.builder(3).stride(2).padding(1).countIncludePad(false).build(), Shape.of(2, 3, 8, 8),
                Shape.of(2, 3, 4, 4));
        contract(() -> AvgPool2d.builder(2).ceilMode(true).divisorOverride(3).build(), Shape.of(1, 1, 5, 5),
                Shape.of(1, 1, 3, 3));
        contract(() -> new AdaptiveAvgPool1d(4), Shape.of(2, 3, 10), Shape.of(2, 3, 4));
        contract(() -> new AdaptiveAvgPool2d(1), Shape.of(2, 3, 5, 5), Shape.of(2, 3, 1, 1));
        contract(() -> new AdaptiveMaxPool2d(3, 2), Shape.of(2, 3, 7, 5), Shape.of(2, 3, 3, 2));
        contract(() -> new Upsample(2), Shape.of(1, 2, 3, 4), Shape.of(1, 2, 6, 8));
        contract(() -> new Upsample(Interpolation.size(5, 7).withMode(Mode.BILINEAR).withAlignCorners(true)),
                Shape.of(1, 2, 3, 4), Shape.of(1, 2, 5, 7));
        contract(() -> new Upsample(Interpolation.scaleFactor(1.5).withMode(Mode.LINEAR)), Shape.of(2, 2, 5),
                Shape.of(2, 2, 7));
        contract(() -> new PixelShuffle(2), Shape.of(2, 8, 3, 3), Shape.of(2, 2, 6, 6));
        contract(() -> new PixelUnshuffle(2), Shape.of(2, 2, 6, 6), Shape.of(2, 8, 3, 3));
    }

    private static void contract(Supplier<? extends Layer> factory, Shape input, Shape output) {
        LayerContract.check(factory, input, output, 0);
    }

    @Test
    void maxUnpoolingHasNoStateAndTheDefaultOrGivenSize() {
        MaxUnpool2d unpool = new MaxUnpool2d(2);
        assertEquals(0, unpool.parameterCount());
        assertTrue(unpool.stateDict().isEmpty());
        ValuesIndices even = new MaxPool2d(2).forwardWithIndices(Tensor.randn(new Generator(7), 2, 3, 4, 4));
        assertEquals(Shape.of(2, 3, 4, 4), unpool.forward(even.values(), even.indices()).shape());
        // pooling 5x5 rounded down to 2x2: the unpooling needs the original size back
        ValuesIndices odd = new MaxPool2d(2).forwardWithIndices(Tensor.randn(new Generator(7), 2, 3, 5, 5));
        assertEquals(Shape.of(2, 3, 5, 5), unpool.forward(odd.values(), odd.indices(), 5, 5).shape());
        assertEquals(Shape.of(2, 3, 5, 5), unpool.forward(odd.values(), odd.indices(), 2, 3, 5, 5).shape());
    }

    @Test
    void layersPrintAsPyTorch() {
        // the strings PyTorch 1.13 prints for the same constructions
        assertEquals("MaxPool1d(kernel_size=3, stride=3, padding=0, dilation=1, ceil_mode=False)",
                new MaxPool1d(3).toString());
        assertEquals("MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
                new MaxPool2d(2).toString());
        assertEquals("MaxPool2d(kernel_size=(2, 3), stride=1, padding=(1, 0), dilation=2, ceil_mode=True)",
                MaxPool2d.builder(2, 3).stride(1).padding(1, 0).dilation(2).ceilMode(true).build().toString());
        assertEquals("MaxPool3d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
                new MaxPool3d(2).toString());
        assertEquals("MaxUnpool2d(kernel_size=(2, 2), stride=(2, 2), padding=(0, 0))", new MaxUnpool2d(2).toString());
        assertEquals("MaxUnpool2d(kernel_size=(2, 3), stride=(1, 1), padding=(0, 0))",
                new MaxUnpool2d(PoolOptions.of(2, 3).withStride(1)).toString());
        assertEquals("AvgPool1d(kernel_size=(3,), stride=(3,), padding=(0,))", new AvgPool1d(3).toString());
        assertEquals("AvgPool1d(kernel_size=(3,), stride=(2,), padding=(1,))",
                AvgPool1d.builder(3).stride(2).padding(1).ceilMode(true).countIncludePad(false).build().toString());
        assertEquals("AvgPool2d(kernel_size=2, stride=2, padding=0)", new AvgPool2d(2).toString());
        assertEquals("AvgPool2d(kernel_size=(2, 3), stride=1, padding=1)",
                AvgPool2d.builder(2, 3).stride(1).padding(1).ceilMode(true).countIncludePad(false).divisorOverride(5)
                        .build().toString());
        assertEquals("AdaptiveAvgPool1d(output_size=3)", new AdaptiveAvgPool1d(3).toString());
        assertEquals("AdaptiveAvgPool2d(output_size=(5, 7))", new AdaptiveAvgPool2d(5, 7).toString());
        assertEquals("AdaptiveAvgPool2d(output_size=1)", new AdaptiveAvgPool2d(1).toString());
        assertEquals("AdaptiveMaxPool2d(output_size=(2, 3))", new AdaptiveMaxPool2d(2, 3).toString());
        assertEquals("Upsample(scale_factor=2.0, mode=nearest)", new Upsample(2).toString());
        assertEquals("Upsample(size=(3, 4), mode=bilinear)",
                new Upsample(Interpolation.size(3, 4).withMode(Mode.BILINEAR).withAlignCorners(true)).toString());
        assertEquals("Upsample(size=5, mode=nearest)", new Upsample(Interpolation.size(5)).toString());
        assertEquals("Upsample(scale_factor=(2.0, 1.5), mode=bilinear)",
                new Upsample(Interpolation.scaleFactor(2, 1.5).withMode(Mode.BILINEAR)).toString());
        assertEquals("PixelShuffle(upscale_factor=2)", new PixelShuffle(2).toString());
        assertEquals("PixelUnshuffle(downscale_factor=3)", new PixelUnshuffle(3).toString());
        assertEquals("Sequential(\n  (0): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)\n"
                + "  (1): AdaptiveAvgPool2d(output_size=1)\n)",
                new Sequential(new MaxPool2d(2), new AdaptiveAvgPool2d(1)).toString());
    }

    // ---------------------------------------------------------------- shapes at the edges

    @Test
    void emptyBatchAndOddSizesGiveThePyTorchShapes() {
        assertEquals(Shape.of(0, 3, 2, 2), F.maxPool2d(Tensor.zeros(0, 3, 4, 4), 2).shape());
        assertEquals(Shape.of(0, 3, 2, 2), F.avgPool2d(Tensor.zeros(0, 3, 5, 5), 2).shape());
        assertEquals(Shape.of(1, 1, 1, 1), F.maxPool2d(Tensor.zeros(1, 1, 3, 3), 3).shape());
        assertEquals(Shape.of(1, 2, 3), F.maxPool1d(Tensor.zeros(1, 2, 7), PoolOptions.of(2).withCeilMode(true)
                .withStride(3)).shape());
        assertEquals(Shape.of(1, 4, 3, 5), PoolOptions.of(3).withStride(2).withPadding(1)
                .outputShape("check", Shape.of(1, 4, 5, 9), 2));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Tensor x = Tensor.randn(new Generator(3), 8, 16, 12, 12);
        float[][] single = new float[3][];
        Parallel.withThreads(1, () -> single[0] = F.maxPool2d(x, 2).toFloatArray());
        Parallel.withThreads(1, () -> single[1] = F.avgPool2d(x, PoolOptions.of(3).withPadding(1)).toFloatArray());
        Parallel.withThreads(1, () -> single[2] = F.interpolate(x, Interpolation.scaleFactor(1.5)
                .withMode(Mode.BILINEAR)).toFloatArray());
        assertArrayEquals(single[0], F.maxPool2d(x, 2).toFloatArray());
        assertArrayEquals(single[1], F.avgPool2d(x, PoolOptions.of(3).withPadding(1)).toFloatArray());
        assertArrayEquals(single[2], F.interpolate(x, Interpolation.scaleFactor(1.5).withMode(Mode.BILINEAR))
                .toFloatArray());
    }

    // ---------------------------------------------------------------- misuse

    @Test
    void aKernelLargerThanThePaddedInputNamesTheLayerAndTheShape() {
        MaxPool2d pool = new MaxPool2d(5);
        ShapeException e = assertThrows(ShapeException.class, () -> pool.forward(Tensor.zeros(1, 1, 4, 4)));
        assertMessage(e, "MaxPool2d(kernel_size=5, stride=5, padding=0, dilation=1, ceil_mode=False): the window does"
                + " not fit the padded input", "input shape [1, 1, 4, 4]", "output size [0, 0]", "hint");
        e = assertThrows(ShapeException.class, () -> new AvgPool1d(4).forward(Tensor.zeros(2, 3)));
        assertMessage(e, "AvgPool1d(kernel_size=(4,), stride=(4,), padding=(0,))", "[2, 3]");
        e = assertThrows(ShapeException.class,
                () -> F.maxPool3d(Tensor.zeros(1, 1, 4, 4, 2), PoolOptions.of(2, 2, 3).withDilation(1, 1, 2)));
        assertMessage(e, "maxPool3d: ", "kernel_size=(2, 2, 3), dilation=(1, 1, 2)", "[1, 1, 4, 4, 2]");
    }

    @Test
    void paddingOverHalfTheKernelFailsAtConstructionAndInF() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MaxPool2d.builder(3).padding(2).build());
        assertMessage(e, "MaxPool2d(kernel_size=3, stride=3, padding=2", "padding=2 must be at most half of"
                + " kernel_size=3");
        e = assertThrows(IllegalArgumentException.class, () -> AvgPool2d.builder(4, 2).padding(1, 2).build());
        assertMessage(e, "AvgPool2d(", "padding=(1, 2) must be at most half of kernel_size=(4, 2)");
        e = assertThrows(IllegalArgumentException.class,
                () -> F.maxPool2d(Tensor.zeros(1, 1, 6, 6), PoolOptions.of(3).withPadding(2)));
        assertMessage(e, "maxPool2d: padding=2", "(input shape [1, 1, 6, 6])");
    }

    @Test
    void aWrongRankNamesTheLayerAndTheShape() {
        ShapeException e = assertThrows(ShapeException.class, () -> new MaxPool2d(2).forward(Tensor.zeros(4, 4)));
        assertMessage(e, "MaxPool2d(kernel_size=2", "expected a 3-D (C, H, W) or 4-D (N, C, H, W) input, got shape"
                + " [4, 4]", "unsqueeze(0)");
        e = assertThrows(ShapeException.class, () -> new MaxPool1d(2).forward(Tensor.zeros(1, 2, 3, 4)));
        assertMessage(e, "MaxPool1d(", "(C, L) or 3-D (N, C, L)", "[1, 2, 3, 4]");
        e = assertThrows(ShapeException.class, () -> new AdaptiveAvgPool2d(3).forward(Tensor.zeros(5)));
        assertMessage(e, "AdaptiveAvgPool2d(output_size=3)", "[5]");
        e = assertThrows(ShapeException.class, () -> F.adaptiveMaxPool2d(Tensor.zeros(2, 3, 0, 4), 2));
        assertMessage(e, "adaptiveMaxPool2d: expected non-empty pooled dimensions", "[2, 3, 0, 4]");
        e = assertThrows(ShapeException.class, () -> new Upsample(2).forward(Tensor.zeros(3, 4)));
        assertMessage(e, "Upsample(scale_factor=2.0, mode=nearest)", "[3, 4]", "unsqueeze(0)");
        Upsample bilinear = new Upsample(Interpolation.size(5, 7).withMode(Mode.BILINEAR));
        e = assertThrows(ShapeException.class, () -> bilinear.forward(Tensor.zeros(1, 2, 5)));
        assertMessage(e, "Upsample(size=(5, 7), mode=bilinear): mode bilinear needs a 4-D (N, C, H, W) input, got"
                + " shape [1, 2, 5]", "use mode linear");
        e = assertThrows(ShapeException.class, () -> new PixelShuffle(2).forward(Tensor.zeros(1, 6, 3, 3)));
        assertMessage(e, "PixelShuffle(upscale_factor=2)", "divisible by upscaleFactor² = 4", "[1, 6, 3, 3]");
        e = assertThrows(ShapeException.class, () -> new PixelUnshuffle(2).forward(Tensor.zeros(6, 3)));
        assertMessage(e, "PixelUnshuffle(downscale_factor=2)", "at least 3 dimensions", "[6, 3]");
    }

    @Test
    void badOptionsAndArgumentsAreNamed() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> MaxPool2d.builder(2, 2, 2).build()),
                "MaxPool2d(", "kernelSize has 3 values [2, 2, 2], expected 1 or 2");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> PoolOptions.of(0)),
                "PoolOptions: kernelSize must be positive, got kernelSize=[0]");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> PoolOptions.of(2).withStride(0)),
                "stride must be positive");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> AvgPool1d.builder(2).divisorOverride(2).build()),
                "AvgPool1d: divisorOverride is not available in 1-D");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> F.avgPool2d(Tensor.zeros(1, 1, 4, 4), PoolOptions.of(2).withDilation(2))),
                "avgPool2d: average pooling has no dilation");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> F.maxPool2d(Tensor.zeros(1, 1, 4, 4), PoolOptions.of(2).withCountIncludePad(false))),
                "maxPool2d: countIncludePad and divisorOverride apply to average pooling only");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> F.maxPool2d(Tensor.ofInts(new int[16], 1, 1, 4, 4), 2)),
                "maxPool2d: expected a float32 input, got int32", "toFloat()");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new AdaptiveAvgPool2d(0)),
                "AdaptiveAvgPool2d: outputSize must be 1 or 2 positive sizes, got [0]");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> F.interpolate(Tensor.zeros(1, 1, 2, 2), Interpolation.size(4).withAlignCorners(true))),
                "interpolate: alignCorners can only be set with the linear modes");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Interpolation.size(4).withRecomputeScaleFactor(true)), "not meaningful with an explicit size");
        assertMessage(assertThrows(ShapeException.class,
                () -> F.interpolate(Tensor.zeros(1, 1, 2, 2), Interpolation.size(4, 4, 4))),
                "interpolate: size [4, 4, 4] has 3 values but the input shape [1, 1, 2, 2] has 2 spatial dimensions");
        assertMessage(assertThrows(ShapeException.class,
                () -> F.interpolate(Tensor.zeros(1, 1, 3, 3), Interpolation.scaleFactor(0.3))),
                "input and output sizes must be positive", "output size [0, 0]");
    }

    @Test
    void maxUnpoolingChecksIndicesAndOutputSize() {
        Tensor x = Tensor.ones(1, 1, 2, 2);
        ShapeException e = assertThrows(ShapeException.class,
                () -> new MaxUnpool2d(2).forward(x, Tensor.ofInts(new int[] {0, 1, 2}, 1, 1, 3)));
        assertMessage(e, "MaxUnpool2d(kernel_size=(2, 2), stride=(2, 2), padding=(0, 0)): expected indices of the"
                + " input's shape [1, 1, 2, 2], got [1, 1, 3]");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> F.maxUnpool2d(x, Tensor.ofInts(new int[] {0, 3, 9, 16}, 1, 1, 2, 2), PoolOptions.of(2))),
                "maxUnpool2d: index 16 at flat position 3", "output plane of 4x4 = 16 elements");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> F.maxUnpool2d(x, Tensor.ofInts(new int[] {0, 3, 9, 15}, 1, 1, 2, 2), PoolOptions.of(2), 6, 4)),
                "maxUnpool2d: invalid outputSize [6, 4]: dimension 0 must be strictly between 2 and 6");
        assertMessage(assertThrows(ShapeException.class,
                () -> F.maxUnpool2d(x, x, PoolOptions.of(2))), "expected int32 indices", "got float32");
    }

    private static void assertMessage(Throwable e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message lacks '" + part + "':\n" + e.getMessage());
        }
    }
}
