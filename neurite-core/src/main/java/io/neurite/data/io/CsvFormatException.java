package io.neurite.data.io;

import java.io.IOException;
import java.nio.file.Path;

/** A CSV file that a reader refused: it names the file, the line and column (1-based) and why. */
public final class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final long line;
    private final int column;

    public CsvFormatException(Path path, long line, int column, String reason) {
        super(path + ": line " + line + (column > 0 ? ", column " + column : "") + ": " + reason);
        this.path = path;
        this.line = line;
        this.column = column;
    }

    public Path path() {
        return path;
    }

    public long line() {
        return line;
    }

    /** 1-based column, 0 when the problem is the whole line. */
    public int column() {
        return column;
    }
}
