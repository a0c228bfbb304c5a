package io.neurite.data.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.neurite.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabeledImagesTest {

    private static final List<String> AB = List.of("a", "b");

    @Test
    void accessorsAndCounts() {
        Tensor images = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 1, 1, 2);
        LabeledImages d = new LabeledImages(images, Tensor.ofInts(new int[] {1, 0, 1}, 3), AB);
        assertEquals(3, d.size());
        assertEquals(1, d.label(2));
        assertArrayEquals(new float[] {3, 4}, d.image(1).toFloatArray());
        assertArrayEquals(new int[] {1, 2}, d.classCounts());
    }

    @Test
    void misuseNamesShapesAndValues() {
        Tensor images = Tensor.zeros(2, 1, 2, 2);
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> new LabeledImages(Tensor.zeros(2, 4), Tensor.ofInts(new int[] {0, 1}, 2), AB));
        assertEquals("LabeledImages: expected float images [N, C, H, W], got FLOAT32 [2, 4]", rank.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> new LabeledImages(images, Tensor.ofInts(new int[] {0, 1, 1}, 3), AB));
        assertEquals("LabeledImages: expected int32 labels [2] (one per image), got INT32 [3]", count.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> new LabeledImages(images, Tensor.ofInts(new int[] {0, 2}, 2), AB));
        assertEquals("LabeledImages: label 1 is 2, expected 0..1 for 2 classes", range.getMessage());
    }
}
