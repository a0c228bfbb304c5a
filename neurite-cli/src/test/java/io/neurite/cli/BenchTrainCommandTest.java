package io.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.cli.bench.TrainThroughput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchTrainCommandTest {

    @Test
    void printsOneRowPerModelBatchAndThreadCount() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("train", "--model", "mlp,lenet5", "--batch", "4,8", "--threads", "1", "--steps", "2",
                "--windows", "3", "--warmup", "0");
        assertEquals(0, code, out.toString());
        List<String> lines = Arrays.stream(out.toString().split("\n")).map(String::trim).toList();
        assertTrue(lines.get(0).startsWith("training: Adam, cross-entropy"), lines.get(0));
        assertEquals(List.of("model", "batch", "threads", "median", "samples/s", "best", "samples/s", "steps", "peak",
                "RSS", "MB"), List.of(lines.get(1).split("\\s+")));
        List<String[]> rows = lines.stream().skip(2).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")).toList();
        assertEquals(4, rows.size(), out.toString());
        String[][] expected = {{"mlp", "4"}, {"mlp", "8"}, {"lenet5", "4"}, {"lenet5", "8"}};
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            String line = String.join(" ", row);
            assertEquals(7, row.length, line);
            assertEquals(expected[i][0], row[0], line);
            assertEquals(expected[i][1], row[1], line);
            assertEquals("1", row[2], line);
            double median = Double.parseDouble(row[3]), best = Double.parseDouble(row[4]);
            assertTrue(median > 0 && best >= median, line);
            assertEquals("6", row[5], line); // 3 windows of 2 steps
            assertTrue(Double.parseDouble(row[6]) > 0, line);
        }
    }

    @Test
    void sameSeedGivesTheSameLoss() {
        var settings = new TrainThroughput.Settings("mlp", 8, 1, 0, 0, 3, 1, 7);
        TrainThroughput.Result first = TrainThroughput.measure(settings);
        TrainThroughput.Result second = TrainThroughput.measure(settings);
        assertTrue(Float.isFinite(first.lastLoss()), "loss " + first.lastLoss());
        assertEquals(first.lastLoss(), second.lastLoss());
        assertEquals(4, first.timedSteps() + 1); // 1 warm-up step, then 3 timed
    }

    @Test
    void rejectsModelsThatDoNotTakeImages() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("train", "--model", "sin", "--steps", "1");
        assertEquals(2, code);
        assertTrue(err.toString().contains("bench train: model 'sin' does not take 28x28 images (input [1, 1])"),
                err.toString());
    }

    @Test
    void rejectsThreadCountsOutsideThePool() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("train", "--threads", "0", "--steps", "1");
        assertEquals(2, code);
        assertTrue(err.toString().contains("bench train: expected threads in [1, "), err.toString());
    }
}
