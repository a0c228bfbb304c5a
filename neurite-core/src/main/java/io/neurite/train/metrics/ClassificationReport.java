package io.neurite.train.metrics;

import java.util.Locale;

/**
 * The per-class text report of {@code sklearn.metrics.classification_report}: precision, recall, F1 and support
 * of each class, then accuracy and the macro and weighted averages. Unlike scikit-learn's default it lists every
 * class of the matrix, a class seen in neither targets nor predictions as zeros with support 0 (the averages
 * still leave it out, see {@link Average}).
 */
final class ClassificationReport {

    private ClassificationReport() {}

    /** The report with scores to {@code digits} decimals, laid out as scikit-learn's. */
    static String format(Confusion c, int digits) {
        if (digits < 0) {
            throw new IllegalArgumentException("classification report: expected digits >= 0, got digits=" + digits);
        }
        int width = Math.max("weighted avg".length(), digits);
        for (String name : c.classNames()) width = Math.max(width, name.length());
        StringBuilder sb = new StringBuilder();
        sb.append(" ".repeat(width + 1));
        for (String h : new String[] {"precision", "recall", "f1-score", "support"}) sb.append(pad(h));
        sb.append("\n\n");
        double[] p = c.precision();
        double[] r = c.recall();
        double[] f = c.f1();
        for (int i = 0; i < c.numClasses(); i++) {
            row(sb, width, c.classNames().get(i), p[i], r[i], f[i], c.support(i), digits);
        }
        sb.append('\n');
        sb.append(left(width, "accuracy")).append(pad("")).append(pad(""))
                .append(pad(number(c.accuracy(), digits))).append(pad(Long.toString(c.total()))).append('\n');
        row(sb, width, "macro avg", c.precision(Average.MACRO), c.recall(Average.MACRO), c.f1(Average.MACRO),
                c.total(), digits);
        row(sb, width, "weighted avg", c.precision(Average.WEIGHTED), c.recall(Average.WEIGHTED),
                c.f1(Average.WEIGHTED), c.total(), digits);
        return sb.toString();
    }

    private static void row(StringBuilder sb, int width, String name, double p, double r, double f, long support,
            int digits) {
        sb.append(left(width, name)).append(pad(number(p, digits))).append(pad(number(r, digits)))
                .append(pad(number(f, digits))).append(pad(Long.toString(support))).append('\n');
    }

    /** The name right-aligned in the first column and its trailing space, as Python's "{:>{width}s} ". */
    private static String left(int width, String name) {
        return " ".repeat(width - name.length()) + name + " ";
    }

    /** One more column: a space and the text right-aligned in 9, as Python's " {:>9}". */
    private static String pad(String text) {
        return " " + " ".repeat(Math.max(0, 9 - text.length())) + text;
    }

    private static String number(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
