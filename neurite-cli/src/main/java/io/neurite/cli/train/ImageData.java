package io.neurite.cli.train;

import io.neurite.data.datasets.LabeledImages;
import io.neurite.tensor.Tensor;
import java.util.List;

/**
 * The images a command trains or tests on, in memory: float32 {@code [N, 1, 28, 28]} in [0, 1] with int32
 * labels, a training and a test part sharing one list of class names.
 *
 * @param name     the dataset as given to {@code --dataset} ("fashion-mnist", "csv:train.csv", ...)
 * @param train    the training images (validation is split from these)
 * @param test     the test images
 * @param flipSafe whether a horizontal flip keeps an image's class (clothes: yes; digits: no)
 */
public record ImageData(String name, LabeledImages train, LabeledImages test, boolean flipSafe) {

    public List<String> classes() {
        return train.classes();
    }

    /** The first {@code n} training images (all of them when {@code n} is 0 or at least their count). */
    public ImageData limitTraining(int n) {
        if (n <= 0 || n >= train.size()) return this;
        return new ImageData(name, firstImages(train, n), test, flipSafe);
    }

    static LabeledImages firstImages(LabeledImages d, int n) {
        return new LabeledImages(d.images().narrow(0, 0, n), d.labels().narrow(0, 0, n), d.classes());
    }

    /** The images of {@code d} at {@code indices}, in that order. */
    static LabeledImages select(LabeledImages d, int[] indices) {
        Tensor index = Tensor.ofInts(indices, indices.length);
        return new LabeledImages(d.images().indexSelect(0, index), d.labels().indexSelect(0, index), d.classes());
    }
}
