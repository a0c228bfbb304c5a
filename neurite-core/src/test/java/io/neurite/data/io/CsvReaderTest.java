package io.neurite.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("t.csv"), content);
    }

    @Test
    void labelByNameWithClassNamesSorted() throws IOException {
        Path p = write("a,species,b\n1.5,virginica,2\n-3e2,setosa,.5\n\n0,virginica,+4\n");
        CsvData d = new CsvReader().withLabelColumn("species").read(p);
        assertArrayEquals(new int[] {3, 2}, d.features().shape().dims());
        assertArrayEquals(new float[] {1.5f, 2f, -300f, 0.5f, 0f, 4f}, d.features().toFloatArray());
        assertEquals(List.of("a", "b"), d.featureNames());
        assertEquals(List.of("setosa", "virginica"), d.classes());
        assertArrayEquals(new int[] {1, 0, 1}, d.labels().toIntArray());
    }

    @Test
    void integerLabelsByNegativeIndexWithoutHeader() throws IOException {
        Path p = write("0.1;0.2;3\n0.3;0.4;0\n");
        CsvData d = new CsvReader().withHeader(false).withDelimiter(';').withLabelColumn(-1).read(p);
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, d.features().toFloatArray());
        assertArrayEquals(new int[] {3, 0}, d.labels().toIntArray());
        assertEquals(List.of("0", "1", "2", "3"), d.classes());
        assertEquals(List.of("column 1", "column 2"), d.featureNames());
    }

    @Test
    void noLabelQuotedFieldsAndSpecialValues() throws IOException {
        CsvData d = new CsvReader().withDelimiter('\t').read(write("\"x\"\t\"y,z\"\n\"1\"\tNaN\n-inf\t7\n"));
        assertNull(d.labels());
        assertEquals(List.of("x", "y,z"), d.featureNames());
        float[] v = d.features().toFloatArray();
        assertEquals(1f, v[0]);
        assertTrue(Float.isNaN(v[1]));
        assertEquals(Float.NEGATIVE_INFINITY, v[2]);
        assertEquals(2, d.rows());
    }

    @Test
    void nonNumericValueNamesLineAndColumn() throws IOException {
        Path p = write("a,b,c\n1,2,3\n4,five,6\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> new CsvReader().read(p));
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertEquals(p + ": line 3, column 2: 'five' in column 'b' is not a number; choose it as the label column"
                + " or remove it", e.getMessage());
        CsvFormatException suffix = assertThrows(CsvFormatException.class,
                () -> new CsvReader().read(write("a\n1f\n")));
        assertEquals(2, suffix.line());
        CsvFormatException empty = assertThrows(CsvFormatException.class,
                () -> new CsvReader().read(write("a,b\n1,\n")));
        assertTrue(empty.getMessage().contains("(an empty field)"), empty.getMessage());
    }

    @Test
    void raggedRowNamesItsLine() throws IOException {
        Path p = write("a,b,c\n1,2,3\n4,5\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> new CsvReader().read(p));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("line 3: the row has 2 fields but the header has 3"), e.getMessage());
    }

    @Test
    void misuseReported() throws IOException {
        Path p = write("a,b\n1,2\n");
        CsvFormatException name = assertThrows(CsvFormatException.class,
                () -> new CsvReader().withLabelColumn("label").read(p));
        assertTrue(name.getMessage().contains("no column named 'label' in the header [a, b]"), name.getMessage());
        CsvFormatException index = assertThrows(CsvFormatException.class,
                () -> new CsvReader().withLabelColumn(2).read(p));
        assertTrue(index.getMessage().contains("label column 2 is out of range for 2 columns"), index.getMessage());
        IllegalArgumentException noHeader = assertThrows(IllegalArgumentException.class,
                () -> new CsvReader().withHeader(false).withLabelColumn("a").read(p));
        assertTrue(noHeader.getMessage().contains("use withLabelColumn(index)"), noHeader.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CsvReader().withDelimiter('"'));
        CsvFormatException unclosed = assertThrows(CsvFormatException.class,
                () -> new CsvReader().read(write("a,b\n1,\"2\n")));
        assertTrue(unclosed.getMessage().contains("column 2: a quoted field is not closed"), unclosed.getMessage());
        assertThrows(CsvFormatException.class, () -> new CsvReader().read(write("")));
    }
}
