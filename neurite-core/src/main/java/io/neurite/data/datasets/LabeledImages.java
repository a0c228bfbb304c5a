package io.neurite.data.datasets;

import io.neurite.tensor.DType;
import io.neurite.data.Dataset;
import io.neurite.data.Sample;
import io.neurite.tensor.Tensor;
import java.util.List;

/**
 * Images with one class label each, held in memory: what the MNIST-family datasets load.
 *
 * <p>Shapes: {@code images} float32 {@code [N, C, H, W]}, {@code labels} int32 {@code [N]} with values
 * in {@code 0..classes.size()-1}.
 */
public final class LabeledImages implements Dataset<Sample> {

    private final Tensor images;
    private final Tensor labels;
    private final int[] labelValues;
    private final List<String> classes;

    public LabeledImages(Tensor images, Tensor labels, List<String> classes) {
        if (images.dim() != 4 || !images.isFloat()) {
            throw new IllegalArgumentException("LabeledImages: expected float images [N, C, H, W], got "
                    + images.dtype() + " " + images.shape());
        }
        if (labels.dim() != 1 || labels.dtype() != DType.INT32 || labels.size(0) != images.size(0)) {
            throw new IllegalArgumentException("LabeledImages: expected int32 labels [" + images.size(0)
                    + "] (one per image), got " + labels.dtype() + " " + labels.shape());
        }
        this.labelValues = labels.toIntArray();
        for (int i = 0; i < labelValues.length; i++) {
            if (labelValues[i] < 0 || labelValues[i] >= classes.size()) {
                throw new IllegalArgumentException("LabeledImages: label " + i + " is " + labelValues[i]
                        + ", expected 0.." + (classes.size() - 1) + " for " + classes.size() + " classes");
            }
        }
        this.images = images;
        this.labels = labels;
        this.classes = List.copyOf(classes);
    }

    /** float32 {@code [N, C, H, W]}. */
    public Tensor images() {
        return images;
    }

    /** int32 {@code [N]}. */
    public Tensor labels() {
        return labels;
    }

    /** Class names, index = label. */
    public List<String> classes() {
        return classes;
    }

    @Override
    public int size() {
        return labelValues.length;
    }

    /** Image {@code index} with its label as a 0-dimensional int32 tensor. */
    @Override
    public Sample get(int index) {
        return new Sample(image(index), Tensor.ofInts(new int[] {label(index)}));
    }

    /** Image {@code i} as a view {@code [C, H, W]}. */
    public Tensor image(int i) {
        return images.select(0, i);
    }

    public int label(int i) {
        return labelValues[i];
    }

    /** How many images each class has, index = label. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int label : labelValues) counts[label]++;
        return counts;
    }

    @Override
    public String toString() {
        return "LabeledImages(images=" + images.shape() + ", classes=" + classes.size() + ")";
    }
}
