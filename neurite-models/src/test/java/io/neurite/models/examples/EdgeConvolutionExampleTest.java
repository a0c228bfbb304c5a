package io.neurite.models.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The notes' vertical-edge convolution (seeds/000): an 8x8 half-bright image, kernel rows [1, 0, -1]. */
class EdgeConvolutionExampleTest {

    @Test
    void withoutPaddingGivesTheNotesSixBySix() {
        float[][] y = EdgeConvolutionExample.compute().unpadded();
        float[] row = {0, 0, 30, 30, 0, 0};
        assertEquals(6, y.length);
        for (float[] r : y) assertArrayEquals(row, r, 0f);
    }

    @Test
    void withPaddingGivesTheNotesRowsOnEightRows() {
        // The notes' padded result: -20 in the top and bottom rows, -30 down the left border, 20/30 at the edge.
        // (The notes draw seven rows of -30 between the -20 rows; an 8x8 output has six.)
        float[][] y = EdgeConvolutionExample.compute().padded();
        float[] border = {-20, 0, 0, 20, 20, 0, 0, 0};
        float[] inner = {-30, 0, 0, 30, 30, 0, 0, 0};
        assertEquals(8, y.length);
        for (int r = 0; r < 8; r++) assertArrayEquals(r == 0 || r == 7 ? border : inner, y[r], 0f, "row " + r);
    }

    @Test
    void reportsAgreementAndTheNotesExtraRow() {
        Printed<EdgeConvolutionExample.Values> run = Printed.run(new EdgeConvolutionExample());
        assertTrue(run.report().agrees(), run.report().checks().toString());
        assertEquals(9, EdgeConvolutionExample.NOTES_PADDED_AS_DRAWN.length);
        String padded = run.report().checks().get(1).notes();
        assertTrue(padded.contains("drawn with 9 rows"), padded);
        assertTrue(run.text().contains("with padding 1 -> 8x8"), run.text());
    }
}
