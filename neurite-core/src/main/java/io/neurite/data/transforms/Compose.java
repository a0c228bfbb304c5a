package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;
import java.util.List;
import java.util.stream.Collectors;

/** Applies transforms one after the other, all drawing from the same generator (torchvision's Compose). */
public final class Compose implements Transform {

    private final List<Transform> transforms;

    public Compose(Transform... transforms) {
        this(List.of(transforms));
    }

    public Compose(List<Transform> transforms) {
        for (int i = 0; i < transforms.size(); i++) {
            if (transforms.get(i) == null) {
                throw new IllegalArgumentException("Compose: transform " + i + " is null");
            }
        }
        this.transforms = List.copyOf(transforms);
    }

    public List<Transform> transforms() {
        return transforms;
    }

    @Override
    public Tensor apply(Tensor image, Generator g) {
        Tensor out = image;
        for (Transform t : transforms) out = t.apply(out, g);
        return out;
    }

    @Override
    public String toString() {
        return transforms.stream().map(Object::toString).collect(Collectors.joining(", ", "Compose(", ")"));
    }
}
