package io.neurite.cli.plot;

import io.neurite.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Learning curves, one line per run, rendered with JFreeChart to a PNG (written atomically). */
public final class CurveChart {

    private final String title;
    private final String yLabel;
    private final Map<String, List<double[]>> lines = new LinkedHashMap<>();

    public CurveChart(String title, String yLabel) {
        this.title = title;
        this.yLabel = yLabel;
    }

    /** Adds a line of (epoch, value) points called {@code label}. */
    public CurveChart line(String label, List<double[]> points) {
        lines.put(label, points);
        return this;
    }

    /** Renders the chart to {@code png}, {@code width} x {@code height} pixels. */
    public void save(Path png, int width, int height) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        lines.forEach((label, points) -> {
            XYSeries series = new XYSeries(label);
            for (double[] p : points) series.add(p[0], p[1]);
            data.addSeries(series);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        // Curves that differ by a point or two would be flat lines on an axis that starts at zero.
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(bytes, chart, width, height);
        AtomicFiles.write(png, bytes.toByteArray());
    }
}
