package io.neurite.cli.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run's {@code metrics.csv} as written by {@code io.neurite.train.MetricsLogger}: a header naming the
 * columns ("epoch" first), then one row of numbers per epoch; an empty cell is a value not logged.
 *
 * @param file    where it was read from
 * @param columns the header
 * @param rows    the values, {@code NaN} where a cell is empty
 */
public record MetricsCsv(Path file, List<String> columns, List<double[]> rows) {

    /** Reads {@code file}, refusing a missing header, a short or long row, or a cell that is not a number. */
    public static MetricsCsv read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IOException(file + ": expected a metrics CSV with a header line, got an empty file");
        }
        List<String> columns = Arrays.asList(lines.get(0).split(",", -1));
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) continue;
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != columns.size()) {
                throw new IOException(file + ": line " + (i + 1) + " has " + cells.length + " cells, expected "
                        + columns.size() + " like the header; the file is truncated or was not written by Neurite");
            }
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) row[c] = parse(file, i + 1, columns.get(c), cells[c]);
            rows.add(row);
        }
        return new MetricsCsv(file, columns, rows);
    }

    /** Whether a column called {@code name} exists. */
    public boolean has(String name) {
        return columns.contains(name);
    }

    /** The (epoch + 1, value) points of column {@code name}, skipping epochs where it was not logged. */
    public List<double[]> series(String name) {
        int column = columns.indexOf(name), epoch = columns.indexOf("epoch");
        if (column < 0) {
            throw new IllegalArgumentException(file + " has no column '" + name + "', expected one of " + columns);
        }
        List<double[]> points = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            double x = epoch >= 0 ? row[epoch] + 1 : r + 1;
            if (!Double.isNaN(row[column])) points.add(new double[] {x, row[column]});
        }
        return points;
    }

    private static double parse(Path file, int line, String column, String cell) throws IOException {
        if (cell.isEmpty()) return Double.NaN;
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": line " + line + ", column '" + column + "' holds '" + cell
                    + "', expected a number", e);
        }
    }
}
