package io.neurite.data.io;

import io.neurite.tensor.Shape;
import io.neurite.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a CSV file of numbers into a feature matrix and, optionally, a label column.
 *
 * <p>Fields are separated by the delimiter (default {@code ','}); a field may be double-quoted (a quote
 * inside doubled, RFC 4180). Blank lines are skipped. Every feature must parse as a number and every
 * row must have as many fields as the first; otherwise a {@link CsvFormatException} names the line and
 * the column. The label column is chosen by header name or by index (negative counts from the end);
 * its values may be integers (kept as labels) or names (numbered in sorted order, as scikit-learn's
 * {@code LabelEncoder}).
 *
 * <pre>{@code
 * CsvData iris = new CsvReader().withLabelColumn("species").read(Path.of("iris.csv"));
 * Tensor x = iris.features();   // [150, 4]
 * Tensor y = iris.labels();     // int32 [150]
 * }</pre>
 */
public final class CsvReader {

    /** A decimal number, as NumPy's {@code loadtxt} reads it (no type suffix, no hexadecimal). */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?");

    private final char delimiter;
    private final boolean header;
    private final String labelName;
    private final Integer labelIndex;

    /** Comma-separated, with a header line, no label column. */
    public CsvReader() {
        this(',', true, null, null);
    }

    private CsvReader(char delimiter, boolean header, String labelName, Integer labelIndex) {
        this.delimiter = delimiter;
        this.header = header;
        this.labelName = labelName;
        this.labelIndex = labelIndex;
    }

    public CsvReader withDelimiter(char delimiter) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("CsvReader: delimiter " + (int) delimiter
                    + " cannot be a quote or a line break; use ',', ';' or '\\t'");
        }
        return new CsvReader(delimiter, header, labelName, labelIndex);
    }

    /** Whether the first line holds column names (default true). */
    public CsvReader withHeader(boolean hasHeader) {
        return new CsvReader(delimiter, hasHeader, labelName, labelIndex);
    }

    /** The label column by its header name. */
    public CsvReader withLabelColumn(String name) {
        return new CsvReader(delimiter, header, name, null);
    }

    /** The label column by index, 0-based ({@code -1} is the last column). */
    public CsvReader withLabelColumn(int index) {
        return new CsvReader(delimiter, header, null, index);
    }

    public CsvData read(Path path) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            List<String> names = null;
            int width = -1;
            int label = -1;
            float[] values = new float[1024];
            int filled = 0;
            List<String> rawLabels = new ArrayList<>();
            long lineNo = 0;
            int rows = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                List<String> fields = split(line, path, lineNo);
                if (width < 0) {
                    width = fields.size();
                    names = header ? fields : defaultNames(width);
                    label = labelColumn(names, path, lineNo);
                    if (header) continue;
                }
                if (fields.size() != width) {
                    throw new CsvFormatException(path, lineNo, 0, "the row has " + fields.size() + " fields but the "
                            + (header ? "header" : "first row") + " has " + width + " (a ragged row; check the"
                            + " delimiter '" + delimiter + "' and the quoting)");
                }
                rows++;
                int featureCount = label < 0 ? width : width - 1;
                if (filled + featureCount > values.length) {
                    values = Arrays.copyOf(values, Math.max(filled + featureCount, 2 * values.length));
                }
                for (int c = 0; c < width; c++) {
                    String f = fields.get(c).strip();
                    if (c == label) {
                        rawLabels.add(f);
                        continue;
                    }
                    values[filled++] = number(f, path, lineNo, c, names.get(c));
                }
            }
            if (width < 0) throw new CsvFormatException(path, 1, 0, "the file is empty");
            int cols = label < 0 ? width : width - 1;
            List<String> featureNames = new ArrayList<>(names);
            if (label >= 0) featureNames.remove(label);
            Tensor features = Tensor.wrap(Arrays.copyOf(values, rows * cols), Shape.of(rows, cols));
            if (label < 0) return new CsvData(features, null, featureNames, List.of());
            return labelled(features, featureNames, rawLabels);
        }
    }

    private static CsvData labelled(Tensor features, List<String> featureNames, List<String> raw) {
        int[] labels = new int[raw.size()];
        boolean integers = raw.stream().allMatch(s -> s.matches("\\d{1,9}"));
        List<String> classes;
        if (integers) {
            int max = -1;
            for (int i = 0; i < labels.length; i++) max = Math.max(max, labels[i] = Integer.parseInt(raw.get(i)));
            classes = new ArrayList<>();
            for (int k = 0; k <= max; k++) classes.add(Integer.toString(k));
        } else {
            classes = List.copyOf(new TreeSet<>(raw));
            Map<String, Integer> index = new HashMap<>();
            for (String c : classes) index.put(c, index.size());
            for (int i = 0; i < labels.length; i++) labels[i] = index.get(raw.get(i));
        }
        return new CsvData(features, Tensor.ofInts(labels, labels.length), featureNames, classes);
    }

    private int labelColumn(List<String> names, Path path, long lineNo) throws CsvFormatException {
        if (labelName != null) {
            if (!header) {
                throw new IllegalArgumentException("CsvReader: label column '" + labelName
                        + "' chosen by name but the reader has no header; use withLabelColumn(index)");
            }
            int i = names.indexOf(labelName);
            if (i < 0) {
                throw new CsvFormatException(path, lineNo, 0, "no column named '" + labelName + "' in the header "
                        + names);
            }
            return i;
        }
        if (labelIndex == null) return -1;
        int i = labelIndex < 0 ? labelIndex + names.size() : labelIndex;
        if (i < 0 || i >= names.size()) {
            throw new CsvFormatException(path, lineNo, 0, "label column " + labelIndex + " is out of range for "
                    + names.size() + " columns");
        }
        return i;
    }

    private static float number(String field, Path path, long lineNo, int column, String name)
            throws CsvFormatException {
        String f = field.toLowerCase(Locale.ROOT);
        switch (f) {
            case "nan": return Float.NaN;
            case "inf", "+inf", "infinity", "+infinity": return Float.POSITIVE_INFINITY;
            case "-inf", "-infinity": return Float.NEGATIVE_INFINITY;
            default: if (NUMBER.matcher(f).matches()) return Float.parseFloat(f);
        }
        throw new CsvFormatException(path, lineNo, column + 1, "'" + field + "' in column '" + name
                + "' is not a number" + (field.isEmpty() ? " (an empty field)" : "")
                + "; choose it as the label column or remove it");
    }

    private List<String> split(String line, Path path, long lineNo) throws CsvFormatException {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch != '"') {
                    cur.append(ch);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == delimiter) {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new CsvFormatException(path, lineNo, fields.size() + 1, "a quoted field is not closed");
        }
        fields.add(cur.toString());
        return fields;
    }

    private static List<String> defaultNames(int width) {
        List<String> names = new ArrayList<>();
        for (int c = 1; c <= width; c++) names.add("column " + c);
        return names;
    }
}
