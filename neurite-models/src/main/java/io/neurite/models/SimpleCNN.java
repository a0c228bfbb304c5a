package io.neurite.models;

import io.neurite.nn.BatchNorm2d;
import io.neurite.nn.Conv2d;
import io.neurite.nn.Dropout;
import io.neurite.nn.Layer;
import io.neurite.nn.Linear;
import io.neurite.nn.ReLU;
import io.neurite.tensor.Tensor;

/**
 * The notes' {@code SimpleCNN} (seeds/000), layer for layer and with the notes' child names:
 *
 * <pre>
 * conv1 Conv2d(C, 32, 3, padding 1)  bn1 BatchNorm2d(32)  relu1 ReLU  dropout1 Dropout(0.5)
 * conv2 Conv2d(32, 64, 3, padding 1) bn2 BatchNorm2d(64)  relu2 ReLU  dropout2 Dropout(0.5)
 * flatten, fc Linear(64 * H * W, K)
 * </pre>
 *
 * The convolutions keep the spatial size (3x3, padding 1) and there is no pooling, so the linear layer
 * takes 64 * H * W features. The notes write {@code Linear(64 * 7 * 7, num_classes)}, which matches 7x7
 * inputs only; for 28x28 images the notes' layers need {@code Linear(64 * 28 * 28, K)}, which is what
 * {@code new SimpleCNN(1, 10, 28, 28)} builds (520,778 parameters, 501,770 of them in {@code fc}; 50,378 for 7x7).
 */
public final class SimpleCNN extends Layer {

    private final Conv2d conv1;
    private final BatchNorm2d bn1;
    private final ReLU relu1;
    private final Dropout dropout1;
    private final Conv2d conv2;
    private final BatchNorm2d bn2;
    private final ReLU relu2;
    private final Dropout dropout2;
    private final Linear fc;
    private final int height;
    private final int width;

    /** The notes' geometry: 7x7 inputs, so {@code fc} is {@code Linear(64 * 7 * 7, numClasses)}. */
    public SimpleCNN(int inputChannels, int numClasses) {
        this(inputChannels, numClasses, 7, 7);
    }

    public SimpleCNN(int inputChannels, int numClasses, int height, int width) {
        if (inputChannels < 1 || numClasses < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("SimpleCNN: expected positive inputChannels, numClasses, height, width, got "
                    + inputChannels + ", " + numClasses + ", " + height + ", " + width);
        }
        this.height = height;
        this.width = width;
        conv1 = register("conv1", Conv2d.builder(inputChannels, 32, 3).stride(1).padding(1).build());
        bn1 = register("bn1", new BatchNorm2d(32));
        relu1 = register("relu1", new ReLU());
        dropout1 = register("dropout1", new Dropout(0.5));
        conv2 = register("conv2", Conv2d.builder(32, 64, 3).stride(1).padding(1).build());
        bn2 = register("bn2", new BatchNorm2d(64));
        relu2 = register("relu2", new ReLU());
        dropout2 = register("dropout2", new Dropout(0.5));
        fc = register("fc", new Linear(64 * height * width, numClasses));
    }

    @Override
    public Tensor forward(Tensor input) {
        requireRank(input, 4);
        if (input.size(2) != height || input.size(3) != width) {
            throw new IllegalArgumentException("SimpleCNN: expected images of " + height + "x" + width + ", got "
                    + input.shape() + "; hint: build it with new SimpleCNN(channels, classes, "
                    + input.size(2) + ", " + input.size(3) + ")");
        }
        Tensor x = dropout1.forward(relu1.forward(bn1.forward(conv1.forward(input))));
        x = dropout2.forward(relu2.forward(bn2.forward(conv2.forward(x))));
        return fc.forward(x.flatten(1, -1));
    }
}
