package io.neurite.cli.train;

import io.neurite.data.Dataset;
import io.neurite.data.Sample;
import io.neurite.data.datasets.LabeledImages;
import io.neurite.data.transforms.Compose;
import io.neurite.data.transforms.Normalize;
import io.neurite.data.transforms.PaddingMode;
import io.neurite.data.transforms.RandomCrop;
import io.neurite.data.transforms.RandomHorizontalFlip;
import io.neurite.data.transforms.Transform;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to an image between the dataset and the model: optional augmentation (a random 28x28 crop of the
 * image padded by 2 black pixels, i.e. shifts of up to 2 pixels, and for clothes a horizontal flip half of the
 * time), then {@code (x - mean) / std} with the training images' mean and standard deviation.
 *
 * @param mean the mean pixel value of the training images (in [0, 1])
 * @param std  their standard deviation
 */
public record Preprocessing(float mean, float std) {

    /** Pixels of at most this many training images give the mean and std (enough for 3 digits). */
    private static final int STATISTICS_IMAGES = 10_000;
    private static final int CROP_PADDING = 2;

    /** The mean and standard deviation of the pixels of (the first 10000 of) {@code train}. */
    public static Preprocessing of(LabeledImages train) {
        float[] pixels = ImageData.firstImages(train, Math.min(train.size(), STATISTICS_IMAGES)).images()
                .toFloatArray();
        double sum = 0, squares = 0;
        for (float v : pixels) {
            sum += v;
            squares += (double) v * v;
        }
        double mean = sum / pixels.length;
        double variance = Math.max(squares / pixels.length - mean * mean, 0);
        return new Preprocessing((float) mean, (float) Math.max(Math.sqrt(variance), 1e-6));
    }

    /** The normalization alone (evaluation, prediction). */
    public Transform normalize() {
        return new Normalize(mean, std);
    }

    /** The training transform: augmentation when {@code augment}, then the normalization. */
    public Transform training(boolean augment, boolean flip, int height, int width) {
        List<Transform> steps = new ArrayList<>();
        if (augment) {
            steps.add(new RandomCrop(new int[] {height, width}, new int[] {CROP_PADDING}, false, 0f,
                    PaddingMode.CONSTANT));
            if (flip) steps.add(new RandomHorizontalFlip());
        }
        steps.add(normalize());
        return new Compose(steps);
    }

    /** {@code data} with {@code transform} applied to each input, drawing from the loader's per-sample generator. */
    public static Dataset<Sample> transformed(Dataset<Sample> data, Transform transform) {
        return data.mapRandom((s, g) -> new Sample(transform.apply(s.input(), g), s.target()));
    }
}
