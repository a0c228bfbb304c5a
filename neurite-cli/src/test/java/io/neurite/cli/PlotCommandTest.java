package io.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {

    @TempDir
    Path dir;

    private Path runFolder(String name, String csv) throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        Files.writeString(run.resolve("metrics.csv"), csv);
        return run;
    }

    @Test
    void drawsOneLinePerRunAsAPngOfTheAskedSize() throws IOException {
        Path adam = runFolder("adam",
                "epoch,loss,accuracy,val_loss,val_accuracy\n0,0.6,0.78,0.5,0.82\n1,0.4,0.85,0.41,0.86\n");
        Path sgd = runFolder("sgd", "epoch,loss,accuracy,val_loss,val_accuracy\n0,0.9,0.66,0.7,0.74\n1,0.6,0.78,,\n");
        Path png = dir.resolve("out/curves.png");
        CliRun r = CliRun.of("plot", adam.toString(), sgd.toString(), "--output", png.toString(), "--size", "400x300");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("curves.png"), r.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
    }

    @Test
    void refusesATruncatedCsvNamingTheFileAndLine() throws IOException {
        Path bad = runFolder("bad", "epoch,loss,accuracy\n0,0.6,0.78\n1,0.4\n");
        Path png = dir.resolve("never.png");
        CliRun r = CliRun.of("plot", bad.toString(), "--output", png.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("metrics.csv: line 3 has 2 cells, expected 3"), r.err());
        assertFalse(Files.exists(png));
    }

    @Test
    void refusesAnUnknownMetricAndAMissingRun() throws IOException {
        Path ok = runFolder("ok", "epoch,loss\n0,0.6\n");
        CliRun unknown = CliRun.of("plot", ok.toString(), "--metric", "f1", "--output",
                dir.resolve("x.png").toString());
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("has no column 'f1', expected one of [epoch, loss]"), unknown.err());
        CliRun missing = CliRun.of("plot", dir.resolve("nowhere").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("plot: no metrics file at"), missing.err());
    }
}
