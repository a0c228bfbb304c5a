package io.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchGemmCommandTest {

    @Test
    void printsOneRowPerSizeAndThreadCount() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("gemm", "--sizes", "8,24", "--warmup", "0", "--seconds", "0.01");
        assertEquals(0, code, out.toString());
        List<String[]> rows = Arrays.stream(out.toString().split("\n"))
                .map(String::trim)
                .filter(line -> !line.isEmpty() && Character.isDigit(line.charAt(0)))
                .map(line -> line.split("\\s+"))
                .toList();
        int threadCounts = io.neurite.kernels.Parallel.threads() > 1 ? 2 : 1;
        assertEquals(2 * threadCounts, rows.size(), out.toString());
        for (String[] row : rows) {
            assertEquals(4, row.length, String.join(" ", row));
            String line = String.join(" ", row);
            assertTrue(Double.parseDouble(row[2]) >= Double.parseDouble(row[3]), line);
        }
        assertEquals("8", rows.get(0)[0]);
        assertEquals("24", rows.get(rows.size() - 1)[0]);
    }

    @Test
    void rejectsNonPositiveSizes() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("gemm", "--sizes", "0");
        assertEquals(2, code);
        String expected = "bench gemm: expected sizes in [1, 46340], got --sizes containing 0";
        assertTrue(err.toString().contains(expected), err.toString());
    }
}
