package io.neurite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.DType;
import io.neurite.tensor.Generator;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    /** Inputs [6, 2] with row i = (10i, 10i + 1); labels i % 3. */
    static TensorDataset rows(int n) {
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = 10 * i;
            x[2 * i + 1] = 10 * i + 1;
            y[i] = i % 3;
        }
        return new TensorDataset(Tensor.of(x, n, 2), Tensor.ofInts(y, n));
    }

    @Test
    void tensorDatasetReturnsRows() {
        TensorDataset d = rows(6);
        assertEquals(6, d.size());
        Sample s = d.get(4);
        assertArrayEquals(new float[] {40, 41}, s.input().toFloatArray());
        assertEquals(0, s.target().dim());
        assertEquals(DType.INT32, s.target().dtype());
        assertArrayEquals(new int[] {1}, s.target().toIntArray());
    }

    @Test
    void tensorDatasetRejectsMismatchedSizesAndBadIndices() {
        var e = assertThrows(ShapeException.class, () -> new TensorDataset(Tensor.zeros(4, 2), Tensor.zeros(3)));
        assertTrue(e.getMessage().contains("TensorDataset") && e.getMessage().contains("[4, 2]")
                && e.getMessage().contains("[3]"), e.getMessage());
        var i = assertThrows(IndexOutOfBoundsException.class, () -> rows(6).get(6));
        assertTrue(i.getMessage().contains("TensorDataset.get: index 6") && i.getMessage().contains("size 6"),
                i.getMessage());
    }

    @Test
    void subsetReadsTheGivenIndices() {
        Subset<Sample> s = new Subset<>(rows(6), 5, 0, 3);
        assertEquals(3, s.size());
        assertArrayEquals(new float[] {50, 51}, s.get(0).input().toFloatArray());
        assertArrayEquals(new float[] {30, 31}, s.get(2).input().toFloatArray());
        var e = assertThrows(IndexOutOfBoundsException.class, () -> new Subset<>(rows(6), 1, 6));
        assertTrue(e.getMessage().contains("index 6 (at position 1)"), e.getMessage());
    }

    @Test
    void concatDatasetChainsDatasetsSkippingEmptyOnes() {
        Dataset<Sample> empty = new Subset<>(rows(2));
        ConcatDataset<Sample> c = new ConcatDataset<>(rows(2), empty, new Subset<>(rows(6), 4, 5), empty);
        assertEquals(4, c.size());
        float[] firsts = new float[4];
        for (int i = 0; i < 4; i++) firsts[i] = c.get(i).input().toFloatArray()[0];
        assertArrayEquals(new float[] {0, 10, 40, 50}, firsts);
        assertThrows(IndexOutOfBoundsException.class, () -> c.get(4));
    }

    @Test
    void mapAppliesTheFunctionOnAccess() {
        Dataset<Float> sums = rows(3).map(s -> s.input().sum().item());
        assertEquals(3, sums.size());
        assertEquals(41f, sums.get(2));
    }

    @Test
    void mapRandomDrawsFromTheGivenGenerator() {
        Dataset<Float> noisy = rows(3).mapRandom((s, g) -> s.input().toFloatArray()[0] + g.nextFloat());
        float a = noisy.get(1, new Generator(5));
        assertEquals(a, noisy.get(1, new Generator(5)), "same generator, same augmentation");
        assertNotEquals(a, noisy.get(1, new Generator(6)));
        assertEquals(10, a, 1);
        Subset<Float> sub = new Subset<>(noisy, 1);
        assertEquals(a, sub.get(0, new Generator(5)), "Subset passes the generator on");
        assertEquals(a, new ConcatDataset<>(List.of(noisy)).get(1, new Generator(5)), "ConcatDataset too");
    }
}
