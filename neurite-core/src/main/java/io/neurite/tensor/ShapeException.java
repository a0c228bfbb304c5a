package io.neurite.tensor;

import java.util.List;

/** A bad argument whose problem is the shape of one or more tensors; carries those shapes. */
public class ShapeException extends IllegalArgumentException {

    private final List<Shape> shapes;

    public ShapeException(String message, Shape... shapes) {
        super(message);
        this.shapes = List.of(shapes);
    }

    /** The shapes involved, in the order the operation received them. */
    public List<Shape> shapes() {
        return shapes;
    }
}
