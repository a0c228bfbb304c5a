package io.neurite.cli.train;

import io.neurite.data.Batch;
import io.neurite.data.BatchIterator;
import io.neurite.data.DataLoader;
import io.neurite.data.Dataset;
import io.neurite.data.Sample;
import io.neurite.nn.F;
import io.neurite.nn.Layer;
import io.neurite.nn.loss.Reduction;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import io.neurite.train.metrics.Average;
import io.neurite.train.metrics.Confusion;
import io.neurite.train.metrics.ConfusionMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A classifier's results on a test set: the mean cross-entropy and the confusion matrix (rows true, columns
 * predicted), from which accuracy and per-class precision, recall and F1 follow.
 *
 * @param loss      mean cross-entropy per sample
 * @param confusion the counts of (true, predicted) classes
 */
public record Evaluation(double loss, Confusion confusion) {

    /** Test batches are this large, in train and eval alike, so both compute exactly the same logits. */
    public static final int BATCH_SIZE = 256;

    /** Runs {@code model} in eval mode without recording gradients over {@code data} (inputs already normalized). */
    public static Evaluation of(Layer model, Dataset<Sample> data, List<String> classes) {
        model.eval();
        ConfusionMatrix matrix = new ConfusionMatrix(classes);
        double lossSum = 0;
        DataLoader<Sample, Batch> loader = DataLoader.builder(data).batchSize(BATCH_SIZE).seed(0).build();
        try (var noGrad = Autograd.noGrad(); BatchIterator<Batch> it = loader.iterator()) {
            while (it.hasNext()) {
                Batch b = it.next();
                Tensor logits = model.forward(b.inputs());
                lossSum += F.crossEntropy(logits, b.targets(), Reduction.SUM).item();
                matrix.update(logits, b.targets());
            }
        }
        Confusion c = matrix.compute();
        return new Evaluation(lossSum / c.total(), c);
    }

    public double accuracy() {
        return confusion.accuracy();
    }

    /** The results as JSON values: accuracy, loss, macro averages, per-class scores, the matrix. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accuracy", accuracy());
        out.put("loss", loss);
        out.put("samples", confusion.total());
        out.put("macro_precision", confusion.precision(Average.MACRO));
        out.put("macro_recall", confusion.recall(Average.MACRO));
        out.put("macro_f1", confusion.f1(Average.MACRO));
        double[] p = confusion.precision(), r = confusion.recall(), f = confusion.f1();
        List<Object> perClass = new ArrayList<>();
        for (int i = 0; i < confusion.numClasses(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("class", confusion.classNames().get(i));
            row.put("precision", p[i]);
            row.put("recall", r[i]);
            row.put("f1", f[i]);
            row.put("support", confusion.support(i));
            perClass.add(row);
        }
        out.put("per_class", perClass);
        out.put("classes", confusion.classNames());
        List<Object> rows = new ArrayList<>();
        for (long[] row : confusion.toArray()) {
            List<Object> cells = new ArrayList<>();
            for (long v : row) cells.add(v);
            rows.add(cells);
        }
        out.put("confusion_matrix", rows);
        return out;
    }

    /** "test accuracy 0.8912 (8912/10000), loss 0.3021". */
    public String summaryLine(String what) {
        long correct = 0;
        for (int i = 0; i < confusion.numClasses(); i++) correct += confusion.truePositives(i);
        return String.format(Locale.ROOT, "%s accuracy %.4f (%d/%d), loss %.4f", what, accuracy(), correct,
                confusion.total(), loss);
    }

    /** The confusion matrix (rows true, columns predicted) and the per-class report with macro averages. */
    public String details() {
        return "confusion matrix (rows: true class, columns: predicted class)\n" + confusion + "\n\n"
                + confusion.report(4);
    }
}
