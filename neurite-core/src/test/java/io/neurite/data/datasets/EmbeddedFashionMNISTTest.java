package io.neurite.data.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neurite.tensor.DType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EmbeddedFashionMNISTTest {

    /** Sum of the raw bytes of an image, to compare with the script's output (Python, the Debian files). */
    private static long byteSum(float[] pixels, int from, int count) {
        long sum = 0;
        for (int i = from; i < from + count; i++) sum += Math.round(pixels[i] * 255f);
        return sum;
    }

    @Test
    void trainSetShapesLabelsAndBalance() {
        LabeledImages train = EmbeddedFashionMNIST.train();
        assertArrayEquals(new int[] {1800, 1, 28, 28}, train.images().shape().dims());
        assertEquals(DType.INT32, train.labels().dtype());
        assertEquals(FashionMNIST.CLASSES, train.classes());
        int[] balanced = new int[10];
        Arrays.fill(balanced, 180);
        assertArrayEquals(balanced, train.classCounts());
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5, 0, 9},
                Arrays.copyOf(train.labels().toIntArray(), 12));
        float[] px = train.images().toFloatArray();
        assertEquals(76247, byteSum(px, 0, 784));
        assertEquals(97022, byteSum(px, px.length - 784, 784));
        assertEquals(103006159L, byteSum(px, 0, px.length));
        assertEquals(4, train.label(1799));
    }

    @Test
    void testSetShapesLabelsAndBalance() {
        LabeledImages test = EmbeddedFashionMNIST.test();
        assertArrayEquals(new int[] {400, 1, 28, 28}, test.images().shape().dims());
        int[] balanced = new int[10];
        Arrays.fill(balanced, 40);
        assertArrayEquals(balanced, test.classCounts());
        assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7, 4, 5},
                Arrays.copyOf(test.labels().toIntArray(), 12));
        float[] px = test.images().toFloatArray();
        assertEquals(33456, byteSum(px, 0, 784));
        assertEquals(23129357L, byteSum(px, 0, px.length));
        assertArrayEquals(new int[] {1, 28, 28}, test.image(3).shape().dims());
        assertEquals(5, test.label(399));
    }
}
