package io.neurite.data.transforms;

import io.neurite.tensor.Generator;
import io.neurite.tensor.Tensor;

/**
 * A transform of one image tensor {@code C x H x W} (float32), as torchvision's transforms.
 *
 * <p>All randomness comes from the {@link Generator} given to {@link #apply}: a loader worker that
 * passes its own seeded stream gets the same augmented samples on every run. Deterministic
 * transforms ignore it. Transforms never modify their input; they return a new tensor (or the input
 * itself when nothing changes).
 *
 * <pre>{@code
 * Transform t = new Compose(new RandomCrop(28, 4), new RandomHorizontalFlip(0.5), new Normalize(0.5f, 0.5f));
 * Tensor augmented = t.apply(image, new Generator(42));
 * }</pre>
 */
@FunctionalInterface
public interface Transform {

    /** The transformed image; random choices draw from {@code g} only. */
    Tensor apply(Tensor image, Generator g);

    /** This transform, then {@code next}. */
    default Transform andThen(Transform next) {
        return new Compose(this, next);
    }
}
