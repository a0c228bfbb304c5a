package io.neurite.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The main misuse cases fail with a message naming the operation and the shapes involved. */
class ErrorMessagesTest {

    private static String message(Class<? extends Throwable> type, Executable call) {
        return assertThrows(type, call).getMessage();
    }

    @Test
    void broadcastMismatchNamesOpBothShapesAndTheRule() {
        var e = assertThrows(ShapeException.class, () -> Tensor.zeros(2, 3).add(Tensor.zeros(4)));
        assertTrue(e.getMessage().startsWith("add: shapes [2, 3] and [4] cannot be broadcast"), e.getMessage());
        assertEquals(List.of(Shape.of(2, 3), Shape.of(4)), e.shapes());
        assertTrue(message(ShapeException.class, () -> Tensor.zeros(3, 1).mul(Tensor.zeros(2, 2)))
                .startsWith("mul: shapes [3, 1] and [2, 2]"));
    }

    @Test
    void badReshapeNamesTheTargetAndTheInput() {
        String m = message(ShapeException.class, () -> Tensor.zeros(2, 3).reshape(4, 2));
        assertEquals("reshape: shape [4, 2] is invalid for input of shape [2, 3] (6 elements vs 8)", m);
        assertTrue(message(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).view(-1, -1))
                .contains("only one dimension can be inferred"));
        assertTrue(message(IllegalArgumentException.class, () -> Tensor.zeros(4, 6).t().view(24))
                .contains("hint: use reshape()"));
    }

    @Test
    void badDimensionNamesTheRange() {
        String m = message(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).sum(2));
        assertEquals("sum: dimension 2 is out of range for shape [2, 3] (expected a dimension in [-2, 1])", m);
        assertTrue(message(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).transpose(0, -3))
                .startsWith("transpose: dimension -3 is out of range for shape [2, 3]"));
        assertTrue(message(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).permute(0, 0))
                .contains("repeats"));
        assertTrue(message(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).select(1, 3))
                .startsWith("select: index 3 is out of range for dimension 1 of size 3"));
    }

    @Test
    void misuseOfDataAndDtypes() {
        assertEquals("Tensor.of: 5 values cannot fill shape [2, 3] (6 elements)",
                message(ShapeException.class, () -> Tensor.of(new float[5], 2, 3)));
        assertTrue(message(ShapeException.class, () -> Tensor.zeros(2).item()).startsWith("item: expected a tensor"
                + " with one element, got shape [2]"));
        assertTrue(message(IllegalArgumentException.class, () -> Tensor.ofInts(new int[] {1, 2}, 2).exp())
                .startsWith("exp: expected a float32 tensor, got int32"));
        assertTrue(message(IllegalArgumentException.class, () -> Tensor.zeros(3).expand(2, 3).fillInPlace(1f))
                .startsWith("fillInPlace: the tensor of shape [2, 3] is an expanded view"));
        assertTrue(message(ShapeException.class, () -> Tensor.zeros(2).mulInPlace(Tensor.zeros(3, 2)))
                .startsWith("mulInPlace"));
    }
}
