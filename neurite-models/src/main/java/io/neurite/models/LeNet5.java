package io.neurite.models;

import io.neurite.nn.Conv2d;
import io.neurite.nn.Flatten;
import io.neurite.nn.Layer;
import io.neurite.nn.Linear;
import io.neurite.nn.MaxPool2d;
import io.neurite.nn.ReLU;
import io.neurite.nn.Sequential;
import io.neurite.tensor.Tensor;

/**
 * LeNet-5 (LeCun et al. 1998), the notes' exercise: conv-pool-conv-pool-fc-fc-fc.
 *
 * <pre>
 * features:   Conv2d(C, 6, 5, padding p) ReLU MaxPool2d(2)      28x28 (p = 2) or 32x32 (p = 0) -> 6x14x14
 *             Conv2d(6, 16, 5)           ReLU MaxPool2d(2)      -> 16x5x5
 * classifier: Flatten Linear(400, 120) ReLU Linear(120, 84) ReLU Linear(84, K)
 * </pre>
 *
 * The 1998 network used tanh-like squashing and trainable average sub-sampling; this one uses ReLU and
 * max pooling, the usual modern choice, which trains faster and reaches higher accuracy. For 28x28 inputs
 * (MNIST, Fashion-MNIST) the first convolution pads by 2, so the rest of the network sees the paper's
 * 32x32 geometry. Parameters for one input channel and 10 classes: 156 + 2416 + 48120 + 10164 + 850 = 61706.
 */
public final class LeNet5 extends Layer {

    /** Parameters of {@code new LeNet5()}: 1 channel, 28x28, 10 classes. */
    public static final long PARAMETERS_28X28 = 61_706;

    private final Sequential features;
    private final Sequential classifier;

    /** Grayscale 28x28 inputs, 10 classes (Fashion-MNIST, MNIST). */
    public LeNet5() {
        this(1, 28, 10);
    }

    /** {@code imageSize} is 28 (first convolution pads by 2) or 32 (no padding, as in the paper). */
    public LeNet5(int inChannels, int imageSize, int numClasses) {
        if (imageSize != 28 && imageSize != 32) {
            throw new IllegalArgumentException("LeNet5: expected an image size of 28 or 32, got " + imageSize
                    + "; hint: resize the images, the fully connected part expects 16x5x5 features");
        }
        if (inChannels < 1 || numClasses < 1) {
            throw new IllegalArgumentException("LeNet5: expected inChannels >= 1 and numClasses >= 1, got "
                    + inChannels + " and " + numClasses);
        }
        features = register("features", new Sequential(
                Conv2d.builder(inChannels, 6, 5).padding(imageSize == 28 ? 2 : 0).build(), new ReLU(), new MaxPool2d(2),
                new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2)));
        classifier = register("classifier", new Sequential(
                new Flatten(), new Linear(16 * 5 * 5, 120), new ReLU(), new Linear(120, 84), new ReLU(),
                new Linear(84, numClasses)));
    }

    @Override
    public Tensor forward(Tensor input) {
        requireRank(input, 4);
        return classifier.forward(features.forward(input));
    }
}
