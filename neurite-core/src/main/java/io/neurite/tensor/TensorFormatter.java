package io.neurite.tensor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a tensor as PyTorch 1.13 does with its default print options (torch/_tensor_str.py):
 * precision 4, summarization with {@code ...} past 1000 elements keeping 3 items at each edge of
 * every dimension, lines of at most 80 characters, and the {@code _Formatter} choice between whole
 * numbers ({@code 1.}), fixed ({@code 1.2500}) and scientific ({@code 1.2500e+03}) notation.
 *
 * <p>Numbers are rounded as Python's {@code format} does: the exact binary value, half to even.
 */
final class TensorFormatter {

    private static final int PRECISION = 4;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final int LINE_WIDTH = 80;
    private static final String PREFIX = "tensor(";

    private final Tensor t;
    private final int rank;
    private final boolean summarize;
    private NumberFormat numbers;

    private TensorFormatter(Tensor t) {
        this.t = t;
        this.rank = t.dim();
        this.summarize = t.numel() > THRESHOLD;
    }

    static String format(Tensor t) {
        List<String> suffixes = new ArrayList<>();
        String body;
        if (t.numel() == 0) {
            if (t.dim() != 1) suffixes.add("size=" + tuple(t.shape));
            body = "[]";
        } else {
            TensorFormatter f = new TensorFormatter(t);
            List<Double> printed = new ArrayList<>();
            f.collect(0, t.offset, printed);
            f.numbers = new NumberFormat(printed, t.isFloat());
            body = f.render(0, t.offset, PREFIX.length());
        }
        if (!t.isFloat()) suffixes.add("dtype=torch." + t.dtype().torchName());
        if (t.gradFn() != null) {
            suffixes.add("grad_fn=<" + t.gradFn() + ">");
        } else if (t.requiresGrad()) {
            suffixes.add("requires_grad=True");
        }
        return addSuffixes(PREFIX + body, suffixes, PREFIX.length());
    }

    /** The indices of dimension d that are printed, -1 standing for the ellipsis. */
    private int[] printedIndices(int d) {
        int n = t.shape.raw()[d];
        if (summarize && n > 2 * EDGE_ITEMS) {
            int[] idx = new int[2 * EDGE_ITEMS + 1];
            for (int i = 0; i < EDGE_ITEMS; i++) {
                idx[i] = i;
                idx[EDGE_ITEMS + 1 + i] = n - EDGE_ITEMS + i;
            }
            idx[EDGE_ITEMS] = -1;
            return idx;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        return idx;
    }

    private double value(int storageOffset) {
        return t.isFloat() ? t.storage.floats[storageOffset] : t.storage.ints[storageOffset];
    }

    /** The values that will be printed (PyTorch's get_summarized_data): the formatter sees only those. */
    private void collect(int d, int off, List<Double> out) {
        if (d == rank) {
            out.add(value(off));
            return;
        }
        for (int i : printedIndices(d)) {
            if (i >= 0) collect(d + 1, off + i * t.strides[d], out);
        }
    }

    private String render(int d, int off, int indent) {
        if (rank == 0) return numbers.format(value(off));
        int[] idx = printedIndices(d);
        int stride = t.strides[d];
        List<String> parts = new ArrayList<>();
        if (d == rank - 1) {
            for (int i : idx) parts.add(i < 0 ? " ..." : numbers.format(value(off + i * stride)));
            return vector(parts, indent);
        }
        for (int i : idx) parts.add(i < 0 ? "..." : render(d + 1, off + i * stride, indent + 1));
        return "[" + String.join("," + "\n".repeat(rank - d - 1) + " ".repeat(indent + 1), parts) + "]";
    }

    /** A row, wrapped so that each line holds as many elements as fit in the line width. */
    private String vector(List<String> elements, int indent) {
        int perLine = Math.max(1, Math.floorDiv(LINE_WIDTH - indent, numbers.maxWidth + 2));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < elements.size(); i += perLine) {
            lines.add(String.join(", ", elements.subList(i, Math.min(elements.size(), i + perLine))));
        }
        return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
    }

    /** PyTorch's _add_suffixes, including its count of the last line's length. */
    private static String addSuffixes(String text, List<String> suffixes, int indent) {
        StringBuilder sb = new StringBuilder(text);
        int lastLineLength = text.length() - text.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLength + suffix.length() + 2 > LINE_WIDTH) {
                sb.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLength = indent + suffix.length();
            } else {
                sb.append(", ").append(suffix);
                lastLineLength += suffix.length() + 2;
            }
        }
        return sb.append(')').toString();
    }

    /** Python's str of a tuple of two or more sizes, e.g. {@code (0, 3)}. */
    private static String tuple(Shape shape) {
        int[] dims = shape.raw();
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) sb.append(i == 0 ? "" : ", ").append(dims[i]);
        return sb.append(')').toString();
    }

    /** PyTorch's _Formatter: one notation and one width for all printed values of a tensor. */
    private static final class NumberFormat {
        private final boolean floating;
        private boolean intMode = true;
        private boolean sciMode;
        private int maxWidth = 1;

        NumberFormat(List<Double> values, boolean floating) {
            this.floating = floating;
            if (!floating) {
                for (double v : values) maxWidth = Math.max(maxWidth, Long.toString((long) v).length());
                return;
            }
            List<Double> nonzeroFinite = new ArrayList<>();
            double min = Double.POSITIVE_INFINITY, max = 0;
            for (double v : values) {
                if (v == 0 || !Double.isFinite(v)) continue;
                nonzeroFinite.add(v);
                min = Math.min(min, Math.abs(v));
                max = Math.max(max, Math.abs(v));
                if (v != Math.ceil(v)) intMode = false;
            }
            if (nonzeroFinite.isEmpty()) return;
            // Scientific when the values span more than 3 decades, are huge, or (with fractions) tiny.
            sciMode = max / min > 1000.0 || max > 1.0e8 || (!intMode && min < 1.0e-4);
            for (double v : nonzeroFinite) {
                int width = sciMode ? scientific(v).length()
                        : intMode ? fixed(v, 0).length() + 1 : fixed(v, PRECISION).length();
                maxWidth = Math.max(maxWidth, width);
            }
        }

        String format(double v) {
            String s;
            if (!floating) {
                s = Long.toString((long) v);
            } else if (sciMode) {
                s = scientific(v);
            } else if (intMode) {
                s = fixed(v, 0) + (Double.isFinite(v) ? "." : "");
            } else {
                s = fixed(v, PRECISION);
            }
            return " ".repeat(Math.max(0, maxWidth - s.length())) + s;
        }

        /** Python's {@code "{:.Nf}".format(v)}. */
        private static String fixed(double v, int decimals) {
            if (!Double.isFinite(v)) return nonFinite(v);
            String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
            return negative(v) && !s.startsWith("-") ? "-" + s : s;
        }

        /** Python's {@code "{:.4e}".format(v)}: d.dddde+XX. */
        private static String scientific(double v) {
            if (!Double.isFinite(v)) return nonFinite(v);
            String digits = "0".repeat(PRECISION + 1);
            int exponent = 0;
            if (v != 0) {
                BigDecimal rounded = new BigDecimal(Math.abs(v))
                        .round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN));
                String unscaled = rounded.unscaledValue().toString();
                exponent = unscaled.length() - 1 - rounded.scale();
                digits = (unscaled + digits).substring(0, PRECISION + 1);
            }
            String e = String.valueOf(Math.abs(exponent));
            return (negative(v) ? "-" : "") + digits.charAt(0) + "." + digits.substring(1)
                    + "e" + (exponent < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
        }

        private static boolean negative(double v) {
            return Double.doubleToRawLongBits(v) < 0;
        }

        private static String nonFinite(double v) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
    }
}
