package io.neurite.data.io;

import io.neurite.tensor.Tensor;
import java.util.List;

/**
 * A numeric table read by {@link CsvReader}.
 *
 * @param features     float32 {@code [rows, columns]} (the label column left out)
 * @param labels       int32 {@code [rows]}, or {@code null} when no label column was chosen
 * @param featureNames the header's names of the feature columns ({@code "column 1"}... without a header)
 * @param classes      class names, index = label: the label column's distinct values in sorted order (its
 *                     integers {@code 0..max} when they all are non-negative integers); empty without labels
 */
public record CsvData(Tensor features, Tensor labels, List<String> featureNames, List<String> classes) {

    public CsvData {
        featureNames = List.copyOf(featureNames);
        classes = List.copyOf(classes);
    }

    public int rows() {
        return features.size(0);
    }
}
