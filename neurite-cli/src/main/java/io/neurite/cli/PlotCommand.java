package io.neurite.cli;

import io.neurite.cli.plot.CurveChart;
import io.neurite.cli.plot.MetricsCsv;
import io.neurite.train.MetricsLogger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurite plot}: learning curves of one or more training runs as PNG charts. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw learning curves (a metric per epoch) of one or more runs of 'neurite train' as a PNG "
                + "chart, one line per run.",
        footer = {"%nExamples:",
                "  neurite plot runs/lenet5-adam runs/lenet5-sgd --output runs/adam-vs-sgd.png",
                "  neurite plot runs/mlp --metric loss --metric val_loss --output runs/mlp-loss.png"})
final class PlotCommand implements Callable<Integer> {

    private static final Pattern SIZE = Pattern.compile("([1-9][0-9]{2,4})[xX]([1-9][0-9]{2,4})");

    @Parameters(arity = "1..*", paramLabel = "RUN",
            description = "Run folders holding a metrics.csv (or the metrics.csv files themselves).")
    List<Path> runs;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "Metric column to draw, repeatable (default: val_accuracy, or accuracy when a run has "
                    + "no validation).")
    List<String> metrics;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "curves.png",
            description = "PNG file to write (default: ${DEFAULT-VALUE}); replaced atomically.")
    Path output;

    @Option(names = "--title", description = "Chart title (default: the metrics drawn).")
    String title;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "900x560", description = "Image size in pixels.")
    String size;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int[] pixels = parseSize(size);
        List<MetricsCsv> tables = runs.stream().map(PlotCommand::read).toList();
        List<String> drawn = metrics != null ? metrics : List.of(defaultMetric(tables.get(0)));
        String label = String.join(", ", drawn);
        CurveChart chart = new CurveChart(title != null ? title : label, label);
        for (int i = 0; i < tables.size(); i++) {
            for (String metric : drawn) {
                String line = runName(runs.get(i)) + (drawn.size() > 1 ? " " + metric : "");
                chart.line(line, tables.get(i).series(metric));
            }
        }
        chart.save(output, pixels[0], pixels[1]);
        spec.commandLine().getOut().println("wrote " + output.toAbsolutePath());
        return 0;
    }

    private static MetricsCsv read(Path run) {
        Path csv = Files.isDirectory(run) ? run.resolve(MetricsLogger.CSV) : run;
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("plot: no metrics file at " + csv
                    + "; hint: pass the output folder of 'neurite train'");
        }
        try {
            return MetricsCsv.read(csv);
        } catch (IOException e) {
            throw new IllegalArgumentException("plot: cannot read " + e.getMessage(), e);
        }
    }

    private static String defaultMetric(MetricsCsv table) {
        return table.has("val_accuracy") ? "val_accuracy" : "accuracy";
    }

    private static String runName(Path run) {
        Path name = (Files.isDirectory(run) ? run : run.toAbsolutePath().getParent()).getFileName();
        return name == null ? run.toString() : name.toString();
    }

    private static int[] parseSize(String size) {
        Matcher m = SIZE.matcher(size);
        if (m.matches()) {
            int w = Integer.parseInt(m.group(1)), h = Integer.parseInt(m.group(2));
            if (w <= 10_000 && h <= 10_000) return new int[] {w, h};
        }
        throw new IllegalArgumentException("plot: --size expected WIDTHxHEIGHT between 100 and 10000 pixels, got '"
                + size + "'; hint: --size 900x560");
    }
}
