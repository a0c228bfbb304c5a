package io.neurite.models.examples;

import io.neurite.nn.Conv2d;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The notes' convolution example (seeds/000, "Digital filters and convolution" and "Padding"): an 8x8 image,
 * bright (10) on the left half and dark (0) on the right, convolved with the vertical-edge kernel whose rows
 * are [1, 0, -1], by {@link Conv2d} without bias, first without padding (6x6 output), then with padding 1
 * (8x8 output, the zero border showing up as -20/-30 on the left and 20 in the top and bottom rows).
 */
public final class EdgeConvolutionExample implements WorkedExample<EdgeConvolutionExample.Values> {

    /** The notes' 6x6 result without padding. */
    static final float[][] NOTES_UNPADDED = repeat(new float[] {0, 0, 30, 30, 0, 0}, 6);
    /**
     * The notes' result with padding, as drawn: nine rows, seven of them -30 between the two -20 rows. An 8x8
     * input padded by 1 gives 8 rows, so the correct result has six -30 rows.
     */
    static final float[][] NOTES_PADDED_AS_DRAWN = padded(7);
    /** The padded result with the notes' rows and the correct height. */
    static final float[][] PADDED_EXPECTED = padded(6);

    /** The two edge maps, [rows][columns]. */
    public record Values(float[][] unpadded, float[][] padded) {}

    @Override
    public String name() {
        return "edge-convolution";
    }

    @Override
    public String title() {
        return "vertical-edge convolution of an 8x8 image, without and with padding";
    }

    @Override
    public String source() {
        return "seeds/000, \"Digital filters and convolution\" and \"Padding\"";
    }

    /** 8x8, columns 0-3 are 10 and columns 4-7 are 0, as [1, 1, 8, 8]. */
    public static Tensor image() {
        float[] data = new float[64];
        for (int r = 0; r < 8; r++) for (int c = 0; c < 4; c++) data[r * 8 + c] = 10f;
        return Tensor.of(data, 1, 1, 8, 8);
    }

    /** Conv2d(1, 1, 3) without bias, weights [[1, 0, -1], [1, 0, -1], [1, 0, -1]]. */
    public static Conv2d verticalEdge(int padding) {
        Conv2d conv = Conv2d.builder(1, 1, 3).padding(padding).bias(false).build();
        try (var noGrad = Autograd.noGrad()) {
            conv.weight().copyInPlace(Tensor.of(new float[] {1, 0, -1, 1, 0, -1, 1, 0, -1}, 1, 1, 3, 3));
        }
        return conv;
    }

    /** Both edge maps. */
    public static Values compute() {
        try (var noGrad = Autograd.noGrad()) {
            return new Values(rows(verticalEdge(0).forward(image())), rows(verticalEdge(1).forward(image())));
        }
    }

    @Override
    public Report<Values> run(PrintStream out) {
        Values v = compute();
        out.println("  input (8x8) * kernel [1 0 -1; 1 0 -1; 1 0 -1], no padding -> "
                + v.unpadded().length + "x" + v.unpadded()[0].length + ":");
        print(out, v.unpadded());
        out.println("  with padding 1 -> " + v.padded().length + "x" + v.padded()[0].length + ":");
        print(out, v.padded());
        return new Report<>(name(), v, List.of(
                new Check("no padding", "6x6, every row 0 0 30 30 0 0", describe(v.unpadded()),
                        Arrays.deepEquals(v.unpadded(), NOTES_UNPADDED)),
                new Check("padding 1", "rows -20 0 0 20 20 0 0 0, then -30 0 0 30 30 0 0 0, last -20 ...; drawn with "
                        + NOTES_PADDED_AS_DRAWN.length + " rows (7 of -30), but 8 + 2 - 3 + 1 = 8",
                        describe(v.padded()) + ": the notes' rows, 6 of -30",
                        Arrays.deepEquals(v.padded(), PADDED_EXPECTED))));
    }

    private static String describe(float[][] map) {
        return map.length + "x" + map[0].length + ", rows " + Arrays.toString(map[0]).replace(".0", "")
                + (map.length > 1 ? " ... " + Arrays.toString(map[map.length - 1]).replace(".0", "") : "");
    }

    private static void print(PrintStream out, float[][] map) {
        for (float[] row : map) {
            StringBuilder line = new StringBuilder("   ");
            for (float x : row) line.append(String.format(Locale.ROOT, "%5.0f", x));
            out.println(line);
        }
    }

    private static float[][] rows(Tensor y) {
        int h = y.shape().size(2), w = y.shape().size(3);
        float[] data = y.toFloatArray();
        float[][] map = new float[h][];
        for (int r = 0; r < h; r++) map[r] = Arrays.copyOfRange(data, r * w, (r + 1) * w);
        return map;
    }

    private static float[][] repeat(float[] row, int times) {
        float[][] map = new float[times][];
        for (int r = 0; r < times; r++) map[r] = row.clone();
        return map;
    }

    /** -20 0 0 20 20 0 0 0, {@code inner} rows of -30 0 0 30 30 0 0 0, -20 0 0 20 20 0 0 0. */
    private static float[][] padded(int inner) {
        float[][] map = repeat(new float[] {-30, 0, 0, 30, 30, 0, 0, 0}, inner + 2);
        map[0] = new float[] {-20, 0, 0, 20, 20, 0, 0, 0};
        map[inner + 1] = map[0].clone();
        return map;
    }
}
