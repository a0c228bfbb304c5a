package io.neurite.train.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable confusion matrix with the scores derived from it. Rows are the true class, columns the predicted
 * class, as {@code sklearn.metrics.confusion_matrix}: {@code count(i, j)} samples of class i were predicted j.
 *
 * <p>Zero division, as scikit-learn's {@code zero_division} default: a precision whose class was never
 * predicted (TP + FP = 0), a recall whose class never occurs in the targets (TP + FN = 0), and an F1 with
 * 2TP + FP + FN = 0 are 0.
 */
public final class Confusion {

    private final long[][] counts;
    private final List<String> classNames;

    /** A matrix of {@code counts[true][predicted]} (copied), with one name per class. */
    public Confusion(long[][] counts, List<String> classNames) {
        int c = counts.length;
        if (classNames.size() != c) {
            throw new IllegalArgumentException("Confusion: expected " + c + " class names, got " + classNames.size()
                    + " " + classNames);
        }
        this.counts = new long[c][];
        for (int i = 0; i < c; i++) {
            if (counts[i].length != c) {
                throw new IllegalArgumentException("Confusion: expected a square " + c + "x" + c + " matrix, row " + i
                        + " has " + counts[i].length + " entries");
            }
            this.counts[i] = counts[i].clone();
        }
        this.classNames = List.copyOf(classNames);
    }

    /** The number of classes. */
    public int numClasses() {
        return counts.length;
    }

    /** The class names, "0", "1", ... unless given. */
    public List<String> classNames() {
        return classNames;
    }

    /** Samples of true class {@code actual} predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** A copy of the counts, {@code [true][predicted]}. */
    public long[][] toArray() {
        long[][] out = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) out[i] = counts[i].clone();
        return out;
    }

    /** All samples counted. */
    public long total() {
        long n = 0;
        for (long[] row : counts) for (long v : row) n += v;
        return n;
    }

    /** True positives of class c: the diagonal entry. */
    public long truePositives(int c) {
        return counts[c][c];
    }

    /** The number of samples whose true class is c (row sum). */
    public long support(int c) {
        long n = 0;
        for (long v : counts[c]) n += v;
        return n;
    }

    /** The number of samples predicted as c (column sum). */
    public long predicted(int c) {
        long n = 0;
        for (long[] row : counts) n += row[c];
        return n;
    }

    /** The fraction on the diagonal. */
    public double accuracy() {
        long diag = 0;
        for (int c = 0; c < counts.length; c++) diag += counts[c][c];
        return ratio(diag, total());
    }

    /** Per class TP / (TP + FP); 0 for a class never predicted. */
    public double[] precision() {
        double[] out = new double[counts.length];
        for (int c = 0; c < out.length; c++) out[c] = ratio(truePositives(c), predicted(c));
        return out;
    }

    /** Per class TP / (TP + FN); 0 for a class absent from the targets. */
    public double[] recall() {
        double[] out = new double[counts.length];
        for (int c = 0; c < out.length; c++) out[c] = ratio(truePositives(c), support(c));
        return out;
    }

    /** Per class 2TP / (2TP + FP + FN), the harmonic mean of precision and recall; 0 when the denominator is. */
    public double[] f1() {
        double[] out = new double[counts.length];
        for (int c = 0; c < out.length; c++) {
            long tp = truePositives(c);
            out[c] = ratio(2 * tp, support(c) + predicted(c));
        }
        return out;
    }

    /** Precision averaged as {@code average}. */
    public double precision(Average average) {
        return average == Average.MICRO ? accuracy() : average("precision", precision(), average);
    }

    /** Recall averaged as {@code average}. */
    public double recall(Average average) {
        return average == Average.MICRO ? accuracy() : average("recall", recall(), average);
    }

    /** F1 averaged as {@code average} (the mean of per-class F1, not the F1 of averaged precision and recall). */
    public double f1(Average average) {
        return average == Average.MICRO ? accuracy() : average("f1", f1(), average);
    }

    private double average(String op, double[] perClass, Average average) {
        if (average == Average.BINARY) {
            if (counts.length != 2) {
                throw new IllegalArgumentException(op + ": Average.BINARY needs exactly 2 classes, got "
                        + counts.length + "; hint: use Average.MACRO or WEIGHTED for multiclass");
            }
            return perClass[1];
        }
        double sum = 0;
        double weights = 0;
        for (int c = 0; c < perClass.length; c++) {
            long support = support(c);
            if (support + predicted(c) == 0) continue;
            double w = average == Average.WEIGHTED ? support : 1;
            sum += w * perClass[c];
            weights += w;
        }
        return weights == 0 ? 0 : sum / weights;
    }

    /**
     * The per-class report of {@code sklearn.metrics.classification_report} (precision, recall, F1, support, then
     * accuracy and the macro and weighted averages), scores to {@code digits} decimals; every class is listed.
     */
    public String report(int digits) {
        return ClassificationReport.format(this, digits);
    }

    private static double ratio(long num, long den) {
        return den == 0 ? 0 : (double) num / den;
    }

    /**
     * The matrix as a table, true classes down, predicted across:
     * <pre>
     * true\pred  cat  dog
     *       cat    5    1
     *       dog    0    4
     * </pre>
     */
    @Override
    public String toString() {
        List<String> header = new ArrayList<>();
        header.add("true\\pred");
        header.addAll(classNames);
        int[] width = new int[header.size()];
        for (int j = 0; j < width.length; j++) width[j] = header.get(j).length();
        for (int i = 0; i < counts.length; i++) {
            width[0] = Math.max(width[0], classNames.get(i).length());
            for (int j = 0; j < counts.length; j++) {
                width[j + 1] = Math.max(width[j + 1], Long.toString(counts[i][j]).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        row(sb, header, width);
        for (int i = 0; i < counts.length; i++) {
            List<String> cells = new ArrayList<>();
            cells.add(classNames.get(i));
            for (long v : counts[i]) cells.add(Long.toString(v));
            sb.append('\n');
            row(sb, cells, width);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, List<String> cells, int[] width) {
        for (int j = 0; j < cells.size(); j++) {
            if (j > 0) sb.append("  ");
            sb.append(" ".repeat(width[j] - cells.get(j).length())).append(cells.get(j));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Confusion other && Arrays.deepEquals(counts, other.counts)
                && classNames.equals(other.classNames);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts) * 31 + classNames.hashCode();
    }
}
